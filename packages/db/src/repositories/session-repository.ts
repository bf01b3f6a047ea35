import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client';
import { guardWrite, parseInput, type DbResult } from '../result';
import { isUuid, uuidSchema } from '../schemas';
import { userSelect, type UserRecord } from './user-repository';

/** Lower-case hex SHA-256 of the session token: the raw token is never stored. */
export const tokenHashSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'expected the lower-case hex SHA-256 of the token, not the token');

export const createSessionInputSchema = z.object({
  tokenHash: tokenHashSchema,
  userId: uuidSchema,
  expiresAt: z.date(),
});
export type CreateSessionInput = z.input<typeof createSessionInputSchema>;

export interface SessionRecord {
  id: string;
  tokenHash: string;
  userId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
}

export interface SessionWithUser extends SessionRecord {
  user: UserRecord;
}

export interface SessionRepository {
  create(input: CreateSessionInput): Promise<DbResult<SessionRecord>>;
  /**
   * The session with this token hash and its user, or null when there is none, it expired
   * (`expiresAt <= now`) or its user is disabled.
   */
  findValid(tokenHash: string, now: Date): Promise<SessionWithUser | null>;
  /** Records activity: sets lastSeenAt. Does not change expiresAt. */
  touch(id: string, now: Date): Promise<DbResult<SessionRecord>>;
  /** Signs out; true when a session was deleted (deleting an unknown one is not an error). */
  delete(tokenHash: string): Promise<boolean>;
  /** Deletes sessions with `expiresAt <= now`; returns how many. */
  deleteExpired(now: Date): Promise<number>;
}

export function createSessionRepository(prisma: PrismaClient): SessionRepository {
  return {
    async create(input) {
      const parsed = parseInput(createSessionInputSchema, input, 'session');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      return guardWrite(
        { entity: 'session', fields: ['tokenHash'] },
        {
          conflict: 'A session with this token already exists',
          invalidReference: `User ${data.userId} does not exist`,
        },
        () => prisma.session.create({ data }),
      );
    },

    async findValid(tokenHash, now) {
      if (!tokenHashSchema.safeParse(tokenHash).success) return null;
      return prisma.session.findFirst({
        where: { tokenHash, expiresAt: { gt: now }, user: { disabled: false } },
        include: { user: { select: userSelect } },
      });
    },

    async touch(id, now) {
      const at = { entity: 'session', id };
      if (!isUuid(id))
        return { ok: false, error: { code: 'not_found', message: `Session ${id} not found`, at } };
      return guardWrite(at, { conflict: `Session ${id} conflict`, notFound: `Session ${id} not found` }, () =>
        prisma.session.update({ where: { id }, data: { lastSeenAt: now } }),
      );
    },

    async delete(tokenHash) {
      if (!tokenHashSchema.safeParse(tokenHash).success) return false;
      const { count } = await prisma.session.deleteMany({ where: { tokenHash } });
      return count > 0;
    },

    async deleteExpired(now) {
      const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
      return count;
    },
  };
}
