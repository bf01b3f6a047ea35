import { z } from 'zod';
import { hashPassword } from '../auth/passwords';
import { Role } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

export const usersRouter = router({
  /** Only administrators create accounts (there is no self sign-up). */
  create: procedureFor(['admin'])
    .input(
      z.object({
        email: z
          .email()
          .max(320)
          .transform((e) => e.toLowerCase()),
        displayName: z.string().trim().min(1).max(200),
        password: z.string().min(12, 'Use at least 12 characters.').max(1024),
        roles: z.array(Role).min(1),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      unwrap(
        await ctx.users.create({
          email: input.email,
          displayName: input.displayName,
          passwordHash: await hashPassword(input.password),
          roles: input.roles,
        }),
      ),
    ),
});
