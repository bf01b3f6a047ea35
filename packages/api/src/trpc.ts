import { initTRPC, TRPCError } from '@trpc/server';
import type { Context } from './context';
import type { Role } from './roles';

const t = initTRPC.context<Context>().create({
  // An unexpected failure (a database error rethrown, a bug) may carry what it was working on in its
  // message: sample content, names. The caller gets a plain sentence; the typed errors keep theirs.
  errorFormatter({ shape, error }) {
    if (error.code !== 'INTERNAL_SERVER_ERROR') return shape;
    return {
      ...shape,
      message: 'The server failed to do this. Try again; if it keeps failing, tell the administrator.',
      data: { ...shape.data, stack: undefined },
    };
  },
});

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
