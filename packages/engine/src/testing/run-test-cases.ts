import type { CompiledMapping } from '../compiler/compile';
import { runMapping, type RunOptions } from '../runtime/run-mapping';
import { evaluateTestCase } from './evaluate-test-case';
import type { TestCaseSpec, TestResult } from './test-case';

export interface TestRun {
  results: TestResult[];
  passed: number;
  failed: number;
}

/** Runs each test's sample text through the compiled mapping and judges it; in the given order. */
export async function runTestCases(
  compiled: CompiledMapping,
  cases: ReadonlyArray<TestCaseSpec & { text: string }>,
  options: RunOptions = {},
): Promise<TestRun> {
  const results: TestResult[] = [];
  for (const { text, ...spec } of cases) {
    // lineage and coverage cost time and no test reads them
    const outcome = await runMapping(compiled, text, { coverage: false, ...options });
    results.push(evaluateTestCase(spec, outcome));
  }
  const passed = results.filter((r) => r.passed).length;
  return { results, passed, failed: results.length - passed };
}
