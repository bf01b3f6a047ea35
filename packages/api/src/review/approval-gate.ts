import { contentHash, type MappingVersionRecord } from '@mapwright/db';
import {
  compileMapping,
  runMapping,
  runTestCases,
  type CompiledMapping,
  type TerminologyPort,
  type TestResult,
} from '@mapwright/engine';
import type { Context } from '../context';
import { runnableTestCases, serverTerminology } from './mapping-runs';

export type GateContext = Pick<Context, 'samples' | 'testCases' | 'conceptMaps'>;

export interface VersionTestRun {
  results: Array<TestResult & { testCaseId: string }>;
  passed: number;
  failed: number;
}

/** Runs every test case of the mapping against one compiled version. */
export async function runVersionTests(
  ctx: GateContext,
  mappingId: string,
  compiled: CompiledMapping,
  terminology: TerminologyPort,
  onlyTestCaseId?: string,
): Promise<VersionTestRun> {
  const cases = await runnableTestCases(ctx, mappingId, onlyTestCaseId);
  const run = await runTestCases(compiled, cases, { terminology });
  return { ...run, results: run.results.map((r, i) => ({ ...r, testCaseId: cases[i]!.testCaseId })) };
}

/** What approval checks, with the counts the refusal names. */
export interface ApprovalGate {
  ok: boolean;
  tests: { total: number; failed: number };
  samples: { total: number; failedToMap: number; validationErrors: number };
  /** Why approval is refused, one short clause each ("2 of 7 tests fail"); empty when ok. */
  blockers: string[];
  /** The refusal as the reviewer reads it; null when ok. */
  message: string | null;
  /**
   * What the gate ran on: the version, each test case as last saved and each sample. The reviewer approves
   * with the fingerprint they were shown, so a test deleted or accepted after they looked refuses the approval.
   */
  fingerprint: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The server's approval rule for a version: every test case passes and no sample's output has a validation
 * error. The one place it is computed: reviews.approve enforces it, reviews.get shows it as canApprove.
 */
export async function approvalGate(ctx: GateContext, version: MappingVersionRecord): Promise<ApprovalGate> {
  const compiled = compileMapping(version.graph);
  const [samples, testCases] = await Promise.all([
    ctx.samples.listByMapping(version.mappingId),
    ctx.testCases.listByMapping(version.mappingId),
  ]);
  const fingerprint = contentHash({
    version: version.id,
    tests: testCases.map((t) => `${t.id}@${t.updatedAt.toISOString()}`).sort(),
    samples: samples.map((s) => s.id).sort(),
  });
  if (samples.length === 0) {
    // nothing to check is not "every check passed": a version is approved on the evidence of its samples
    const blockers = ['the mapping has no sample message to check it on'];
    return {
      ok: false,
      tests: { total: testCases.length, failed: 0 },
      samples: { total: 0, failedToMap: 0, validationErrors: 0 },
      blockers,
      message: refusal(blockers),
      fingerprint,
    };
  }
  if (!compiled.ok) {
    const blockers = ['the version does not compile'];
    return {
      ok: false,
      tests: { total: 0, failed: 0 },
      samples: { total: samples.length, failedToMap: samples.length, validationErrors: 0 },
      blockers,
      message: refusal(blockers),
      fingerprint,
    };
  }
  const terminology = await serverTerminology(ctx);
  const tests = await runVersionTests(ctx, version.mappingId, compiled.value, terminology);
  let failedToMap = 0;
  let validationErrors = 0;
  for (const sample of samples) {
    const run = await runMapping(compiled.value, sample.content, { terminology, coverage: false });
    if (!run.ok) failedToMap++;
    else
      validationErrors += run.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length;
  }
  const total = tests.passed + tests.failed;
  const blockers = [
    tests.failed > 0 && `${tests.failed} of ${plural(total, 'test fails', 'tests fail')}`,
    validationErrors > 0 &&
      `${plural(validationErrors, 'validation error', 'validation errors')} on the samples`,
    failedToMap > 0 && `${failedToMap} of ${plural(samples.length, 'sample does', 'samples do')} not map`,
  ].filter((b): b is string => typeof b === 'string');
  return {
    ok: blockers.length === 0,
    tests: { total, failed: tests.failed },
    samples: { total: samples.length, failedToMap, validationErrors },
    blockers,
    message: blockers.length === 0 ? null : refusal(blockers),
    fingerprint,
  };
}

function refusal(blockers: string[]): string {
  return `Approval needs every test passing and no validation errors: ${blockers.join(', ')}.`;
}
