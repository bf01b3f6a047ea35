// Test-only: a Context on a real in-memory database, as the server would build it.
import {
  createConceptMapRepository,
  createMappingRepository,
  createSampleRepository,
  createSessionRepository,
  createUserRepository,
  openDatabase,
  type Database,
} from '@mapwright/db';
import type { Context } from './context';
import type { SessionUser } from './ports';

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
): Context {
  return {
    user,
    sessionToken: jar.token,
    users: createUserRepository(db.prisma),
    sessions: createSessionRepository(db.prisma),
    mappings: createMappingRepository(db.prisma),
    samples: createSampleRepository(db.prisma),
    conceptMaps: createConceptMapRepository(db.prisma),
    cookie: {
      set: (token, expiresAt) => Object.assign(jar, { token, expiresAt }),
      clear: () => Object.assign(jar, { token: null, expiresAt: null }),
    },
    now: () => new Date(),
    sessionTtlMs: 60 * 60 * 1000,
  };
}
