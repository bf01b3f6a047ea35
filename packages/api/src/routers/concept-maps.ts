import { TRPCError } from '@trpc/server';
import {
  bundledTerminology,
  ConceptMap,
  conceptMapFromJson,
  createTerminology,
  type ConceptMapIssue,
  type TranslationResult,
} from '@mapwright/engine';
import { z } from 'zod';
import type { Context } from '../context';
import { ANY_ROLE, EDITOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { bundledMap, isBundledId } from '../terminology/bundled';
import { summarizeBundled, summarizeStored } from '../terminology/concept-map-summary';
import { ImportInput, readImport } from '../terminology/import-concept-map';
import { checkStored, storeConceptMap, usableStoredMaps } from '../terminology/stored-concept-maps';

/** A bundled map's FHIR id (`v2-0001`) or a stored map's UUID, as `conceptMaps.list` gives them. */
const MapId = z.string().trim().min(1).max(200);

/** Any object: the engine's importer checks it, so problems come back as located data, not a thrown string. */
const ResourceInput = z.custom<z.input<typeof ConceptMap>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'Send a FHIR ConceptMap resource (a JSON object).' },
);

export const conceptMapsRouter = router({
  /** The bundled HL7 v2 tables (read-only) and the stored maps. */
  list: procedureFor(ANY_ROLE).query(async ({ ctx }) => [
    ...bundledTerminology().list().map(summarizeBundled),
    ...(await ctx.conceptMaps.listWithContent()).map(summarizeStored),
  ]),

  /** The FHIR resource; `errors` lists what no longer passes the schema (the resource is then as stored). */
  get: procedureFor(ANY_ROLE)
    .input(z.object({ id: MapId }))
    .query(async ({ ctx, input }) => {
      const bundled = bundledMap(input.id);
      if (bundled) {
        return {
          id: input.id,
          bundled: true,
          updatedAt: null,
          resource: bundled,
          errors: [] as ConceptMapIssue[],
        };
      }
      const checked = checkStored(await mustExist(ctx, input.id));
      return {
        id: checked.record.id,
        bundled: false,
        updatedAt: checked.record.updatedAt.toISOString(),
        // Handed back as stored when invalid (see `errors`), so the user can see and fix it.
        resource: checked.ok ? checked.resource : (checked.record.content as unknown as ConceptMap),
        errors: checked.ok ? [] : checked.errors,
      };
    }),

  /** Creates (no id) or replaces a stored map. Bundled maps are refused: save a copy under another id. */
  save: procedureFor(EDITOR_ROLES)
    .input(
      z.object({
        id: z.uuid().optional(),
        resource: ResourceInput,
        /** When the editor read the map (`get` answers it): a later save by someone else is a CONFLICT. */
        expectedUpdatedAt: z.iso.datetime().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const checked = conceptMapFromJson(input.resource);
      if (!checked.ok) return checked;
      if (input.id) await mustExist(ctx, input.id);
      const expected = input.expectedUpdatedAt ? new Date(input.expectedUpdatedAt) : undefined;
      return storeConceptMap(ctx.conceptMaps, checked.conceptMap, input.id, expected);
    }),

  /** JSON or CSV text -> a new stored map; bad text comes back as errors located by line or JSON path. */
  import: procedureFor(EDITOR_ROLES)
    .input(ImportInput)
    .mutation(async ({ ctx, input }) => {
      const read = readImport(input);
      if (!read.ok) return read;
      return storeConceptMap(ctx.conceptMaps, read.conceptMap);
    }),

  remove: procedureFor(EDITOR_ROLES)
    .input(z.object({ id: MapId }))
    .mutation(async ({ ctx, input }) => {
      if (isBundledId(input.id)) {
        throw new TRPCError({
          code: 'FORBIDDEN',
          message: `${input.id} is an HL7 v2 table bundled with Mapwright and cannot be deleted.`,
        });
      }
      const removed = await ctx.conceptMaps.remove(input.id);
      if (!removed.ok) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such ConceptMap.' });
      return removed.value;
    }),

  /**
   * What a lookup node would produce for `code`: the same engine code over the same maps (bundled, then
   * stored ones, as the preview and the runtime index them).
   */
  translate: procedureFor(ANY_ROLE)
    .input(
      z.object({ id: MapId, code: z.string().min(1).max(1_000), system: z.string().max(2_000).optional() }),
    )
    .query(async ({ ctx, input }): Promise<TranslationResult> => {
      let key = input.id;
      if (!isBundledId(input.id)) {
        const checked = checkStored(await mustExist(ctx, input.id));
        if (!checked.ok) {
          return {
            found: false,
            reason: 'unknown-map',
            message:
              'This ConceptMap does not pass validation, so lookups cannot use it: open it and fix it.',
          };
        }
        key = checked.record.url;
      }
      const terminology = createTerminology([
        ...bundledTerminology().list(),
        ...(await usableStoredMaps(ctx.conceptMaps)),
      ]);
      return terminology.translate(key, input.code, input.system || undefined);
    }),

  /** The stored maps for the studio's preview worker, which adds them to the bundled ones it already has. */
  forPreview: procedureFor(ANY_ROLE).query(({ ctx }) => usableStoredMaps(ctx.conceptMaps)),
});

async function mustExist(ctx: Context, id: string) {
  const record = await ctx.conceptMaps.get(id);
  if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such ConceptMap.' });
  return record;
}
