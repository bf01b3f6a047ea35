import { evaluateAssertion } from '@mapwright/fhir';
import { diffBundles, type DiffableBundle } from '../diff/output-diff';
import type { EngineError } from '../errors';
import type { RunResult } from '../runtime/run-mapping';
import type { TestCaseSpec, TestFailure, TestResult } from './test-case';

const FIRST_ISSUES = 3;

/**
 * Judges one test case against the engine's run of its sample. Every check runs (validation, each assertion,
 * the expected bundle) so the analyst sees all that is wrong at once. A test with neither an expected bundle
 * nor assertions passes when the message maps with no validation error.
 */
export function evaluateTestCase(spec: TestCaseSpec, outcome: RunResult): TestResult {
  const expected = spec.expectedBundle ?? null;
  const base = { name: spec.name, sampleName: spec.sampleName, expected };
  if (!outcome.ok) {
    const message = outcome.errors.map(describeRunError).join('; ') || 'the message did not map';
    return { ...base, passed: false, failures: [{ kind: 'run', message }], actual: null };
  }
  const failures: TestFailure[] = [];
  const errors = outcome.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (errors.length > 0) {
    failures.push({
      kind: 'validation',
      count: errors.length,
      first: errors.slice(0, FIRST_ISSUES).map((i) => {
        const where = [i.expression?.join(', '), i.nodeId && `node ${i.nodeId}`].filter(Boolean).join(' ');
        return `${where || 'Bundle'}: ${i.diagnostics}`;
      }),
    });
  }
  spec.assertions.forEach((expression, index) => {
    const result = evaluateAssertion(expression, outcome.bundle);
    if (!result.passed)
      failures.push({ kind: 'assertion', index, expression, message: result.message ?? 'failed' });
  });
  if (expected !== null) {
    const differences = diffBundles(expected as DiffableBundle, outcome.bundle as DiffableBundle);
    if (differences.length > 0) failures.push({ kind: 'bundle', differences });
  }
  return { ...base, passed: failures.length === 0, failures, actual: outcome.bundle };
}

/** `PID-7, node birthDate: reason`: the location fields only, never `at.value` or `at.code` (patient data). */
export function describeRunError(error: EngineError): string {
  const at = error.at;
  const where = [
    at.segment && `${at.segment}${at.field ? `-${at.field}` : ''}${at.component ? `.${at.component}` : ''}`,
    at.line !== undefined && `line ${at.line}${at.column !== undefined ? `:${at.column}` : ''}`,
    at.nodeId && `node ${at.nodeId}`,
    at.edgeId && `edge ${at.edgeId}`,
    at.element,
    at.path,
  ].filter(Boolean);
  return `${where.length > 0 ? `${where.join(', ')}: ` : ''}${error.message}`;
}
