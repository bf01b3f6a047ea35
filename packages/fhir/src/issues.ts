import { OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export function isErrorIssue(issue: OperationOutcomeIssue): boolean {
  return issue.severity === 'error' || issue.severity === 'fatal';
}

/** Turns anything thrown while validating into issues; validation never throws to its caller. */
export function issuesFromError(err: unknown, root: string): OperationOutcomeIssue[] {
  if (err instanceof OperationOutcomeError) return err.outcome.issue ?? [];
  const message = err instanceof Error ? err.message : String(err);
  return [
    {
      severity: 'error',
      code: 'exception',
      details: { text: 'Validator failed unexpectedly' },
      diagnostics: message,
      expression: [root],
    },
  ];
}

/** Every issue gets a location: issues without one (e.g. "Invalid resource type") point at the root. */
export function withExpression(issue: OperationOutcomeIssue, root: string): OperationOutcomeIssue {
  return issue.expression?.length ? issue : { ...issue, expression: [root] };
}

/** Rewrites `Patient.name[0]` to `Bundle.entry[2].resource.name[0]`. */
export function prefixExpression(
  issue: OperationOutcomeIssue,
  root: string,
  prefix: string,
): OperationOutcomeIssue {
  const expression = (issue.expression ?? [root]).map((e) => {
    if (e === root) return prefix;
    const next = e.charAt(root.length);
    return e.startsWith(root) && (next === '.' || next === '[')
      ? prefix + e.slice(root.length)
      : `${prefix}.${e}`;
  });
  return { ...issue, expression };
}

export function toOperationOutcome(issues: readonly OperationOutcomeIssue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.length
      ? [...issues]
      : [{ severity: 'information', code: 'informational', details: { text: 'All OK' } }],
  };
}
