import { createChannelInputSchema, updateChannelInputSchema, type ChannelRecord } from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { newSessionToken, tokenHash } from '../auth/tokens';
import type { Context } from '../context';
import { liveVersion } from '../runtime/live-version';
import { ANY_ROLE, OPERATOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

export const channelsRouter = router({
  /** Every channel, by name, with the version live on it (null before the first deployment). */
  list: procedureFor(ANY_ROLE).query(async ({ ctx }) => {
    const channels = await ctx.channels.list();
    const live = await ctx.deployments.live(channels.map((c) => c.id));
    return channels.map((channel) => ({ ...channel, live: liveVersion(live.get(channel.id)) }));
  }),

  /** One channel with the version live on it. */
  get: procedureFor(ANY_ROLE)
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const channel = await channelOrThrow(ctx, input.id);
      const live = await ctx.deployments.live([channel.id]);
      return { ...channel, live: liveVersion(live.get(channel.id)) };
    }),

  /** The answer carries the channel's HTTP ingest token: shown this once, only its hash is kept. */
  create: procedureFor(OPERATOR_ROLES)
    .input(createChannelInputSchema)
    .mutation(async ({ ctx, input }) => {
      const ingestToken = newSessionToken();
      const channel = unwrap(await ctx.channels.create(input, { ingestTokenHash: tokenHash(ingestToken) }));
      return { ...channel, ingestToken };
    }),

  /** A new HTTP ingest token for the channel, shown this once; the previous one stops working. */
  rotateToken: procedureFor(OPERATOR_ROLES)
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const ingestToken = newSessionToken();
      unwrap(await ctx.channels.setIngestTokenHash(input.id, tokenHash(ingestToken)));
      return { ingestToken };
    }),

  /** Changes a channel's settings; the mapping only while nothing has been deployed on it. */
  update: procedureFor(OPERATOR_ROLES)
    .input(updateChannelInputSchema.extend({ id: z.uuid() }))
    .mutation(async ({ ctx, input: { id, ...patch } }) => {
      const channel = await channelOrThrow(ctx, id);
      if (patch.mappingId !== undefined && patch.mappingId !== channel.mappingId) {
        const deployed = await ctx.deployments.history(id, { limit: 1 });
        if (deployed.length > 0)
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: `Channel ${channel.name} has deployed versions of its mapping: create a new channel to run another mapping.`,
          });
      }
      return unwrap(await ctx.channels.update(id, patch));
    }),
});

export async function channelOrThrow(ctx: Pick<Context, 'channels'>, id: string): Promise<ChannelRecord> {
  const channel = await ctx.channels.get(id);
  if (!channel) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such channel.' });
  return channel;
}
