import { validateResource as medplumValidateResource } from '@medplum/core';
import type { OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';
import { getDefinitions } from './definitions';
import { isErrorIssue, issuesFromError, withExpression } from './issues';
import { checkRequiredBindings } from './required-bindings';

export interface ValidationResult {
  /** False when any issue has severity error or fatal. */
  readonly valid: boolean;
  readonly issues: readonly OperationOutcomeIssue[];
}

type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function toResult(issues: OperationOutcomeIssue[]): ValidationResult {
  return { valid: !issues.some(isErrorIssue), issues };
}

/**
 * Validates one resource against base FHIR R4: structure, cardinality and types by @medplum/core,
 * plus required terminology bindings. Never throws; problems come back as OperationOutcome issues
 * whose expression is a FHIRPath from the resource type (`Patient.name[0].family`).
 */
export function validateResource(resource: unknown): ValidationResult {
  return toResult(resourceIssues(resource));
}

/** The resource type an issue expression starts with, or `Resource` when there is none. */
export function rootOf(resource: unknown): string {
  return isObject(resource) && typeof resource.resourceType === 'string' ? resource.resourceType : 'Resource';
}

export function resourceIssues(resource: unknown): OperationOutcomeIssue[] {
  const root = rootOf(resource);
  if (root === 'Resource') {
    return [
      {
        severity: 'error',
        code: 'structure',
        details: { text: 'A resource must be a JSON object with a string resourceType' },
        expression: [root],
      },
    ];
  }
  let issues: OperationOutcomeIssue[];
  try {
    getDefinitions();
    issues = medplumValidateResource(resource as unknown as Resource);
  } catch (err) {
    issues = issuesFromError(err, root);
  }
  try {
    issues = issues.concat(checkRequiredBindings(resource));
  } catch (err) {
    issues = issues.concat(issuesFromError(err, root));
  }
  return issues.map((issue) => withExpression(withoutReferenceText(issue), root));
}

/**
 * @medplum/core writes what it read from the reference into the text (`Invalid reference: got "12345", …`);
 * for a malformed reference that is the whole value, which may be an identifier. Texts end up in logs.
 */
function withoutReferenceText(issue: OperationOutcomeIssue): OperationOutcomeIssue {
  const text = issue.details?.text;
  if (text === undefined || !text.startsWith('Invalid reference: got "')) return issue;
  return {
    ...issue,
    details: {
      ...issue.details,
      text: text.replace(/^Invalid reference: got ".*?", /, 'Invalid reference: '),
    },
  };
}
