import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { contentHash, jsonObjectSchema, jsonValueSchema, type JsonObject, type JsonValue } from '../json';
import { fail, guardWrite, ok, parseInput, type DbResult } from '../result';
import {
  authorSchema,
  isUuid,
  messageFormatSchema,
  nameSchema,
  slugSchema,
  uuidSchema,
  type MessageFormat,
} from '../schemas';

export const createMappingInputSchema = z.object({
  slug: slugSchema,
  name: nameSchema,
  description: z.string().max(10_000).nullish(),
  sourceFormat: messageFormatSchema,
});
export type CreateMappingInput = z.input<typeof createMappingInputSchema>;

export const addVersionInputSchema = z.object({
  mappingId: uuidSchema,
  /** The mapping graph; its shape is the engine's concern, stored here as JSON. */
  graph: jsonObjectSchema,
  author: authorSchema,
  message: z.string().max(10_000).nullish(),
  /** The version this one was derived from (lineage); must belong to the same mapping. */
  parentVersionId: uuidSchema.nullish(),
});
export type AddVersionInput = z.input<typeof addVersionInputSchema>;

export const saveDraftInputSchema = z.object({
  mappingId: uuidSchema,
  draft: jsonValueSchema,
  /** The draftRevision the writer last read; a different current revision is a conflict. */
  expectedRevision: z.int().min(0),
});
export type SaveDraftInput = z.input<typeof saveDraftInputSchema>;

export const listMappingsOptionsSchema = z.object({
  limit: z.int().min(1).max(500).default(100),
  /** Keyset pagination: return mappings whose slug sorts after this one. */
  afterSlug: z.string().optional(),
});
export type ListMappingsOptions = z.input<typeof listMappingsOptionsSchema>;

export interface MappingSummary {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  sourceFormat: MessageFormat;
  draftRevision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MappingRecord extends MappingSummary {
  draft: JsonValue | null;
}

export interface MappingVersionRecord {
  id: string;
  mappingId: string;
  number: number;
  parentVersionId: string | null;
  contentHash: string;
  graph: JsonObject;
  author: string;
  message: string | null;
  createdAt: Date;
}

export interface MappingRepository {
  create(input: CreateMappingInput): Promise<DbResult<MappingRecord>>;
  get(id: string): Promise<MappingRecord | null>;
  getBySlug(slug: string): Promise<MappingRecord | null>;
  /** Summaries (without the draft), ordered by slug. */
  list(options?: ListMappingsOptions): Promise<MappingSummary[]>;
  /** Saves the next version (number = latest + 1); a concurrent save of the same number is a conflict. */
  addVersion(input: AddVersionInput): Promise<DbResult<MappingVersionRecord>>;
  latestVersion(mappingId: string): Promise<MappingVersionRecord | null>;
  /** Every version of a mapping, newest first. */
  listVersions(mappingId: string): Promise<MappingVersionRecord[]>;
  getVersion(id: string): Promise<MappingVersionRecord | null>;
  /** Replaces the draft if nobody saved it since `expectedRevision`; returns the new revision. */
  saveDraft(input: SaveDraftInput): Promise<DbResult<{ draftRevision: number }>>;
}

const summarySelect = {
  id: true,
  slug: true,
  name: true,
  description: true,
  sourceFormat: true,
  draftRevision: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.MappingSelect;

const recordSelect = { ...summarySelect, draft: true } satisfies Prisma.MappingSelect;

export function createMappingRepository(prisma: PrismaClient): MappingRepository {
  return {
    async create(input) {
      const parsed = parseInput(createMappingInputSchema, input, 'mapping');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      return guardWrite(
        { entity: 'mapping', fields: ['slug'] },
        { conflict: `A mapping with slug "${data.slug}" already exists` },
        async () =>
          toMappingRecord(
            await prisma.mapping.create({
              data: {
                slug: data.slug,
                name: data.name,
                description: data.description ?? null,
                sourceFormat: data.sourceFormat,
              },
              select: recordSelect,
            }),
          ),
      );
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.mapping.findUnique({ where: { id }, select: recordSelect });
      return row ? toMappingRecord(row) : null;
    },

    async getBySlug(slug) {
      const row = await prisma.mapping.findUnique({ where: { slug }, select: recordSelect });
      return row ? toMappingRecord(row) : null;
    },

    async list(options = {}) {
      const { limit, afterSlug } = listMappingsOptionsSchema.parse(options);
      return prisma.mapping.findMany({
        where: afterSlug === undefined ? {} : { slug: { gt: afterSlug } },
        orderBy: { slug: 'asc' },
        take: limit,
        select: summarySelect,
      });
    },

    async addVersion(input) {
      const parsed = parseInput(addVersionInputSchema, input, 'mapping version');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      const at = { entity: 'mapping version', id: data.mappingId };
      if (data.parentVersionId) {
        const parent = await prisma.mappingVersion.findUnique({
          where: { id: data.parentVersionId },
          select: { mappingId: true },
        });
        if (parent?.mappingId !== data.mappingId) {
          return fail({
            code: 'invalid_reference',
            message: `Parent version ${data.parentVersionId} is not a version of mapping ${data.mappingId}`,
            at: { ...at, fields: ['parentVersionId'] },
          });
        }
      }
      const latest = await prisma.mappingVersion.findFirst({
        where: { mappingId: data.mappingId },
        orderBy: { number: 'desc' },
        select: { number: true },
      });
      const number = (latest?.number ?? 0) + 1;
      const created = await guardWrite(
        at,
        {
          conflict: `Version ${number} of mapping ${data.mappingId} was saved concurrently; reload and save again`,
          invalidReference: `Mapping ${data.mappingId} does not exist`,
        },
        () =>
          prisma.mappingVersion.create({
            data: {
              mappingId: data.mappingId,
              number,
              parentVersionId: data.parentVersionId ?? null,
              contentHash: contentHash(data.graph),
              graph: data.graph as Prisma.InputJsonObject,
              author: data.author,
              message: data.message ?? null,
            },
          }),
      );
      return created.ok ? ok(toVersionRecord(created.value)) : created;
    },

    async listVersions(mappingId) {
      if (!isUuid(mappingId)) return [];
      const rows = await prisma.mappingVersion.findMany({
        where: { mappingId },
        orderBy: { number: 'desc' },
      });
      return rows.map(toVersionRecord);
    },

    async getVersion(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.mappingVersion.findUnique({ where: { id } });
      return row ? toVersionRecord(row) : null;
    },

    async latestVersion(mappingId) {
      if (!isUuid(mappingId)) return null;
      const row = await prisma.mappingVersion.findFirst({
        where: { mappingId },
        orderBy: { number: 'desc' },
      });
      return row ? toVersionRecord(row) : null;
    },

    async saveDraft(input) {
      const parsed = parseInput(saveDraftInputSchema, input, 'mapping draft');
      if (!parsed.ok) return parsed;
      const { mappingId, draft, expectedRevision } = parsed.value;
      // One conditional UPDATE: compare-and-set on draft_revision, no lock held across requests.
      const { count } = await prisma.mapping.updateMany({
        where: { id: mappingId, draftRevision: expectedRevision },
        data: {
          draft: draft === null ? Prisma.DbNull : (draft as Prisma.InputJsonValue),
          draftRevision: { increment: 1 },
        },
      });
      if (count === 1) return ok({ draftRevision: expectedRevision + 1 });
      const current = await prisma.mapping.findUnique({
        where: { id: mappingId },
        select: { draftRevision: true },
      });
      const at = { entity: 'mapping draft', id: mappingId, fields: ['expectedRevision'] };
      return current
        ? fail({
            code: 'conflict',
            message: `The draft was saved by someone else (revision ${current.draftRevision}, expected ${expectedRevision})`,
            at,
          })
        : fail({ code: 'not_found', message: `Mapping ${mappingId} does not exist`, at });
    },
  };
}

function toMappingRecord(row: Prisma.MappingGetPayload<{ select: typeof recordSelect }>): MappingRecord {
  return { ...row, draft: row.draft as JsonValue | null };
}

function toVersionRecord(row: Prisma.MappingVersionModel): MappingVersionRecord {
  return { ...row, graph: row.graph as JsonObject };
}
