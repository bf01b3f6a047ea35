import type { OperationOutcomeIssue } from '@medplum/fhirtypes';
import { elementInfo } from './element-tree';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const URN_UUID = 'urn:uuid:';

/** Bundle types a FHIR server processes entry by entry, resolving `urn:uuid:` references between entries. */
const PROCESSED = new Set(['transaction', 'batch']);

/** A `Reference.reference` inside a resource, with its FHIRPath and the resource type that defines it. */
interface FoundReference {
  reference: string;
  /** FHIRPath from the resource: `Encounter.location[0].location`. */
  expression: string;
  /** The (contained) resource that holds the element, and the element's path inside it, for elementInfo. */
  ownerType: string;
  ownerPath: string;
}

/** Every reference in a resource, contained resources included (their elements are looked up in their own type). */
function referencesIn(resource: Json): FoundReference[] {
  const out: FoundReference[] = [];
  const visit = (value: unknown, expression: string, ownerType: string, ownerPath: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${expression}[${i}]`, ownerType, ownerPath));
      return;
    }
    if (!isObject(value)) return;
    if (typeof value.reference === 'string')
      out.push({ reference: value.reference, expression, ownerType, ownerPath });
    for (const [key, child] of Object.entries(value)) {
      if (key === 'contained' && Array.isArray(child)) {
        child.forEach((c, i) => {
          if (isObject(c) && typeof c.resourceType === 'string')
            visit(c, `${expression}.contained[${i}]`, c.resourceType, '');
        });
        continue;
      }
      if (key === 'resourceType' || key === 'reference') continue;
      visit(child, `${expression}.${key}`, ownerType, ownerPath === '' ? key : `${ownerPath}.${key}`);
    }
  };
  if (typeof resource.resourceType === 'string')
    visit(resource, resource.resourceType, resource.resourceType, '');
  return out;
}

/**
 * @medplum/core warns about every `urn:uuid:` reference because, looking at one resource, it cannot
 * see the target; and it says nothing about one in an element that allows any type. Inside a Bundle we
 * can see the targets, so every `urn:uuid:` reference is judged here instead:
 *
 * - it names another entry's fullUrl whose resource type the element allows (its targetProfile): fine;
 * - it names an entry of a type the element does not allow: error (a server rejects it);
 * - it names no entry: error in a transaction or batch (the server cannot resolve it and rejects the
 *   whole transaction), warning in other bundles (a collection may point outside itself).
 *
 * Texts name types, never the reference or any other value: issues end up in logs.
 */
export function resolveBundleReferences(
  issues: OperationOutcomeIssue[],
  resource: unknown,
  entries: readonly unknown[],
  bundleType?: unknown,
): OperationOutcomeIssue[] {
  if (!isObject(resource) || typeof resource.resourceType !== 'string') return issues;
  const found = referencesIn(resource).filter((r) => r.reference.startsWith(URN_UUID));
  const judged = new Set(found.map((r) => r.expression));
  const kept = issues.filter(
    (issue) =>
      !(
        issue.severity === 'warning' &&
        issue.details?.text?.startsWith('Invalid reference') &&
        judged.has(issue.expression?.[0] ?? '')
      ),
  );
  for (const ref of found) {
    const issue = judgeReference(ref, entries, bundleType);
    if (issue) kept.push(issue);
  }
  return kept;
}

function judgeReference(
  ref: FoundReference,
  entries: readonly unknown[],
  bundleType: unknown,
): OperationOutcomeIssue | undefined {
  const target = entries.find((e) => isObject(e) && e.fullUrl === ref.reference);
  if (!isObject(target)) {
    const processed = PROCESSED.has(bundleType as string);
    return {
      severity: processed ? 'error' : 'warning',
      code: processed ? 'not-found' : 'informational',
      details: {
        text: processed
          ? `The urn:uuid reference matches no entry's fullUrl in this ${String(bundleType)} Bundle; a server rejects it`
          : "The urn:uuid reference matches no entry's fullUrl in this Bundle",
      },
      expression: [ref.expression],
    };
  }
  const targetType = isObject(target.resource) ? target.resource.resourceType : undefined;
  const allowed = ref.ownerPath === '' ? undefined : elementInfo(ref.ownerType, ref.ownerPath)?.targetTypes;
  if (!allowed || (typeof targetType === 'string' && allowed.includes(targetType))) return undefined;
  return {
    severity: 'error',
    code: 'structure',
    details: {
      text: `The reference points to an entry of type ${typeof targetType === 'string' ? targetType : '(none)'}; this element allows ${allowed.join(', ')}`,
    },
    expression: [ref.expression],
  };
}
