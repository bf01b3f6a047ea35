import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context';
import type { Role } from './roles';

const t = initTRPC.context<Context>().create();

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Only for signing in and first-run setup: everything else names the roles that may call it. */
export const publicProcedure = t.procedure;

/**
 * A procedure callable only by signed-in users holding one of `roles`. There is no procedure for "any
 * signed-in user" by default: each one states who may call it, so nothing is open by omission.
 */
export function procedureFor(roles: readonly [Role, ...Role[]]) {
  return t.procedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
    if (!ctx.user.roles.some((role) => roles.includes(role))) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs one of the roles ${roles.join(', ')}.`,
      });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}
