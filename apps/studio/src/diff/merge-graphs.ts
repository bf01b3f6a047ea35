import type { Edge, GraphDiff, Mapping, MappingNode } from '@mapwright/engine';

export type DiffStatus = 'added' | 'removed' | 'changed' | 'unchanged';

/** The newer graph with what the older one had and the newer lost put back in, each part marked. */
export interface MergedGraph {
  mapping: Mapping;
  /** By the id the node has in `mapping`. */
  nodeStatus: Readonly<Record<string, DiffStatus>>;
  edgeStatus: Readonly<Record<string, DiffStatus>>;
}

/** Edges of the older graph never share an id with the newer graph's: ids are bookkeeping, reused freely. */
export const REMOVED_PREFIX = 'removed:';

const edgeKey = (e: Edge): string =>
  JSON.stringify([e.source, e.sourceHandle ?? null, e.target, e.targetHandle ?? null]);

/**
 * One canvas for a diff: every node and edge of `after`, plus the nodes and edges `diff` says were
 * removed from `before`. A removed node whose id lives on in `after` as another kind of node is renamed
 * (`removed:<id>`) so both show; the removed edges that touched it follow it.
 */
export function mergeForDiff(before: Mapping, after: Mapping, diff: GraphDiff): MergedGraph {
  const nodeStatus: Record<string, DiffStatus> = {};
  const edgeStatus: Record<string, DiffStatus> = {};
  const added = new Set(diff.nodes.added.map((n) => n.id));
  const changed = new Set(diff.nodes.changed.map((n) => n.id));
  for (const node of after.nodes) {
    nodeStatus[node.id] = added.has(node.id) ? 'added' : changed.has(node.id) ? 'changed' : 'unchanged';
  }

  const afterIds = new Set(after.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const removedNodes: MappingNode[] = diff.nodes.removed.map((node) => {
    const id = afterIds.has(node.id) ? `${REMOVED_PREFIX}${node.id}` : node.id;
    renamed.set(node.id, id);
    nodeStatus[id] = 'removed';
    return id === node.id ? node : { ...node, id };
  });

  // Added and changed edges are the newer graph's own objects; match the rest by what they connect.
  const addedKeys = countKeys(diff.edges.added);
  const changedKeys = countKeys(diff.edges.changed.map((c) => c.after));
  for (const edge of after.edges) {
    edgeStatus[edge.id] = take(addedKeys, edge) ? 'added' : take(changedKeys, edge) ? 'changed' : 'unchanged';
  }
  // A changed edge shows once, as the newer wire: it fills the same input, only its source moved.
  const removedEdges: Edge[] = diff.edges.removed.map((edge) => {
    const id = `${REMOVED_PREFIX}${edge.id}`;
    edgeStatus[id] = 'removed';
    return {
      ...edge,
      id,
      source: renamed.get(edge.source) ?? edge.source,
      target: renamed.get(edge.target) ?? edge.target,
    };
  });

  return {
    mapping: { ...after, nodes: [...after.nodes, ...removedNodes], edges: [...after.edges, ...removedEdges] },
    nodeStatus,
    edgeStatus,
  };
}

function countKeys(edges: readonly Edge[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of edges) counts.set(edgeKey(e), (counts.get(edgeKey(e)) ?? 0) + 1);
  return counts;
}

function take(counts: Map<string, number>, edge: Edge): boolean {
  const left = counts.get(edgeKey(edge)) ?? 0;
  if (left === 0) return false;
  counts.set(edgeKey(edge), left - 1);
  return true;
}
