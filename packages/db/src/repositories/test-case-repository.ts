import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { jsonValueSchema, type JsonValue } from '../json';
import { guardWrite, parseInput, type DbResult } from '../result';
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
