import { engineError, type EngineError } from '../errors';
import type { Mapping, TargetNode } from '../model';
import type { ParsedInput } from '../runtime/parse-input';
import type { UnmappedCode } from '../runtime/run-context';

/**
 * One warning per distinct code a lookup did not find but let through (`default` or `passthrough`): the run
 * succeeds, so without it the fallback would only show in `unmapped`, which the CLI and studio do not list
 * as a problem. (`error` fails the run with its own located error.)
 */
export function unmappedCodeWarnings(unmapped: UnmappedCode[]): EngineError[] {
  const seen = new Set<string>();
  const out: EngineError[] = [];
  for (const { nodeId, conceptMap, code, policy } of unmapped) {
    if (policy === 'error') continue;
    const key = `${nodeId}\u0000${conceptMap}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // the code itself goes in `at` only: messages never carry source values (they may be patient data)
    const fallback = policy === 'default' ? 'the default code was used' : 'it was passed through';
    out.push(
      engineError(
        'unmapped-code',
        `Lookup "${nodeId}": a code is not in ConceptMap "${conceptMap}"; ${fallback}.`,
        { nodeId, conceptMap, code },
      ),
    );
  }
  return out;
}

/**
 * A warning when an input with content maps to a bundle without entries: otherwise it looks like a clean
 * run. Located at the first top-level target, whose for-each or condition is where to look.
 */
export function noResourcesWarning(mapping: Mapping, parsed: ParsedInput, entries: number): EngineError[] {
  if (entries > 0 || !parsed.ok || !hasContent(parsed)) return [];
  const roots = mapping.nodes.filter((n): n is TargetNode => n.type === 'target' && n.parent === undefined);
  const names = roots.map((t) => `"${t.id}"`).join(', ');
  const what = parsed.hl7 ? 'message' : mapping.source.format === 'csv' ? 'file' : 'document';
  return [
    engineError(
      'no-resources',
      roots.length === 0
        ? `The ${what} has content but the mapping has no targets: the bundle is empty.`
        : `The ${what} has content but no target made a resource (top-level targets: ${names}): the bundle is empty. Check their for-each and condition against this input.`,
      roots[0] ? { nodeId: roots[0].id } : {},
    ),
  ];
}

function hasContent(parsed: Extract<ParsedInput, { ok: true }>): boolean {
  if (parsed.hl7) return true;
  return nonEmpty(parsed.root);
}

/** A non-blank scalar anywhere in the value (CSV `{ rows: [] }` and `{}` are empty). */
function nonEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.some(nonEmpty);
  if (typeof value === 'object') return Object.values(value).some(nonEmpty);
  return String(value).trim() !== '';
}
