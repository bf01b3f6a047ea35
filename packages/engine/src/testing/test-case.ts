import { z } from 'zod';
import { ElementDiff } from '../diff/output-diff';

/** One test of a mapping: a sample message and what its output must be (a whole bundle and/or assertions). */
export const TestCaseSpec = z.object({
  name: z.string().min(1),
  sampleName: z.string(),
  expectedBundle: z.unknown().nullable(),
  /** FHIRPath expressions over the output, each of which must evaluate to true. */
  assertions: z.array(z.string()),
});
export type TestCaseSpec = z.infer<typeof TestCaseSpec>;

/** Why a test failed. Messages name places, never values; `differences` and `actual` may hold patient data. */
export const TestFailure = z.discriminatedUnion('kind', [
  /** The message did not map; `message` is located (segment, field, node) and carries no value. */
  z.object({ kind: z.literal('run'), message: z.string() }),
  /** The output has validation errors: how many, and the first few (element path: reason). */
  z.object({ kind: z.literal('validation'), count: z.number().int().positive(), first: z.array(z.string()) }),
  /** `index` is the assertion's 0-based position in the test's list (shown to people as number index + 1). */
  z.object({
    kind: z.literal('assertion'),
    index: z.number().int().nonnegative(),
    expression: z.string(),
    message: z.string(),
  }),
  /** Expected against actual bundle, element by element (`before` is the expected value, `after` the actual). */
  z.object({ kind: z.literal('bundle'), differences: z.array(ElementDiff) }),
]);
export type TestFailure = z.infer<typeof TestFailure>;

export const TestResult = z.object({
  name: z.string(),
  sampleName: z.string(),
  passed: z.boolean(),
  failures: z.array(TestFailure),
  actual: z.unknown().nullable(),
  expected: z.unknown().nullable(),
});
export type TestResult = z.infer<typeof TestResult>;
