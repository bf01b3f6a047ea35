import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { fail, guardWrite, ok, parseInput, type DbResult } from '../result';
import { isUuid, nameSchema } from '../schemas';

/** Roles in canonical order; a user's roles are stored de-duplicated in this order. */
export const USER_ROLES = ['analyst', 'reviewer', 'operator', 'admin'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Trimmed and lower-cased: the stored form, and the form lookups compare with. */
export const emailSchema = z
  .string()
  .trim()
  .max(320)
  .transform((email) => email.toLowerCase())
  .pipe(z.email());

export const createUserInputSchema = z.object({
  /** Unique regardless of case; stored lower-cased. */
  email: emailSchema,
  displayName: nameSchema,
  /** The encoded slow hash (e.g. a PHC string) computed by the caller; never a plain password. */
  passwordHash: z.string().min(1).max(1_000),
  roles: z
    .array(userRoleSchema)
    .min(1, 'a user needs at least one role')
    .transform((roles) => USER_ROLES.filter((role) => roles.includes(role))),
});
export type CreateUserInput = z.input<typeof createUserInputSchema>;

/** A user without the password hash: safe to log and to send to the browser. */
export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  roles: UserRole[];
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A user with the password hash, for signing in only. */
export interface UserCredentials extends UserRecord {
  passwordHash: string;
}

export interface UserRepository {
  create(input: CreateUserInput): Promise<DbResult<UserRecord>>;
  /**
   * Creates the first account, atomically: a `conflict` value when any account exists, also when two
   * first-run set-ups race (a transaction-scoped advisory lock lets only one find the table empty).
   */
  createFirst(input: CreateUserInput): Promise<DbResult<UserRecord>>;
  getById(id: string): Promise<UserRecord | null>;
  /** Case-insensitive; the only read that returns the password hash (to verify a sign-in). */
  getByEmail(email: string): Promise<UserCredentials | null>;
  /** Number of users, disabled ones included (zero means first run: create the admin). */
  count(): Promise<number>;
  /** All users ordered by email. */
  list(): Promise<UserRecord[]>;
}

export const userSelect = {
  id: true,
  email: true,
  displayName: true,
  roles: true,
  disabled: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.UserSelect;

export function createUserRepository(prisma: PrismaClient): UserRepository {
  return {
    async create(input) {
      const parsed = parseInput(createUserInputSchema, input, 'user');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      return guardWrite(
        { entity: 'user', fields: ['email'] },
        { conflict: `A user with email "${data.email}" already exists` },
        () => prisma.user.create({ data, select: userSelect }),
      );
    },

    async createFirst(input) {
      const parsed = parseInput(createUserInputSchema, input, 'user');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      const created = await guardWrite(
        { entity: 'user', fields: ['email'] },
        { conflict: `A user with email "${data.email}" already exists` },
        () =>
          prisma.$transaction(async (tx) => {
            // `SELECT 1 FROM`: Prisma cannot read the void the lock function returns.
            await tx.$queryRawUnsafe(
              "SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('mapwright.first-user'))",
            );
            if ((await tx.user.count()) > 0) return null;
            return tx.user.create({ data, select: userSelect });
          }),
      );
      if (!created.ok) return created;
      if (created.value === null) {
        return fail({
          code: 'conflict',
          message: 'An account already exists: first-run set-up is done',
          at: { entity: 'user' },
        });
      }
      return ok(created.value);
    },

    async getById(id) {
      if (!isUuid(id)) return null;
      return prisma.user.findUnique({ where: { id }, select: userSelect });
    },

    async getByEmail(email) {
      const parsed = emailSchema.safeParse(email);
      if (!parsed.success) return null;
      return prisma.user.findUnique({
        where: { email: parsed.data },
        select: { ...userSelect, passwordHash: true },
      });
    },

    count() {
      return prisma.user.count();
    },

    list() {
      return prisma.user.findMany({ orderBy: { email: 'asc' }, select: userSelect });
    },
  };
}
