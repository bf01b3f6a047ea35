import { TRPCError } from '@trpc/server';
import { compileMapping, Mapping } from '@mapwright/engine';
import { contentHash, type JsonObject, type MappingVersionRecord } from '@mapwright/db';
import { z } from 'zod';
import { ANY_ROLE, EDITOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { compareVersions } from '../review/compare-versions';
import { unwrap } from './db-errors';
import { staleDraftMessage } from './mapping-graph';

/** A version without its graph: what a history list shows. */
const summary = ({ graph: _graph, ...rest }: MappingVersionRecord) => rest;

export const versionsRouter = router({
  /** The history of a mapping, newest first. */
  list: procedureFor(ANY_ROLE)
    .input(z.object({ mappingId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const versions = await ctx.mappings.listVersions(input.mappingId);
      const states = await ctx.reviews.states(versions.map((v) => v.id));
      return versions.map((v) => ({ ...summary(v), reviewState: states.get(v.id) ?? 'none' }));
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
      const compiled = compileMapping(parsed.data);
      if (!compiled.ok) {
        const first = compiled.errors[0]!;
        const where = first.at.nodeId ? ` (node ${first.at.nodeId})` : '';
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `A version must compile: ${compiled.errors.length} problem(s), the first${where}: ${first.message}`,
        });
      }
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
      return summary(version);
    }),
});
