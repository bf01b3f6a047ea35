import { reviewState, type ChannelRecord, type MappingVersionRecord } from '@mapwright/db';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context';
import { rollbackTarget, type RollbackRefusal } from '../runtime/rollback-target';
import { ANY_ROLE, OPERATOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { channelOrThrow } from './channels';
import { unwrap } from './db-errors';

const Note = z.string().trim().max(10_000).optional();

/** Enough history to find any earlier version a channel ran. */
const HISTORY_LIMIT = 1000;

export const deploymentsRouter = router({
  /** The channel's deploys and rollbacks, newest first; the first one is live. */
  history: procedureFor(ANY_ROLE)
    .input(z.object({ channelId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      await channelOrThrow(ctx, input.channelId);
      return ctx.deployments.history(input.channelId);
    }),

  /** Makes an approved version of the channel's mapping live; new messages use it from then on. */
  deploy: procedureFor(OPERATOR_ROLES)
    .input(z.object({ channelId: z.uuid(), versionId: z.uuid(), note: Note }))
    .mutation(async ({ ctx, input }) => {
      const channel = await channelOrThrow(ctx, input.channelId);
      const version = await deployableVersion(ctx, channel, input.versionId);
      const live = (await ctx.deployments.live([channel.id])).get(channel.id);
      if (live?.versionId === version.id)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Version ${version.number} is already live on channel ${channel.name}.`,
        });
      return record(ctx, channel, version, 'deploy', input.note, live?.versionId ?? null);
    }),

  /** Goes back to the previous version the channel ran, or to `toVersionId` if it ran there before. */
  rollback: procedureFor(OPERATOR_ROLES)
    .input(z.object({ channelId: z.uuid(), toVersionId: z.uuid().optional(), note: Note }))
    .mutation(async ({ ctx, input }) => {
      const channel = await channelOrThrow(ctx, input.channelId);
      const history = await ctx.deployments.history(channel.id, { limit: HISTORY_LIMIT });
      const target = rollbackTarget(history, input.toVersionId);
      if ('refused' in target)
        throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage(target.refused, channel) });
      const version = await deployableVersion(ctx, channel, target.versionId);
      return record(ctx, channel, version, 'rollback', input.note, history[0]?.versionId ?? null);
    }),
});

/** The version, when it belongs to the channel's mapping and its review ended in an approval. */
async function deployableVersion(
  ctx: Context,
  channel: ChannelRecord,
  versionId: string,
): Promise<MappingVersionRecord> {
  const version = await ctx.mappings.getVersion(versionId);
  if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such version.' });
  const mapping = await ctx.mappings.get(version.mappingId);
  if (version.mappingId !== channel.mappingId)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Version ${version.number} is a version of ${mapping?.name ?? 'another mapping'}, not of the mapping channel ${channel.name} runs.`,
    });
  const state = reviewState(await ctx.reviews.listByVersion(version.id));
  if (state !== 'approved')
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `Version ${version.number} of ${mapping?.name ?? 'this mapping'} is not approved: only approved versions can be deployed.`,
    });
  return version;
}

async function record(
  ctx: Context & { user: NonNullable<Context['user']> },
  channel: ChannelRecord,
  version: MappingVersionRecord,
  kind: 'deploy' | 'rollback',
  note: string | undefined,
  expectedLiveVersionId: string | null,
) {
  const recorded = await ctx.deployments.record(
    { channelId: channel.id, versionId: version.id, kind, actor: ctx.user.email, note: note || null },
    { expectedLiveVersionId },
  );
  if (!recorded.ok && recorded.error.stale)
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Someone else deployed on channel ${channel.name} meanwhile; reload its history and try again.`,
    });
  return unwrap(recorded);
}

function refusalMessage(refusal: RollbackRefusal, channel: ChannelRecord): string {
  switch (refusal) {
    case 'nothing-deployed':
      return `Nothing has been deployed on channel ${channel.name} yet: there is nothing to roll back.`;
    case 'no-earlier-version':
      return `Channel ${channel.name} has only ever run its live version: there is no earlier version to roll back to.`;
    case 'never-deployed':
      return `That version never ran on channel ${channel.name}: a rollback can only go to a version deployed there before.`;
    case 'already-live':
      return `That version is already live on channel ${channel.name}.`;
  }
}
