import { TRPCError } from '@trpc/server';
import { createMappingInputSchema, listMappingsOptionsSchema } from '@mapwright/db';
import { z } from 'zod';
import { ANY_ROLE } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

export const mappingsRouter = router({
  list: procedureFor(ANY_ROLE)
    .input(listMappingsOptionsSchema.optional())
    .query(({ ctx, input }) => ctx.mappings.list(input)),

  get: procedureFor(ANY_ROLE)
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const mapping = await ctx.mappings.get(input.id);
      if (!mapping) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such mapping.' });
      return mapping;
    }),

  /** Analysts draw mappings; reviewers and operators only read them. */
  create: procedureFor(['analyst', 'admin'])
    .input(createMappingInputSchema)
    .mutation(async ({ ctx, input }) => unwrap(await ctx.mappings.create(input))),
});
