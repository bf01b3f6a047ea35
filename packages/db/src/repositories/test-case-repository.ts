import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { jsonValueSchema, type JsonValue } from '../json';
import { fail, guardWrite, parseInput, type DbResult } from '../result';
import { isUuid, nameSchema, uuidSchema } from '../schemas';

export const createTestCaseInputSchema = z.object({
  mappingId: uuidSchema,
  /** A sample of the same mapping (enforced by a composite foreign key). */
  sampleId: uuidSchema,
  name: nameSchema,
  /** The expected FHIR transaction Bundle; null when only assertions are checked. */
  expectedBundle: jsonValueSchema.nullish(),
  assertions: jsonValueSchema.nullish(),
});
export type CreateTestCaseInput = z.input<typeof createTestCaseInputSchema>;

/** The fields an analyst edits; absent ones stay as they are. */
export const updateTestCaseInputSchema = z.object({
  name: nameSchema.optional(),
  expectedBundle: jsonValueSchema.nullish(),
  assertions: jsonValueSchema.nullish(),
});
export type UpdateTestCaseInput = z.input<typeof updateTestCaseInputSchema>;

export interface TestCaseRecord {
  id: string;
  mappingId: string;
  sampleId: string;
  name: string;
  expectedBundle: JsonValue | null;
  assertions: JsonValue | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface TestCaseRepository {
  create(input: CreateTestCaseInput): Promise<DbResult<TestCaseRecord>>;
  get(id: string): Promise<TestCaseRecord | null>;
  /** The mapping's test cases ordered by name. */
  listByMapping(mappingId: string): Promise<TestCaseRecord[]>;
  /**
   * Changes the given fields. With `expectedUpdatedAt` (when the writer read it), a test case changed since
   * then is a stale `conflict` and stays as it is: "accept actual" never overwrites an edit it did not see.
   */
  update(
    id: string,
    input: UpdateTestCaseInput,
    options?: { expectedUpdatedAt?: Date },
  ): Promise<DbResult<TestCaseRecord>>;
  remove(id: string): Promise<DbResult<{ id: string }>>;
}

export function createTestCaseRepository(prisma: PrismaClient): TestCaseRepository {
  return {
    async create(input) {
      const parsed = parseInput(createTestCaseInputSchema, input, 'test case');
      if (!parsed.ok) return parsed;
      const data = parsed.value;
      return guardWrite(
        { entity: 'test case', fields: ['mappingId', 'name'] },
        {
          conflict: `The mapping already has a test case named "${data.name}"`,
          invalidReference: `Sample ${data.sampleId} does not exist in mapping ${data.mappingId}`,
        },
        async () =>
          toRecord(
            await prisma.testCase.create({
              data: {
                mappingId: data.mappingId,
                sampleId: data.sampleId,
                name: data.name,
                expectedBundle: toJsonColumn(data.expectedBundle),
                assertions: toJsonColumn(data.assertions),
              },
            }),
          ),
      );
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const row = await prisma.testCase.findUnique({ where: { id } });
      return row ? toRecord(row) : null;
    },

    async listByMapping(mappingId) {
      if (!isUuid(mappingId)) return [];
      const rows = await prisma.testCase.findMany({ where: { mappingId }, orderBy: { name: 'asc' } });
      return rows.map(toRecord);
    },

    async update(id, input, options = {}) {
      const parsed = parseInput(updateTestCaseInputSchema, input, 'test case');
      if (!parsed.ok) return parsed;
      const at = { entity: 'test case', id };
      const notFound = `Test case ${id} not found`;
      if (!isUuid(id)) return fail({ code: 'not_found', message: notFound, at });
      const { name, expectedBundle, assertions } = parsed.value;
      const expected = options.expectedUpdatedAt;
      // One statement: the row changes only if it is still the version the writer read.
      const where = expected ? { id, updatedAt: expected } : { id };
      const written = await guardWrite(
        { ...at, fields: ['mappingId', 'name'] },
        { conflict: `The mapping already has a test case named "${name}"`, notFound },
        async () =>
          toRecord(
            await prisma.testCase.update({
              where,
              data: {
                ...(name === undefined ? {} : { name }),
                ...(expectedBundle === undefined ? {} : { expectedBundle: toJsonColumn(expectedBundle) }),
                ...(assertions === undefined ? {} : { assertions: toJsonColumn(assertions) }),
                // Set explicitly, and past the stamp the writer read: an edit in the same millisecond as the
                // one before it must still make that stamp stale.
                updatedAt: new Date(Math.max(Date.now(), (expected?.getTime() ?? 0) + 1)),
              },
            }),
          ),
      );
      if (written.ok || written.error.code !== 'not_found' || !expected) return written;
      const current = await prisma.testCase.findUnique({ where: { id }, select: { updatedAt: true } });
      if (!current) return written;
      return fail({
        code: 'conflict',
        message: `Test case ${id} was changed at ${current.updatedAt.toISOString()}, after it was read`,
        at,
        stale: true,
      });
    },

    async remove(id) {
      const at = { entity: 'test case', id };
      const notFound = `Test case ${id} not found`;
      if (!isUuid(id)) return fail({ code: 'not_found', message: notFound, at });
      return guardWrite(at, { conflict: `Test case ${id} is in use`, notFound }, () =>
        prisma.testCase.delete({ where: { id }, select: { id: true } }),
      );
    },
  };
}

/** Absent and JSON null are both stored as SQL NULL: "nothing expected". */
function toJsonColumn(value: JsonValue | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}

function toRecord(row: Prisma.TestCaseModel): TestCaseRecord {
  return {
    ...row,
    expectedBundle: row.expectedBundle as JsonValue | null,
    assertions: row.assertions as JsonValue | null,
  };
}
