import type { Mapping, MappingNode } from '@mapwright/engine';

/** The engine's node id rule (nodes.ts), repeated here so the editor can check a name as it is typed. */
export const NODE_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** JSONata names a node occupies in the compiled program (see the engine's compiler/names.ts). */
function variableNames(id: string, type: MappingNode['type'] | undefined): string[] {
  const base = id.replace(/-/g, '_');
  // The engine adds `_` to ids that hit a reserved function name, so `x_` is taken whenever `x` is.
  const names = [base, `${base}_`];
  if (base.endsWith('_')) names.push(base.slice(0, -1));
  // A target also binds these; an unknown type is treated as a target to stay on the safe side.
  if (type === 'target' || type === undefined)
    names.push(`${base}_url`, `${base}_key`, `${base}_i`, `${base}_item`);
  return names;
}

/**
 * True when `id` would collide with a node of the mapping, as an id or as one of the JSONata variables
 * the compiler derives from ids. `ignore` skips one node (the node being renamed).
 */
export function isIdTaken(
  mapping: Pick<Mapping, 'nodes'>,
  id: string,
  type?: MappingNode['type'],
  ignore?: string,
): boolean {
  const taken = new Set<string>();
  for (const node of mapping.nodes) {
    if (node.id === ignore) continue;
    taken.add(node.id);
    for (const name of variableNames(node.id, node.type)) taken.add(name);
  }
  return taken.has(id) || variableNames(id, type).some((name) => taken.has(name));
}

/** A valid id from any text: ids stay as they are, `Diagnostic Report` -> `diagnosticReport`, `5` -> `node5`. */
export function idPrefix(text: string): string {
  if (NODE_ID.test(text)) return text;
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  const lowered = joined ? joined[0]!.toLowerCase() + joined.slice(1) : '';
  return /^[A-Za-z]/.test(lowered) ? lowered : `node${lowered}`;
}

/**
 * A readable id not yet used: the prefix itself when free, else `pid5_1`, `pid5_2` (prefixes ending in a
 * digit) or `transform2`, `transform3` (the bare prefix counts as the first).
 */
export function nextNodeId(
  mapping: Pick<Mapping, 'nodes'>,
  prefix: string,
  options: { type?: MappingNode['type']; reserved?: ReadonlySet<string> } = {},
): string {
  const clean = idPrefix(prefix);
  const free = (id: string) => !options.reserved?.has(id) && !isIdTaken(mapping, id, options.type);
  if (free(clean)) return clean;
  const digitEnd = /\d$/.test(clean);
  for (let n = digitEnd ? 1 : 2; ; n++) {
    const id = digitEnd ? `${clean}_${n}` : `${clean}${n}`;
    if (free(id)) return id;
  }
}

/**
 * The id prefix for a source path, named like the example mappings: `PID.F5.C1` -> `pid5`,
 * `$msg.PV1.F36` -> `pv1_36`, `rows.birth_date` -> `birthDate`.
 */
export function sourceIdPrefix(path: string): string {
  const hl7 = [...path.matchAll(/\b([A-Z][A-Z0-9]{2})\.F(\d+)/g)].at(-1);
  if (hl7) {
    const segment = hl7[1]!.toLowerCase();
    return /\d$/.test(segment) ? `${segment}_${hl7[2]}` : `${segment}${hl7[2]}`;
  }
  const last =
    path
      .split('.')
      .filter((step) => /[A-Za-z]/.test(step))
      .at(-1) ?? path;
  return idPrefix(last);
}

/** Edge ids as in the example mappings: `e-<source>-<target>-<handle>`, made unique with a counter. */
export function nextEdgeId(
  mapping: Pick<Mapping, 'edges'>,
  source: string,
  target: string,
  handle: string | undefined,
  taken: ReadonlySet<string> = new Set(),
): string {
  const used = new Set(mapping.edges.map((e) => e.id));
  const base = `e-${source}-${target}${handle ? `-${handle.replace(/\./g, '_')}` : ''}`;
  if (!used.has(base) && !taken.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`) && !taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
