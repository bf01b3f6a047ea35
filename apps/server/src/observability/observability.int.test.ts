import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Database } from '@mapwright/db';
import { openTestDatabase, seedApprovedVersion, testBackends } from '@mapwright/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type AppOptions } from '../app';

// Invented people and facilities: their names must never show up in /metrics.
const adt = (controlId: string) =>
  [
    `MSH|^~\\&|ADMIT|ST-MARY|MAPWRIGHT|HUB|20250101120000||ADT^A01|${controlId}|P|2.5.1`,
    'EVN|A01|20250101120000',
    'PID|1||MRN-4711^^^HOSP^MR||ZEBEDEE^QUILLON||19800101|F',
    '',
  ].join('\r');

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

async function listen(options: AppOptions): Promise<{ server: Server; base: string }> {
  const server = createApp(options).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const closeServer = (server: Server) => new Promise((resolve) => server.close(resolve));

describe.each(testBackends())('health and metrics on $kind', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  let server: Server;
  let base: string;
  let channel: { id: string; path: string; ingestToken: string };

  async function call(path: string, input: unknown, cookie: string) {
    const res = await fetch(`${base}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { result?: { data: unknown } };
    return {
      status: res.status,
      data: body.result?.data as never,
      cookie: res.headers.get('set-cookie') ?? '',
    };
  }

  /** An admin (who may also operate), a mapping with an approved version, and a channel deploying it. */
  async function deployedChannel(path: string) {
    const setup = await call(
      'auth.setup',
      { email: 'admin@hospital.example', displayName: 'Ada', password: 'correct horse battery' },
      '',
    );
    const admin = setup.cookie.split(';')[0]!;
    const user = { email: 'op@hospital.example', displayName: 'Op', password: 'operator password long' };
    expect((await call('users.create', { ...user, roles: ['operator'] }, admin)).status).toBe(200);
    const operator = (await call('auth.login', user, '')).cookie.split(';')[0]!;
    const { mappingId, versionId } = await seedApprovedVersion(db, `${path}-mapping`);
    const created = await call('channels.create', { name: path, path, mappingId }, operator);
    expect(created.status).toBe(200);
    const made = created.data as { id: string; ingestToken: string };
    const deployed = await call('deployments.deploy', { channelId: made.id, versionId }, operator);
    expect(deployed.status).toBe(200);
    return { id: made.id, path, ingestToken: made.ingestToken };
  }

  const ingest = (body: string) =>
    fetch(`${base}/ingest/${channel.path}`, {
      method: 'POST',
      headers: { 'content-type': 'x-application/hl7-v2+er7', authorization: `Bearer ${channel.ingestToken}` },
      body,
    });

  const metricsText = async () => {
    const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    return res.text();
  };

  /** The received counter for this channel over HTTP with one outcome (0 before its first event). */
  const received = (text: string, outcome: string) => {
    const line = text
      .split('\n')
      .find(
        (l) =>
          l.startsWith('mapwright_messages_received_total{') &&
          l.includes(`channel="${channel.id}"`) &&
          l.includes('transport="http"') &&
          l.includes(`outcome="${outcome}"`),
      );
    return line ? Number(line.split(' ').at(-1)) : 0;
  };

  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
    ({ server, base } = await listen({
      db,
      sessionTtlMs: 3_600_000,
      secureCookies: false,
      metricsToken: METRICS_TOKEN,
    }));
    channel = await deployedChannel('obs-in');
  });
  afterAll(async () => {
    await closeServer(server);
    await close();
  });

  it('answers /healthz with 200 while the process runs', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 when the database answers and migrations are applied', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers /readyz with 503 naming the database check once the database is closed', async () => {
    const own = await openTestDatabase(backend);
    const app = await listen({ db: own.db, sessionTtlMs: 3_600_000, secureCookies: false });
    try {
      expect((await fetch(`${app.base}/readyz`)).status).toBe(200);
      await own.db.close();
      const res = await fetch(`${app.base}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 'not-ready', failed: 'database' });
    } finally {
      await closeServer(app.server);
      await own.close().catch(() => undefined);
    }
  });

  it('hides /metrics (404) when no metrics token is configured', async () => {
    const own = await listen({ db, sessionTtlMs: 3_600_000, secureCookies: false });
    try {
      const res = await fetch(`${own.base}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(res.status).toBe(404);
    } finally {
      await closeServer(own.server);
    }
  });

  it('refuses /metrics with 401 without the right token', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, {
      headers: { authorization: 'Bearer not-the-metrics-token' },
    });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain('mapwright_messages_received_total');
  });

  it('counts a 3-message batch as 3 stored and a resend as 1 duplicate, without message content', async () => {
    const before = await metricsText();
    const batch = ['FHS|^~\\&|ADMIT|ST-MARY\r', adt('M-1'), adt('M-2'), adt('M-3'), 'FTS|3\r'].join('');
    expect((await ingest(batch)).status).toBe(202);
    const afterBatch = await metricsText();
    expect(received(afterBatch, 'stored') - received(before, 'stored')).toBe(3);
    expect(received(afterBatch, 'duplicate')).toBe(received(before, 'duplicate'));

    expect((await ingest(adt('M-2'))).status).toBe(202);
    const afterResend = await metricsText();
    expect(received(afterResend, 'duplicate') - received(afterBatch, 'duplicate')).toBe(1);
    expect(received(afterResend, 'stored')).toBe(received(afterBatch, 'stored'));

    expect(afterResend).toMatch(/^mapwright_ingest_store_seconds_count\{transport="http"\} [1-9]/m);
    expect(afterResend).toMatch(/^mapwright_mllp_listeners 0$/m);
    expect(afterResend).toMatch(/^process_cpu_user_seconds_total /m);
    expect(afterResend).not.toMatch(/ZEBEDEE|QUILLON|MRN-4711|ST-MARY/);
  });
});
