// Test-only: a Context on a real in-memory database, as the server would build it.
import {
  createConceptMapRepository,
  createMappingRepository,
  createReviewActionRepository,
  createSampleRepository,
  createSessionRepository,
  createTestCaseRepository,
  createUserRepository,
  openDatabase,
  type Database,
} from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import type { Context } from './context';
import { createCaller } from './router';
import type { ReviewCorpusPort, SessionUser } from './ports';

export interface CookieJar {
  token: string | null;
  expiresAt: Date | null;
}

export async function openTestDatabase(): Promise<Database> {
  return openDatabase({ dataDir: 'memory://' });
}

/** A Context for `user` (or nobody) whose session cookie writes go to `jar`. */
export function testContext(
  db: Database,
  user: SessionUser | null,
  jar: CookieJar = { token: null, expiresAt: null },
  reviewCorpus?: ReviewCorpusPort,
): Context {
  return {
    user,
    sessionToken: jar.token,
    users: createUserRepository(db.prisma),
    sessions: createSessionRepository(db.prisma),
    mappings: createMappingRepository(db.prisma),
    samples: createSampleRepository(db.prisma),
    conceptMaps: createConceptMapRepository(db.prisma),
    testCases: createTestCaseRepository(db.prisma),
    reviews: createReviewActionRepository(db.prisma),
    reviewCorpus,
    cookie: {
      set: (token, expiresAt) => Object.assign(jar, { token, expiresAt }),
      clear: () => Object.assign(jar, { token: null, expiresAt: null }),
    },
    now: () => new Date(),
    sessionTtlMs: 60 * 60 * 1000,
  };
}

/** A caller signed in with one role, as the server would build it for that user. */
export function callerAs(
  db: Database,
  role: SessionUser['roles'][number],
  email = `${role}@example.org`,
  reviewCorpus?: ReviewCorpusPort,
) {
  return createCaller(
    testContext(
      db,
      { id: crypto.randomUUID(), email, displayName: role, roles: [role] },
      undefined,
      reviewCorpus,
    ),
  );
}

/** The refusal a call ends in (code and message); fails the test when the call succeeds. */
export async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof TRPCError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected the call to be refused');
}
