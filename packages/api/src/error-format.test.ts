import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import type { Context } from './context';
import { appRouter } from './router';

/** A context whose mapping repository fails the way a database error with query data would. */
function failingContext(
  roles: Context['user'] extends infer U ? (U extends { roles: infer R } ? R : never) : never,
) {
  return {
    user: { id: 'u1', email: 'ana@hospital.example', displayName: 'Ana', roles },
    mappings: {
      list: async () => {
        throw new Error('insert into samples failed: "PID|1||12345^^^MRN||EVERYMAN^ADAM"');
      },
    },
  } as unknown as Context;
}

async function call(ctx: Context, path: string) {
  const res = await fetchRequestHandler({
    endpoint: '/trpc',
    req: new Request(`http://127.0.0.1/trpc/${path}`),
    router: appRouter,
    createContext: () => ctx,
  });
  return { status: res.status, body: await res.text() };
}

describe('errors over HTTP', () => {
  it('never sends the text of an unexpected failure, which may hold patient data', async () => {
    const { status, body } = await call(failingContext(['analyst']), 'mappings.list');
    expect(status).toBe(500);
    expect(body).not.toContain('EVERYMAN');
    expect(body).not.toContain('PID|');
    expect(body).toContain('The server failed to do this');
  });

  it('keeps the message of a typed refusal, which is written for the user', async () => {
    const ctx = { ...failingContext(['analyst']), user: null } as unknown as Context;
    const { status, body } = await call(ctx, 'mappings.list');
    expect(status).toBe(401);
    expect(body).toContain('Sign in first.');
  });
});
