import { createSampleInputSchema } from '@mapwright/db';
import { z } from 'zod';
import { EDITOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

// Sample content is patient data: it goes to the editor that sent or opens it, never into errors or logs.
export const samplesRouter = router({
  create: procedureFor(EDITOR_ROLES)
    .input(createSampleInputSchema)
    .mutation(async ({ ctx, input }) => unwrap(await ctx.samples.create(input))),

  remove: procedureFor(EDITOR_ROLES)
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => unwrap(await ctx.samples.remove(input.id))),
});
