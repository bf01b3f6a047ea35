import type { DbResult, JsonValue, TestCaseRecord } from '@mapwright/db';
import { describeRunError, runMapping } from '@mapwright/engine';
import { checkAssertionSyntax } from '@mapwright/fhir';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from '../context';
import { runVersionTests } from '../review/approval-gate';
import { serverTerminology, storedAssertions } from '../review/mapping-runs';
import { compileSource, RunSource } from '../review/run-source';
import { ANY_ROLE, EDITOR_ROLES } from '../roles';
import { procedureFor, router } from '../trpc';
import { unwrap } from './db-errors';

// Expected bundles and actual outputs are patient data like the samples they come from: they go to the
// studio that asked, never into errors or logs.

const Assertions = z.array(z.string().trim().min(1).max(2_000)).max(200);
const ExpectedBundle = z.json().nullable();
const TestCaseId = z.object({ id: z.uuid() });
/** When the editor read the test case (`list`/`get` answer it): a later change by someone else is a CONFLICT. */
const ExpectedUpdatedAt = z.iso.datetime();

export const testCasesRouter = router({
  list: procedureFor(ANY_ROLE)
    .input(z.object({ mappingId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const names = await sampleNames(ctx, input.mappingId);
      return (await ctx.testCases.listByMapping(input.mappingId)).map((t) => summary(t, names));
    }),

  get: procedureFor(ANY_ROLE)
    .input(TestCaseId)
    .query(async ({ ctx, input }) => detail(ctx, await mustExist(ctx, input.id))),

  create: procedureFor(EDITOR_ROLES)
    .input(
      z.object({
        mappingId: z.uuid(),
        sampleId: z.uuid(),
        name: z.string().trim().min(1).max(200),
        expectedBundle: ExpectedBundle,
        assertions: Assertions,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      checkAssertions(input.assertions);
      return detail(ctx, unwrap(await ctx.testCases.create(input)));
    }),

  update: procedureFor(EDITOR_ROLES)
    .input(
      z.object({
        id: z.uuid(),
        expectedUpdatedAt: ExpectedUpdatedAt,
        name: z.string().trim().min(1).max(200).optional(),
        assertions: Assertions.optional(),
        expectedBundle: ExpectedBundle.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      if (input.assertions) checkAssertions(input.assertions);
      const { id, expectedUpdatedAt, ...fields } = input;
      const updated = await ctx.testCases.update(id, fields, {
        expectedUpdatedAt: new Date(expectedUpdatedAt),
      });
      return detail(ctx, unwrapEdit(updated));
    }),

  remove: procedureFor(EDITOR_ROLES)
    .input(TestCaseId)
    .mutation(async ({ ctx, input }) => unwrap(await ctx.testCases.remove(input.id))),

  /** Runs all the mapping's tests, or one, against the draft on the canvas or a committed version. */
  run: procedureFor(ANY_ROLE)
    .input(z.object({ mappingId: z.uuid(), source: RunSource, testCaseId: z.uuid().optional() }))
    .mutation(async ({ ctx, input }) => {
      const compiled = await compileSource(ctx, input.mappingId, input.source);
      if (input.testCaseId) {
        const one = await mustExist(ctx, input.testCaseId);
        if (one.mappingId !== input.mappingId) throw noSuchTestCase();
      }
      return runVersionTests(ctx, input.mappingId, compiled, await serverTerminology(ctx), input.testCaseId);
    }),

  /** Stores what the mapping produces for the test's sample as its expected bundle (the studio asks first). */
  acceptActual: procedureFor(EDITOR_ROLES)
    .input(z.object({ id: z.uuid(), source: RunSource, expectedUpdatedAt: ExpectedUpdatedAt }))
    .mutation(async ({ ctx, input }) => {
      const testCase = await mustExist(ctx, input.id);
      const compiled = await compileSource(ctx, testCase.mappingId, input.source);
      const sample = await ctx.samples.get(testCase.sampleId);
      if (!sample) throw new TRPCError({ code: 'NOT_FOUND', message: 'The test case has no sample.' });
      const run = await runMapping(compiled, sample.content, {
        terminology: await serverTerminology(ctx),
        coverage: false,
        validate: false,
      });
      if (!run.ok)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: `The sample "${sample.name}" does not map, so there is no output to accept: ${run.errors.map(describeRunError).join('; ')}`,
        });
      const updated = await ctx.testCases.update(
        testCase.id,
        { expectedBundle: run.bundle as unknown as JsonValue },
        { expectedUpdatedAt: new Date(input.expectedUpdatedAt) },
      );
      return detail(ctx, unwrapEdit(updated));
    }),
});

/** Refuses the first assertion that is not FHIRPath, numbered as the analyst counts them. */
function checkAssertions(assertions: readonly string[]): void {
  for (const [index, expression] of assertions.entries()) {
    const syntax = checkAssertionSyntax(expression);
    if (!syntax.ok)
      throw new TRPCError({ code: 'BAD_REQUEST', message: `Assertion ${index + 1}: ${syntax.message}` });
  }
}

const noSuchTestCase = () => new TRPCError({ code: 'NOT_FOUND', message: 'No such test case.' });

async function mustExist(ctx: Context, id: string): Promise<TestCaseRecord> {
  const testCase = await ctx.testCases.get(id);
  if (!testCase) throw noSuchTestCase();
  return testCase;
}

function unwrapEdit(result: DbResult<TestCaseRecord>): TestCaseRecord {
  if (!result.ok && result.error.stale)
    throw new TRPCError({
      code: 'CONFLICT',
      message:
        'Someone else changed this test case since you opened it. Reload it, then make your change again.',
    });
  return unwrap(result);
}

async function sampleNames(ctx: Context, mappingId: string): Promise<Map<string, string>> {
  return new Map((await ctx.samples.listByMapping(mappingId)).map((s) => [s.id, s.name]));
}

function summary(t: TestCaseRecord, names: ReadonlyMap<string, string>) {
  return {
    id: t.id,
    mappingId: t.mappingId,
    name: t.name,
    sampleId: t.sampleId,
    sampleName: names.get(t.sampleId) ?? '',
    assertions: storedAssertions(t.assertions),
    hasExpectedBundle: t.expectedBundle !== null,
    /** ISO time; send it back as `expectedUpdatedAt` with an edit. */
    updatedAt: t.updatedAt.toISOString(),
  };
}

async function detail(ctx: Context, t: TestCaseRecord) {
  return { ...summary(t, await sampleNames(ctx, t.mappingId)), expectedBundle: t.expectedBundle };
}
