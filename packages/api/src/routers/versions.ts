import { TRPCError } from '@trpc/server';
import { Mapping } from '@mapwright/engine';
import { contentHash, type JsonObject } from '@mapwright/db';
import { z } from 'zod';
import { ANY_ROLE, EDITOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { compareVersions } from '../review/compare-versions';
import { compileOrRefuse } from '../review/mapping-runs';
import { SUBMITTABLE_STATES } from '../review/submittable';
import { versionSummary } from '../review/version-summary';
import { unwrap } from './db-errors';
import { staleDraftMessage } from './mapping-graph';

export const versionsRouter = router({
  /** The history of a mapping, newest first. */
  list: procedureFor(ANY_ROLE)
    .input(z.object({ mappingId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const versions = await ctx.mappings.listVersions(input.mappingId);
      const states = await ctx.reviews.states(versions.map((v) => v.id));
      return versions.map((v) => {
        const reviewState = states.get(v.id) ?? 'none';
        // The studio offers "Submit for review" by the rule the submit procedure applies.
        return { ...versionSummary(v), reviewState, canSubmit: SUBMITTABLE_STATES.includes(reviewState) };
      });
    }),

  /** One version, read-only, with its graph. */
  get: procedureFor(ANY_ROLE)
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const version = await ctx.mappings.getVersion(input.id);
      if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such version.' });
      return version;
    }),

  /** Two versions of one mapping side by side: graph, programs, outputs over the samples, test runs. */
  compare: procedureFor(ANY_ROLE)
    .input(
      z.object({
        fromVersionId: z.uuid(),
        toVersionId: z.uuid(),
        /** Add the server's review corpus (MAPWRIGHT_REVIEW_CORPUS) to the messages compared. */
        includeCorpus: z.boolean().optional(),
      }),
    )
    .query(({ ctx, input }) => compareVersions(ctx, input)),

  /**
   * Replaces the mapping's draft with the graph of one of its versions, to continue from there. Refused when
   * the draft moved since the analyst looked at it (`expectedRevision`): unsaved work is never overwritten.
   */
  startDraft: procedureFor(EDITOR_ROLES)
    .input(z.object({ versionId: z.uuid(), expectedRevision: z.number().int().min(0) }))
    .mutation(async ({ ctx, input }) => {
      const version = await ctx.mappings.getVersion(input.versionId);
      if (!version) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such version.' });
      const saved = await ctx.mappings.saveDraft({
        mappingId: version.mappingId,
        draft: version.graph,
        expectedRevision: input.expectedRevision,
      });
      if (!saved.ok && saved.error.code === 'conflict') {
        const current = await ctx.mappings.get(version.mappingId);
        throw new TRPCError({ code: 'CONFLICT', message: staleDraftMessage(current?.draftRevision) });
      }
      return unwrap(saved);
    }),

  /**
   * Commits the draft the analyst is looking at (`expectedRevision`) as the next immutable version. A
   * version must compile: a draft may be half-done, a version is what review and deployment start from.
   */
  commit: procedureFor(EDITOR_ROLES)
    .input(
      z.object({
        mappingId: z.uuid(),
        expectedRevision: z.number().int().min(0),
        message: z.string().trim().min(1).max(10_000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const mapping = await ctx.mappings.get(input.mappingId);
      if (!mapping) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such mapping.' });
      if (mapping.draft === null)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'There is no draft to commit: edit the mapping first.',
        });
      if (mapping.draftRevision !== input.expectedRevision)
        throw new TRPCError({
          code: 'CONFLICT',
          message: `The draft changed since you opened it (now revision ${mapping.draftRevision}). Reload, check it, and commit again.`,
        });
      const parsed = Mapping.safeParse(mapping.draft);
      if (!parsed.success)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'The draft is not a valid mapping graph; fix it in the editor first.',
        });
      compileOrRefuse(parsed.data, 'A version must compile');
      const latest = await ctx.mappings.latestVersion(input.mappingId);
      const graph = mapping.draft as JsonObject;
      if (latest && latest.contentHash === contentHash(graph))
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `Nothing to commit: the draft is the same as version ${latest.number}.`,
        });
      const version = unwrap(
        await ctx.mappings.addVersion({
          mappingId: input.mappingId,
          graph,
          author: ctx.user!.email,
          message: input.message,
          parentVersionId: latest?.id ?? null,
        }),
      );
      return versionSummary(version);
    }),
});
