import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { openDatabase, type Database } from '@mapwright/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, SESSION_COOKIE } from './app';
import { ensureAdmin } from './first-run';

let db: Database;
let server: Server;
let base: string;

beforeAll(async () => {
  db = await openDatabase({ dataDir: 'memory://' });
  server = createApp({ db, sessionTtlMs: 60 * 60 * 1000, secureCookies: false }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

/** tRPC over plain HTTP, as any client (or an attacker) would call it: queries GET, mutations POST. */
async function call(path: string, input?: unknown, cookie?: string, method: 'GET' | 'POST' = 'POST') {
  const url =
    method === 'GET' && input !== undefined
      ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
      : `${base}/trpc/${path}`;
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: method === 'POST' ? JSON.stringify(input ?? {}) : undefined,
  });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } };
  const setCookie = res.headers.get('set-cookie') ?? '';
  return {
    status: res.status,
    data: body.result?.data,
    error: body.error,
    setCookie,
    cookie: setCookie.split(';')[0] ?? '',
  };
}

describe('the HTTP host', () => {
  it('answers health checks', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('runs the first-run setup and sets an HttpOnly, SameSite session cookie', async () => {
    expect((await call('auth.status', undefined, undefined, 'GET')).data).toEqual({
      needsSetup: true,
      user: null,
    });
    const setup = await call('auth.setup', {
      email: 'admin@hospital.example',
      displayName: 'Ada',
      password: 'correct horse battery',
    });
    expect(setup.status).toBe(200);
    expect(setup.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]+;`));
    expect(setup.setCookie).toMatch(/HttpOnly/);
    expect(setup.setCookie).toMatch(/SameSite=Strict/);
    expect((await call('auth.me', undefined, setup.cookie, 'GET')).data).toMatchObject({
      email: 'admin@hospital.example',
      roles: ['admin'],
    });
  });

  it('refuses callers without a session, and roles that may not edit, even through the raw API', async () => {
    expect((await call('mappings.list', undefined, undefined, 'GET')).status).toBe(401);

    const admin = await call('auth.login', {
      email: 'admin@hospital.example',
      password: 'correct horse battery',
    });
    const reviewer = {
      email: 'rita@hospital.example',
      displayName: 'Rita',
      password: 'reviewer password 1',
      roles: ['reviewer'],
    };
    expect((await call('users.create', reviewer, admin.cookie)).status).toBe(200);

    const rita = await call('auth.login', { email: reviewer.email, password: reviewer.password });
    expect((await call('mappings.list', undefined, rita.cookie, 'GET')).status).toBe(200);
    const edit = await call(
      'mappings.create',
      { slug: 'adt', name: 'ADT', sourceFormat: 'hl7v2' },
      rita.cookie,
    );
    expect(edit.status).toBe(403);
    expect(edit.error?.message).toMatch(/analyst/);
    expect(
      (await call('users.create', { ...reviewer, email: 'x@hospital.example' }, rita.cookie)).status,
    ).toBe(403);
  });

  it('forgets the session on logout', async () => {
    const admin = await call('auth.login', {
      email: 'admin@hospital.example',
      password: 'correct horse battery',
    });
    const out = await call('auth.logout', undefined, admin.cookie);
    expect(out.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect((await call('auth.me', undefined, admin.cookie, 'GET')).status).toBe(401);
  });
});

describe('unattended first run', () => {
  it('creates the administrator from the environment once, and never a second one', async () => {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    try {
      expect(await ensureAdmin(fresh, {})).toBe('needs-setup');
      expect(
        await ensureAdmin(fresh, { email: 'ops@hospital.example', password: 'from the environment' }),
      ).toBe('created');
      expect(
        await ensureAdmin(fresh, { email: 'other@hospital.example', password: 'from the environment' }),
      ).toBe('exists');
    } finally {
      await fresh.close();
    }
  });
});
