// Test-only: a Context on a real in-memory database, as the server would build it.
import {
  createChannelRepository,
  createConceptMapRepository,
  createDeploymentRepository,
  createMappingRepository,
  createMessageRepository,
  createReviewActionRepository,
  createSampleRepository,
  createSessionRepository,
  createTestCaseRepository,
  createUserRepository,
  openDatabase,
  type Database,
} from '@mapwright/db';
import { openTestDatabase as openBackend, type TestBackend } from '@mapwright/db/testing';
import type { MappingInput } from '@mapwright/engine';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll } from 'vitest';
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
    channels: createChannelRepository(db.prisma),
    deployments: createDeploymentRepository(db.prisma),
    messages: createMessageRepository(db.prisma),
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

/** The database of one backend for a describe block: opened before its tests, closed after them. */
export function backendDatabase(backend: TestBackend): () => Database {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openBackend(backend));
  });
  afterAll(() => close?.());
  return () => db;
}

/** An ADT^A01 for John Smith: the sample the router tests map. */
export const ADT_A01 =
  'MSH|^~\\&|A|B|C|D|202401011200||ADT^A01|1|P|2.5\rPID|1||123^^^H^MR||Smith^John||19800101|M\r';

//  ┌──────┐ name.family ┌───────┐
//  │family├────────────►│patient│
//  └──────┘             └───────┘
/** The smallest mapping: the field at `familyPath` into Patient.name.family. */
export const familyGraph = (id: string, familyPath = 'PID.F5.C1'): MappingInput => ({
  id,
  name: 'ADT',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: familyPath },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [{ id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' }],
});
