import { z } from 'zod';
import type { PrismaClient } from '../generated/prisma/client';
import { fail, guardWrite, parseInput, type DbResult } from '../result';
import { isUuid, messageFormatSchema, nameSchema, uuidSchema, type MessageFormat } from '../schemas';

export const createSampleInputSchema = z.object({
  mappingId: uuidSchema,
  /** Unique within the mapping, e.g. the file name `adt-a01.hl7`. */
  name: nameSchema,
  /** The raw message, byte-for-byte as received (HL7 v2 keeps its \r segment separators). */
  content: z.string().max(10_000_000),
  contentType: messageFormatSchema,
});
export type CreateSampleInput = z.input<typeof createSampleInputSchema>;

export interface SampleRecord {
  id: string;
  mappingId: string;
  name: string;
  content: string;
  contentType: MessageFormat;
  createdAt: Date;
}

export interface SampleRepository {
  create(input: CreateSampleInput): Promise<DbResult<SampleRecord>>;
  get(id: string): Promise<SampleRecord | null>;
  /** The mapping's samples ordered by name. */
  listByMapping(mappingId: string): Promise<SampleRecord[]>;
  /** Deletes a sample; refused (conflict) while test cases still run it. */
  remove(id: string): Promise<DbResult<{ id: string }>>;
}

export function createSampleRepository(prisma: PrismaClient): SampleRepository {
  return {
    async create(input) {
      const parsed = parseInput(createSampleInputSchema, input, 'sample');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      return guardWrite(
        { entity: 'sample', fields: ['mappingId', 'name'] },
        {
          conflict: `The mapping already has a sample named "${data.name}"`,
          invalidReference: `Mapping ${data.mappingId} does not exist`,
        },
        () => prisma.sample.create({ data }),
      );
    },

    async get(id) {
      if (!isUuid(id)) return null;
      return prisma.sample.findUnique({ where: { id } });
    },

    async listByMapping(mappingId) {
      if (!isUuid(mappingId)) return [];
      return prisma.sample.findMany({ where: { mappingId }, orderBy: { name: 'asc' } });
    },

    async remove(id) {
      const at = { entity: 'sample', id };
      const notFound = `Sample ${id} not found`;
      if (!isUuid(id)) return fail({ code: 'not_found', message: notFound, at });
      const removed = await guardWrite(
        at,
        {
          conflict: `Sample ${id} is in use`,
          invalidReference: 'The sample is run by test cases: delete those test cases first',
          notFound,
        },
        () => prisma.sample.delete({ where: { id }, select: { id: true } }),
      );
      // The foreign key that refuses the delete belongs to the test cases: for the caller it is a conflict.
      return !removed.ok && removed.error.code === 'invalid_reference'
        ? fail({ ...removed.error, code: 'conflict' })
        : removed;
    },
  };
}
