import { validateTypedValue } from '@medplum/core';
import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { bundleEntryInvariants } from './bundle-invariants';
import { resolveBundleReferences } from './bundle-references';
import { issuesFromError, prefixExpression } from './issues';
import { checkRequiredBindings } from './required-bindings';
import { isObject, resourceIssues, rootOf, toResult } from './validate';
import type { ValidationResult } from './validate';

export interface BundleEntryResult extends ValidationResult {
  /** Position in `Bundle.entry`, so callers can map issues back to the entry they came from. */
  readonly index: number;
  readonly resourceType: string | undefined;
}

export interface BundleValidationResult extends ValidationResult {
  /** All issues (envelope first, then entries), expressions rooted at `Bundle`. */
  readonly issues: readonly OperationOutcomeIssue[];
  /** One result per entry that has a resource, holding that entry's (prefixed) issues. */
  readonly entries: readonly BundleEntryResult[];
}

/**
 * Validates a Bundle: each entry's resource on its own, then the envelope without the resources.
 * Validating the whole Bundle in one medplum pass costs about twice as much, because its
 * per-entry FHIRPath invariants dominate. Expressions point into the bundle:
 * `Bundle.entry[2].resource.name[0].family`. Never throws.
 */
export function validateBundle(bundle: unknown): BundleValidationResult {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') {
    const issue: OperationOutcomeIssue = {
      severity: 'error',
      code: 'structure',
      details: { text: 'Expected a Bundle resource' },
      expression: ['Bundle'],
    };
    return { valid: false, issues: [issue], entries: [] };
  }
  const entries: unknown[] = Array.isArray(bundle.entry) ? bundle.entry : [];
  const entryResults: BundleEntryResult[] = [];
  entries.forEach((entry, index) => {
    if (!isObject(entry) || entry.resource === undefined) return;
    const root = rootOf(entry.resource);
    const prefix = `Bundle.entry[${index}].resource`;
    const own = resolveBundleReferences(resourceIssues(entry.resource), entry.resource, entries, bundle.type);
    const issues = own.map((issue) => prefixExpression(issue, root, prefix));
    entryResults.push({ index, resourceType: root === 'Resource' ? undefined : root, ...toResult(issues) });
  });
  const issues = [...envelopeIssues(bundle, entries), ...entryResults.flatMap((e) => e.issues)];
  return { ...toResult(issues), entries: entryResults };
}

/**
 * The Bundle without its entries is the same for nearly every bundle a mapping builds
 * (`{ resourceType: 'Bundle', type: 'transaction' }`), and validating it costs as much as a small resource.
 * Its issues are a pure function of its content, so shells whose values are all strings (their JSON text is
 * then an exact key) are validated once and answered from a small cache with fresh copies of the issues.
 */
const SHELL_CACHE_SIZE = 32;
const shellCache = new Map<string, readonly OperationOutcomeIssue[]>();

function shellIssues(shell: Record<string, unknown>): OperationOutcomeIssue[] {
  const key = Object.values(shell).every((v) => typeof v === 'string') ? JSON.stringify(shell) : undefined;
  if (key === undefined || key.length > 1000) return resourceIssues(shell);
  let cached = shellCache.get(key);
  if (cached === undefined) {
    cached = resourceIssues(shell);
    if (shellCache.size >= SHELL_CACHE_SIZE) shellCache.delete(shellCache.keys().next().value as string);
    shellCache.set(key, cached);
  }
  return cached.length === 0 ? [] : (structuredClone(cached) as OperationOutcomeIssue[]);
}

/** A resource every entry can carry while its envelope is checked: Parameters has no required elements. */
const STUB = { resourceType: 'Parameters' };

function envelopeIssues(bundle: Record<string, unknown>, entries: unknown[]): OperationOutcomeIssue[] {
  const { entry: _entry, ...withoutEntries } = bundle;
  const issues = shellIssues(withoutEntries);
  const stubbed = entries.map((entry) =>
    isObject(entry) && entry.resource !== undefined ? { ...entry, resource: STUB } : entry,
  );
  stubbed.forEach((entry, i) => {
    const at = `Bundle.entry[${i}]`;
    let entryIssues: OperationOutcomeIssue[];
    try {
      entryIssues = validateTypedValue({ type: 'BundleEntry', value: entry });
    } catch (err) {
      entryIssues = issuesFromError(err, 'Bundle.entry');
    }
    for (const issue of entryIssues) {
      const moved = prefixExpression(issue, 'Bundle.entry', at);
      if (!moved.expression?.some((e) => e.startsWith(`${at}.resource`))) issues.push(moved);
    }
  });
  // Required bindings of the envelope itself (entry.request.method ...); resources were checked above.
  const codes = checkRequiredBindings({ ...withoutEntries, entry: stubbed });
  issues.push(
    ...codes.filter((issue) => !issue.expression?.some((e) => /^Bundle\.entry\[\d+\]\.resource/.test(e))),
  );
  try {
    issues.push(...bundleEntryInvariants(bundle.type, entries));
  } catch (err) {
    issues.push(...issuesFromError(err, 'Bundle'));
  }
  return issues;
}
