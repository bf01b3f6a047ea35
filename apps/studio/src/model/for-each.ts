import type { Mapping, TargetNode } from '@mapwright/engine';
import { forEachScopes } from './source-path';

/**
 * Where a "one resource per item" drop lands: a repeating source path (`PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION`)
 * nests inside the target whose items contain it (the DiagnosticReport per ORDER_OBSERVATION), with the
 * for-each written relative to that target's item (`OBSERVATION`), as the engine evaluates it. A path
 * under no for-each stays absolute at the message level.
 */
export function forEachPlacement(
  m: Pick<Mapping, 'nodes'>,
  path: string,
  excluding?: string,
): { forEach: string; parent?: string } {
  let best: { parent: string; under: string } | undefined;
  for (const target of m.nodes.filter((n): n is TargetNode => n.type === 'target' && n.id !== excluding)) {
    const own = forEachScopes(m, target.id).find((s) => s.targetId === target.id);
    for (const under of own?.paths ?? []) {
      if (path.startsWith(`${under}.`) && (!best || under.length > best.under.length))
        best = { parent: target.id, under };
    }
  }
  return best ? { forEach: path.slice(best.under.length + 1), parent: best.parent } : { forEach: path };
}
