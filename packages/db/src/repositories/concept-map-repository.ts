import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { jsonValueSchema, type JsonObject } from '../json';
import { guardWrite, parseInput, type DbResult } from '../result';
import { isUuid, nameSchema } from '../schemas';

/** A FHIR R4 ConceptMap resource; its inner structure is validated by packages/fhir, not here. */
export const conceptMapResourceSchema = z
  .object({ resourceType: z.literal('ConceptMap') })
  .catchall(jsonValueSchema);

export const conceptMapInputSchema = z.object({
  /** Canonical URL of the ConceptMap; unique. */
  url: z.url().max(2_000),
  name: nameSchema,
  version: z.string().max(200).nullish(),
  sourceSystem: z.string().max(2_000).nullish(),
  targetSystem: z.string().max(2_000).nullish(),
  content: conceptMapResourceSchema,
});
export type ConceptMapInput = z.input<typeof conceptMapInputSchema>;

export const listConceptMapsOptionsSchema = z.object({
  sourceSystem: z.string().optional(),
  targetSystem: z.string().optional(),
});
export type ListConceptMapsOptions = z.input<typeof listConceptMapsOptionsSchema>;

export interface ConceptMapSummary {
  id: string;
  url: string;
  name: string;
  version: string | null;
  sourceSystem: string | null;
  targetSystem: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ConceptMapRecord extends ConceptMapSummary {
  content: JsonObject;
}

export interface ConceptMapRepository {
  create(input: ConceptMapInput): Promise<DbResult<ConceptMapRecord>>;
  get(id: string): Promise<ConceptMapRecord | null>;
  getByUrl(url: string): Promise<ConceptMapRecord | null>;
  /** Summaries (without content) ordered by url, optionally for one source/target system. */
  list(options?: ListConceptMapsOptions): Promise<ConceptMapSummary[]>;
  /** Every concept map with its content, ordered by url: what a terminology index is built from. */
  listWithContent(): Promise<ConceptMapRecord[]>;
  /** Replaces every field of an existing concept map. */
  /**
   * Replaces a map. With `expectedUpdatedAt` (when the writer read it), a map changed since then is a
   * `conflict` and stays as it is: two analysts editing one table never overwrite each other unseen.
   */
  update(
    id: string,
    input: ConceptMapInput,
    options?: { expectedUpdatedAt?: Date },
  ): Promise<DbResult<ConceptMapRecord>>;
  remove(id: string): Promise<DbResult<{ id: string }>>;
}

const summarySelect = {
  id: true,
  url: true,
  name: true,
  version: true,
  sourceSystem: true,
  targetSystem: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ConceptMapSelect;

export function createConceptMapRepository(prisma: PrismaClient): ConceptMapRepository {
  return {
    async create(input) {
      const parsed = parseInput(conceptMapInputSchema, input, 'concept map');
      if (!parsed.ok) return parsed;
      return guardWrite(
        { entity: 'concept map', fields: ['url'] },
        { conflict: `A concept map with url "${parsed.value.url}" already exists` },
        async () => toRecord(await prisma.conceptMap.create({ data: toData(parsed.value) })),
      );
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.conceptMap.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    async getByUrl(url) {
      const row = await prisma.conceptMap.findUnique({ where: { url } });
      return row ? toRecord(row) : null;
    },

    async list(options = {}) {
      const { sourceSystem, targetSystem } = listConceptMapsOptionsSchema.parse(options);
      return prisma.conceptMap.findMany({
        where: { sourceSystem, targetSystem },
        orderBy: { url: 'asc' },
        select: summarySelect,
      });
    },

    async listWithContent() {
      const rows = await prisma.conceptMap.findMany({ orderBy: { url: 'asc' } });
      return rows.map(toRecord);
    },

    async update(id, input, options = {}) {
      const parsed = parseInput(conceptMapInputSchema, input, 'concept map');
      if (!parsed.ok) return parsed;
      const at = { entity: 'concept map', id };
      if (!isUuid(id))
        return { ok: false, error: { code: 'not_found', message: `Concept map ${id} not found`, at } };
      const expected = options.expectedUpdatedAt;
      // One statement: the row is replaced only if it is still the version the writer read.
      const where = expected ? { id, updatedAt: expected } : { id };
      const written = await guardWrite(
        at,
        {
          conflict: `A concept map with url "${parsed.value.url}" already exists`,
          notFound: `Concept map ${id} not found`,
        },
        async () => toRecord(await prisma.conceptMap.update({ where, data: toData(parsed.value) })),
      );
      if (written.ok || written.error.code !== 'not_found' || !expected) return written;
      const current = await prisma.conceptMap.findUnique({ where: { id }, select: { updatedAt: true } });
      if (!current) return written;
      return {
        ok: false,
        error: {
          code: 'conflict',
          message: `Concept map ${id} was changed at ${current.updatedAt.toISOString()}, after it was read`,
          at,
          stale: true,
        },
      };
    },

    async remove(id) {
      const at = { entity: 'concept map', id };
      if (!isUuid(id))
        return { ok: false, error: { code: 'not_found', message: `Concept map ${id} not found`, at } };
      return guardWrite(
        at,
        { conflict: `Concept map ${id} is in use`, notFound: `Concept map ${id} not found` },
        () => prisma.conceptMap.delete({ where: { id }, select: { id: true } }),
      );
    },
  };
}

function toData(input: z.output<typeof conceptMapInputSchema>) {
  return {
    url: input.url,
    name: input.name,
    version: input.version ?? null,
    sourceSystem: input.sourceSystem ?? null,
    targetSystem: input.targetSystem ?? null,
    content: input.content as Prisma.InputJsonObject,
  } satisfies Prisma.ConceptMapCreateInput;
}

function toRecord(row: Prisma.ConceptMapModel): ConceptMapRecord {
  return { ...row, content: row.content as JsonObject };
}
