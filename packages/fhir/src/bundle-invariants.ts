import type { OperationOutcomeIssue } from '@medplum/fhirtypes';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const WITH_REQUEST = new Set(['batch', 'transaction', 'history']);
const WITH_RESPONSE = new Set(['batch-response', 'transaction-response', 'history']);

function invariant(key: string, text: string, expression: string): OperationOutcomeIssue {
  return {
    severity: 'error',
    code: 'invariant',
    details: { text: `Constraint ${key} not met: ${text}` },
    expression: [expression],
  };
}

/**
 * The Bundle invariants that look across entries (bdl-2, -3, -4, -7, -11, -12). Evaluating them as
 * FHIRPath costs as much as validating every resource again, so they are written out here and
 * point at the entry at fault rather than at `Bundle`.
 */
export function bundleEntryInvariants(type: unknown, entries: readonly unknown[]): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  const seen = new Map<string, Set<string | undefined>>();
  entries.forEach((entry, i) => {
    if (!isObject(entry)) return;
    const at = `Bundle.entry[${i}]`;
    if ((entry.request !== undefined) !== WITH_REQUEST.has(type as string)) {
      issues.push(
        invariant('bdl-3', 'entry.request mandatory for batch/transaction/history, otherwise prohibited', at),
      );
    }
    if ((entry.response !== undefined) !== WITH_RESPONSE.has(type as string)) {
      issues.push(
        invariant(
          'bdl-4',
          'entry.response mandatory for batch-response/transaction-response/history, otherwise prohibited',
          at,
        ),
      );
    }
    if (entry.search !== undefined && type !== 'searchset') {
      issues.push(invariant('bdl-2', 'entry.search only when a search', `${at}.search`));
    }
    if (typeof entry.fullUrl === 'string' && type !== 'history') {
      const meta =
        isObject(entry.resource) && isObject(entry.resource.meta) ? entry.resource.meta : undefined;
      const version = typeof meta?.versionId === 'string' ? meta.versionId : undefined;
      const versions = seen.get(entry.fullUrl) ?? new Set<string | undefined>();
      if (versions.has(version)) {
        issues.push(
          invariant(
            'bdl-7',
            'FullUrl must be unique in a bundle, or else have different meta.versionId',
            `${at}.fullUrl`,
          ),
        );
      }
      versions.add(version);
      seen.set(entry.fullUrl, versions);
    }
  });
  const first = entries[0];
  const firstType = isObject(first) && isObject(first.resource) ? first.resource.resourceType : undefined;
  if (type === 'document' && firstType !== 'Composition') {
    issues.push(
      invariant('bdl-11', 'A document must have a Composition as the first resource', 'Bundle.entry[0]'),
    );
  }
  if (type === 'message' && firstType !== 'MessageHeader') {
    issues.push(
      invariant('bdl-12', 'A message must have a MessageHeader as the first resource', 'Bundle.entry[0]'),
    );
  }
  return issues;
}
