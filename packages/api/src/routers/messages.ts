import { messageStatusSchema } from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { OPERATOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

// Message content is PHI: operators, who run the channels, and admins read it; analysts and reviewers work
// on sample messages in the studio, never on live traffic.
export const messagesRouter = router({
  /** Newest first, without content; `nextCursor` continues with older messages. */
  list: procedureFor(OPERATOR_ROLES)
    .input(
      z.object({
        channelId: z.uuid().optional(),
        status: messageStatusSchema.optional(),
        /** Received at or after (ISO 8601). */
        from: z.iso.datetime({ offset: true }).optional(),
        /** Received before (ISO 8601). */
        to: z.iso.datetime({ offset: true }).optional(),
        cursor: z.string().max(200).optional(),
        limit: z.int().min(1).max(500).default(50),
      }),
    )
    .query(async ({ ctx, input }) =>
      unwrap(
        await ctx.messages.list({
          ...input,
          from: input.from === undefined ? undefined : new Date(input.from),
          to: input.to === undefined ? undefined : new Date(input.to),
        }),
      ),
    ),

  /** One message with its raw content and its timeline of stages. */
  get: procedureFor(OPERATOR_ROLES)
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const message = await ctx.messages.get(input.id);
      if (!message) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such message.' });
      return { ...message, events: await ctx.messages.events(message.id) };
    }),
});
