import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { openDatabase, type Database } from '@mapwright/db';
import { createApp } from '@mapwright/server';
import { loadExamples } from '../apps/server/src/load-examples';

/** The administrator the benchmark creates on its fresh database and signs in as. */
export const ADMIN = {
  email: 'bench@mapwright.example',
  displayName: 'Bench',
  password: 'correct horse battery',
};

export interface StudioServer {
  base: string;
  /** `mapwright_session=…`, for API calls from Node and for browser contexts. */
  sessionCookie: { name: string; value: string };
  /** tRPC 11 over HTTP without a transformer: the POST body is the raw input, the answer `result.data`. */
  mutate: (procedure: string, input: unknown) => Promise<unknown>;
  close: () => Promise<void>;
}

/**
 * The server as `pnpm serve` runs it, on loopback, with an in-memory PGlite database holding the example
 * mappings, and the administrator already created (so every cold page load shows the same sign-in screen).
 */
export async function startStudioServer(root: string, studioDir: string): Promise<StudioServer> {
  const db: Database = await openDatabase({ dataDir: 'memory://' });
  const loaded = await loadExamples(db, join(root, 'mappings'));
  if (loaded.problems.length > 0)
    throw new Error(`example mappings did not load: ${loaded.problems.join('; ')}`);
  const server: Server = createApp({ db, sessionTtlMs: 3_600_000, secureCookies: false, studioDir }).listen(
    0,
    '127.0.0.1',
  );
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await new Promise((r) => server.close(r));
    await db.close();
  };

  try {
    const setup = await post(base, 'auth.setup', ADMIN, '');
    const cookie = /mapwright_session=([^;]+)/.exec(setup.headers.get('set-cookie') ?? '');
    if (!cookie) throw new Error('auth.setup answered without a session cookie');
    const sessionCookie = { name: 'mapwright_session', value: cookie[1]! };
    const header = `${sessionCookie.name}=${sessionCookie.value}`;
    const mutate = async (procedure: string, input: unknown) =>
      ((await (await post(base, procedure, input, header)).json()) as { result: { data: unknown } }).result
        .data;
    return { base, sessionCookie, mutate, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function post(base: string, procedure: string, input: unknown, cookie: string): Promise<Response> {
  const response = await fetch(`${base}/trpc/${procedure}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(input),
  });
  if (!response.ok) {
    // The answer is a tRPC error (code and message about the input shape), never patient data.
    throw new Error(
      `${procedure} failed with HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`,
    );
  }
  return response;
}
