import { freePosition } from './node-size';
import { MappingNode, type Edge, type Mapping } from '@mapwright/engine';
import { refuse, type GraphResult } from './graph-error';
import { INPUT_NAME, findEdge, findNode, midpoint, withoutUndefined, type NodePosition } from './graph-query';
import { NODE_ID, isIdTaken, nextEdgeId, nextNodeId } from './node-ids';

type NodeType = MappingNode['type'];
/** The fields of one node type that an edit may change; `type` stays what it is. */
export type NodePatch = {
  [K in NodeType]: Partial<Omit<Extract<MappingNode, { type: K }>, 'type'>>;
}[NodeType];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Renames a node everywhere it is named: wires, parent links, references and `$<target>_item` paths. */
function renameNode(m: Mapping, from: string, to: string): Mapping {
  const item = new RegExp(`\\$${escapeRegExp(from.replace(/-/g, '_'))}_item\\b`, 'g');
  const itemTo = `$${to.replace(/-/g, '_')}_item`;
  const rename = (id: string) => (id === from ? to : id);
  const nodes = m.nodes.map((n): MappingNode => {
    if (n.type === 'source') return { ...n, path: n.path.replace(item, itemTo) };
    if (n.type !== 'target') return n;
    return withoutUndefined({
      ...n,
      parent: n.parent === undefined ? undefined : rename(n.parent),
      forEach: n.forEach?.replace(item, itemTo),
      condition: n.condition?.replace(item, itemTo),
      references: n.references.map((r) => ({ ...r, target: rename(r.target) })),
    });
  });
  const edges = m.edges.map((e) => ({ ...e, source: rename(e.source), target: rename(e.target) }));
  return { ...m, nodes, edges };
}

/** Wires into a transform follow its inputs: a renamed input keeps its wire, a removed one loses it. */
function followInputs(edges: Edge[], nodeId: string, before: string[], after: string[]): Edge[] {
  const renamed = new Map<string, string>();
  if (before.length === after.length) before.forEach((name, i) => renamed.set(name, after[i]!));
  return edges.flatMap((e) => {
    if (e.target !== nodeId) return [e];
    const handle = e.targetHandle ?? '';
    if (renamed.has(handle)) return [{ ...e, targetHandle: renamed.get(handle)! }];
    return after.includes(handle) ? [e] : [];
  });
}

/**
 * Changes fields of a node (an undefined value removes an optional field). Renaming the node updates
 * everything that refers to it; renaming a transform input (same number of inputs) moves its wire along.
 */
export function updateNode(m: Mapping, id: string, patch: NodePatch): GraphResult {
  const index = m.nodes.findIndex((n) => n.id === id);
  const node = m.nodes[index];
  if (!node) return refuse('unknown-node', `There is no node "${id}".`, { nodeId: id });
  const parsed = MappingNode.safeParse(withoutUndefined({ ...node, ...patch, type: node.type }));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse('invalid-node', `${issue.path.join('.') || 'node'}: ${issue.message}`, { nodeId: id });
  }
  const next = parsed.data;
  if (next.id !== id && (!NODE_ID.test(next.id) || isIdTaken(m, next.id, next.type, id)))
    return refuse('duplicate-node-id', `The name "${next.id}" is taken by another node.`, { nodeId: id });
  let edges = m.edges;
  if (node.type === 'transform' && next.type === 'transform') {
    const bad = next.inputs.find((name) => !INPUT_NAME.test(name));
    if (bad !== undefined || new Set(next.inputs).size !== next.inputs.length)
      return refuse('bad-input-name', 'Each input of a transform needs its own name.', { nodeId: id });
    edges = followInputs(edges, id, node.inputs, next.inputs);
  }
  if (next.type === 'target' && next.parent !== undefined) {
    const parent = findNode(m, next.parent);
    if (parent?.type !== 'target' || next.parent === id || (parent.id !== id && isAncestor(m, id, parent.id)))
      return refuse('not-a-target', `"${next.parent}" cannot be the parent of "${id}".`, { nodeId: id });
  }
  const nodes = m.nodes.map((n, i) => (i === index ? next : n));
  const updated = { ...m, nodes, edges };
  return { ok: true, mapping: next.id === id ? updated : renameNode(updated, id, next.id) };
}

/** Whether `ancestor` is reached from `id` by following parent links. */
function isAncestor(m: Mapping, ancestor: string, id: string): boolean {
  const seen = new Set<string>();
  for (let n = findNode(m, id); n?.type === 'target' && n.parent !== undefined && !seen.has(n.id);) {
    if (n.parent === ancestor) return true;
    seen.add(n.id);
    n = findNode(m, n.parent);
  }
  return false;
}

/** Positions after a drag; whole pixels keep saved files and review diffs quiet. Unchanged input comes back as is. */
export function moveNodes(m: Mapping, positions: Readonly<Record<string, NodePosition>>): Mapping {
  let changed = false;
  const nodes = m.nodes.map((n) => {
    const p = positions[n.id];
    if (!p) return n;
    const position = { x: Math.round(p.x), y: Math.round(p.y) };
    if (n.position?.x === position.x && n.position.y === position.y) return n;
    changed = true;
    return { ...n, position };
  });
  return changed ? { ...m, nodes } : m;
}

/** Removes nodes with their wires, and the parent links and references other targets had to them. */
export function removeNodes(m: Mapping, ids: readonly string[]): Mapping {
  const gone = new Set(ids.filter((id) => findNode(m, id)));
  if (gone.size === 0) return m;
  const nodes = m.nodes
    .filter((n) => !gone.has(n.id))
    .map((n): MappingNode => {
      if (n.type !== 'target') return n;
      const references = n.references.filter((r) => !gone.has(r.target));
      const orphan = n.parent !== undefined && gone.has(n.parent);
      if (!orphan && references.length === n.references.length) return n;
      return withoutUndefined({ ...n, references, parent: orphan ? undefined : n.parent });
    });
  const edges = m.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target));
  return { ...m, nodes, edges };
}

export function removeEdges(m: Mapping, ids: readonly string[]): Mapping {
  const gone = new Set(ids);
  const edges = m.edges.filter((e) => !gone.has(e.id));
  return edges.length === m.edges.length ? m : { ...m, edges };
}

/** Replaces `edge` by `source -> node -> target`, the node taking the wire's value on `inputHandle`. */
function splitEdge(
  m: Mapping,
  edge: Edge,
  node: MappingNode,
  inputHandle: string,
): GraphResult<{ nodeId: string; edgeIds: [string, string] }> {
  const withNode = { ...m, nodes: [...m.nodes, node] };
  const into: Edge = withoutUndefined({
    id: nextEdgeId(withNode, edge.source, node.id, inputHandle),
    source: edge.source,
    sourceHandle: edge.sourceHandle,
    target: node.id,
    targetHandle: inputHandle,
  });
  const out: Edge = withoutUndefined({
    id: nextEdgeId({ edges: [...m.edges, into] }, node.id, edge.target, edge.targetHandle),
    source: node.id,
    target: edge.target,
    targetHandle: edge.targetHandle,
  });
  const edges = m.edges.flatMap((e) => (e.id === edge.id ? [into, out] : [e]));
  return { ok: true, mapping: { ...withNode, edges }, nodeId: node.id, edgeIds: [into.id, out.id] };
}

/** Puts a transform into a wire: source -> transform (input `in`) -> target. The default `$in` passes the value on. */
export function insertTransformOnEdge(
  m: Mapping,
  edgeId: string,
  expression = '$in',
): GraphResult<{ nodeId: string; edgeIds: [string, string] }> {
  const edge = findEdge(m, edgeId);
  if (!edge) return refuse('unknown-edge', `There is no wire "${edgeId}".`, { edgeId });
  const parsed = MappingNode.safeParse(
    withoutUndefined({
      id: nextNodeId(m, 'transform', { type: 'transform' }),
      type: 'transform',
      position: midpoint(m, edge),
      inputs: ['in'],
      expression,
    }),
  );
  if (!parsed.success) return refuse('invalid-node', 'A transform needs an expression.', { edgeId });
  return splitEdge(m, edge, placed(m, parsed.data), 'in');
}

/** Puts a code translation into a wire: source -> lookup -> target. */
export function insertLookupOnEdge(
  m: Mapping,
  edgeId: string,
  conceptMap: string,
): GraphResult<{ nodeId: string; edgeIds: [string, string] }> {
  const edge = findEdge(m, edgeId);
  if (!edge) return refuse('unknown-edge', `There is no wire "${edgeId}".`, { edgeId });
  const parsed = MappingNode.safeParse(
    withoutUndefined({
      id: nextNodeId(m, 'lookup', { type: 'lookup' }),
      type: 'lookup',
      position: midpoint(m, edge),
      conceptMap,
    }),
  );
  if (!parsed.success) return refuse('invalid-node', 'A lookup needs a ConceptMap.', { edgeId });
  return splitEdge(m, edge, placed(m, parsed.data), 'code');
}

/** A node put into a wire sits clear of the nodes around it. */
function placed<N extends MappingNode>(m: Mapping, node: N): N {
  return node.position ? { ...node, position: freePosition(m, node, node.position) } : node;
}
