import { TRPCError } from '@trpc/server';
import {
  createMappingInputSchema,
  createSampleInputSchema,
  listMappingsOptionsSchema,
  type CreateMappingInput,
  type JsonValue,
  type MappingRecord,
} from '@mapwright/db';
import { z } from 'zod';
import type { Context } from '../context';
import { ANY_ROLE, EDITOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';
import { exportFiles, importFiles } from './mapping-files';
import { GraphInput, graphToOpen, slugFromName, staleDraftMessage } from './mapping-graph';

const MappingId = z.object({ id: z.uuid() });

const CreateInput = createMappingInputSchema.extend({
  /** Derived from the name when absent (the studio's form asks only for a name). */
  slug: createMappingInputSchema.shape.slug.optional(),
  /** The first sample message, pasted or uploaded with the form; stored with the mapping's format. */
  sample: z
    .object({
      name: createSampleInputSchema.shape.name,
      content: createSampleInputSchema.shape.content,
    })
    .optional(),
});

export const mappingsRouter = router({
  list: procedureFor(ANY_ROLE)
    .input(listMappingsOptionsSchema.optional())
    .query(({ ctx, input }) => ctx.mappings.list(input)),

  get: procedureFor(ANY_ROLE)
    .input(MappingId)
    .query(async ({ ctx, input }) => mustExist(await ctx.mappings.get(input.id))),

  /** Everything the editor needs to open a mapping: its graph and its sample messages. */
  open: procedureFor(ANY_ROLE)
    .input(MappingId)
    .query(async ({ ctx, input }) => {
      const mapping = mustExist(await ctx.mappings.get(input.id));
      const [latest, samples] = await Promise.all([
        ctx.mappings.latestVersion(mapping.id),
        ctx.samples.listByMapping(mapping.id),
      ]);
      const opened = graphToOpen(mapping, latest);
      return {
        id: mapping.id,
        slug: mapping.slug,
        name: mapping.name,
        description: mapping.description,
        sourceFormat: mapping.sourceFormat,
        draftRevision: mapping.draftRevision,
        /** Number of the latest saved version, null before the first. */
        latestVersion: latest?.number ?? null,
        graph: opened.graph,
        graphFrom: opened.from,
        graphIssues: opened.issues,
        samples: samples.map(({ id, name, contentType, content }) => ({ id, name, contentType, content })),
      };
    }),

  /** Analysts draw mappings; reviewers and operators only read them. */
  create: procedureFor(EDITOR_ROLES)
    .input(CreateInput)
    .mutation(async ({ ctx, input }) => {
      const { sample, slug, ...fields } = input;
      const mapping = slug
        ? unwrap(await ctx.mappings.create({ ...fields, slug }))
        : await createWithDerivedSlug(ctx, fields);
      // Not one transaction with the mapping (repositories do not share one); the input was validated
      // above, so only a database outage can fail here, and the mapping is then still usable without it.
      const stored = sample
        ? unwrap(
            await ctx.samples.create({
              mappingId: mapping.id,
              name: sample.name,
              content: sample.content,
              contentType: mapping.sourceFormat,
            }),
          )
        : null;
      return { ...mapping, sampleId: stored?.id ?? null };
    }),

  /**
   * Saves the editor's graph as the mapping's draft, only if nobody saved it since the revision the caller
   * read: a stale save is refused, never merged or overwritten.
   */
  saveDraft: procedureFor(EDITOR_ROLES)
    .input(z.object({ id: z.uuid(), expectedRevision: z.int().min(0), graph: GraphInput }))
    .mutation(async ({ ctx, input }) => {
      const saved = await ctx.mappings.saveDraft({
        mappingId: input.id,
        draft: input.graph as JsonValue,
        expectedRevision: input.expectedRevision,
      });
      if (!saved.ok && saved.error.code === 'conflict') {
        const current = await ctx.mappings.get(input.id);
        throw new TRPCError({ code: 'CONFLICT', message: staleDraftMessage(current?.draftRevision) });
      }
      if (!saved.ok && saved.error.code === 'not_found') throw notFound();
      return unwrap(saved);
    }),

  exportFiles,
  importFiles,
});

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such mapping.' });

function mustExist(mapping: MappingRecord | null): MappingRecord {
  if (!mapping) throw notFound();
  return mapping;
}

/** `adt-to-patient`, else `adt-to-patient-2`, … : a name used twice still gets a mapping. */
async function createWithDerivedSlug(
  ctx: Context,
  fields: Omit<CreateMappingInput, 'slug'>,
): Promise<MappingRecord> {
  const base = slugFromName(fields.name);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const created = await ctx.mappings.create({ ...fields, slug });
    if (created.ok || created.error.code !== 'conflict' || n >= 50) return unwrap(created);
  }
}
