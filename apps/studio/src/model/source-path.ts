import type { Mapping, TargetNode } from '@mapwright/engine';

/**
 * One for-each level around a target: the target that iterates and the absolute source paths of its
 * items (`PATIENT_RESULT.ORDER_OBSERVATION`), or null when its for-each is an expression we cannot read
 * as a path (`$distinct(rows.mrn)...`).
 */
export interface ForEachScope {
  targetId: string;
  paths: string[] | null;
}

const SIMPLE_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const APPEND = /^\$append\(\s*([A-Za-z0-9_.]+)\s*,\s*([A-Za-z0-9_.]+)\s*\)$/;

/** The item paths a for-each reads, relative to its parent's item: `ORDER` or `$append(A, B)` (v2.3 vs 2.5 group names). */
function forEachSteps(forEach: string): string[] | null {
  const text = forEach.trim();
  if (SIMPLE_PATH.test(text)) return [text];
  const append = APPEND.exec(text);
  if (append && SIMPLE_PATH.test(append[1]!) && SIMPLE_PATH.test(append[2]!)) return [append[1]!, append[2]!];
  return null;
}

/** The for-each levels around a target, outermost first, following `parent` links (the engine nests them so). */
export function forEachScopes(mapping: Pick<Mapping, 'nodes'>, targetId: string): ForEachScope[] {
  const targets = new Map(
    mapping.nodes.filter((n): n is TargetNode => n.type === 'target').map((n) => [n.id, n]),
  );
  const chain: TargetNode[] = [];
  const seen = new Set<string>();
  for (
    let t = targets.get(targetId);
    t && !seen.has(t.id);
    t = t.parent ? targets.get(t.parent) : undefined
  ) {
    seen.add(t.id);
    chain.unshift(t);
  }
  const scopes: ForEachScope[] = [];
  let base: string[] | null = [''];
  for (const t of chain) {
    if (t.forEach === undefined) continue;
    const steps = forEachSteps(t.forEach);
    const outer: string[] | null = base;
    base = outer && steps ? outer.flatMap((b) => steps.map((s) => (b ? `${b}.${s}` : s))) : null;
    scopes.push({ targetId: t.id, paths: base });
  }
  return scopes;
}

/**
 * Rewrites an absolute source path (from the message root, as the source tree gives it) for use inside a
 * target's for-each, the way the engine evaluates it: relative to the current item when it lies under
 * it (`OBX.F5` inside `…OBSERVATION`), `$<target>_item.` when it lies under an enclosing for-each
 * (`$report_item.OBR.F2`), `$msg.` when it lies outside every for-each (`$msg.MSH.F7`). `context` is
 * either the innermost item path as a string or the scopes from `forEachScopes`. Paths that already start
 * from a variable are left alone, and so are paths in a scope we cannot read: rewriting them blindly
 * could read every item's value into each resource, which is worse than an empty element.
 */
export function relativeSourcePath(path: string, context: string | readonly ForEachScope[]): string {
  if (path.startsWith('$')) return path;
  const scopes: readonly ForEachScope[] =
    typeof context === 'string' ? (context === '' ? [] : [{ targetId: '', paths: [context] }]) : context;
  if (scopes.length === 0) return path;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    if (scope.paths === null) {
      if (i === scopes.length - 1) return path;
      continue;
    }
    const under = scope.paths.filter((p) => path.startsWith(`${p}.`)).sort((a, b) => b.length - a.length)[0];
    if (under === undefined) continue;
    const rest = path.slice(under.length + 1);
    return i === scopes.length - 1 ? rest : `$${scope.targetId.replace(/-/g, '_')}_item.${rest}`;
  }
  return `$msg.${path}`;
}
