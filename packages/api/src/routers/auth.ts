import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords';
import { newSessionToken, tokenHash } from '../auth/tokens';
import type { UserRecord } from '@mapwright/db';
import type { Context } from '../context';
import type { SessionUser } from '../ports';
import { unwrap } from './db-errors';
import { ANY_ROLE } from '../roles';
import { procedureFor, publicProcedure, router } from '../trpc';

const Email = z
  .email()
  .max(320)
  .transform((e) => e.toLowerCase());
/** Long enough to resist guessing; argon2 makes each guess slow. */
const Password = z.string().min(12, 'Use at least 12 characters.').max(1024);

export const authRouter = router({
  /**
   * What the studio shows first: whether the first-run step (creating the admin) is still to be done, and
   * who is signed in on this session (null when nobody is).
   */
  status: publicProcedure.query(async ({ ctx }) => ({
    needsSetup: (await ctx.users.count()) === 0,
    user: ctx.user,
  })),

  /** First run: creates the admin account, only while no account exists, and signs it in. */
  setup: publicProcedure
    .input(z.object({ email: Email, displayName: z.string().trim().min(1).max(200), password: Password }))
    .mutation(async ({ ctx, input }) => {
      const setupDone = () =>
        new TRPCError({ code: 'FORBIDDEN', message: 'Setup is done: an administrator already exists.' });
      // Checked first so a finished installation does not spend a password hash on every probe.
      if ((await ctx.users.count()) > 0) throw setupDone();
      const created = await ctx.users.createFirst({
        email: input.email,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        roles: ['admin'],
      });
      // Two set-ups racing: the database lets only one create the first account.
      if (!created.ok && created.error.code === 'conflict') throw setupDone();
      const admin = unwrap(created);
      await startSession(ctx, admin.id);
      return sessionUser(admin);
    }),

  login: publicProcedure
    .input(z.object({ email: Email, password: z.string().max(1024) }))
    .mutation(async ({ ctx, input }) => {
      const user = await ctx.users.getByEmail(input.email);
      const valid = await verifyPassword(user?.passwordHash ?? (await DUMMY_HASH), input.password);
      if (!user || !valid || user.disabled) {
        // One answer for unknown email, wrong password and disabled account: nothing to probe.
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Email or password is wrong.' });
      }
      await startSession(ctx, user.id);
      return sessionUser(user);
    }),

  logout: procedureFor(ANY_ROLE).mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await ctx.sessions.delete(tokenHash(ctx.sessionToken));
    ctx.cookie.clear();
    return { ok: true as const };
  }),

  me: procedureFor(ANY_ROLE).query(({ ctx }) => ctx.user),
});

/** A new session: the raw token goes to the cookie only, its hash to the store. */
async function startSession(ctx: Context, userId: string): Promise<void> {
  const token = newSessionToken();
  const expiresAt = new Date(ctx.now().getTime() + ctx.sessionTtlMs);
  unwrap(await ctx.sessions.create({ tokenHash: tokenHash(token), userId, expiresAt }));
  ctx.cookie.set(token, expiresAt);
}

const sessionUser = ({ id, email, displayName, roles }: UserRecord): SessionUser => ({
  id,
  email,
  displayName,
  roles,
});
