import type { GraphAnalysis } from '../compiler/analyse-graph';
import { itemContext, readPaths, type ReadPath } from '../coverage/read-paths';
import type { MappingNode } from '../model';

/** Where one element of a target comes from, known from the graph alone. */
export interface ElementLineage {
  targetId: string;
  /** Element path inside the resource, without indices: `name.family`. */
  element: string;
  /** The node nearest to the element: the wire's source node, or the target itself for a reference. */
  nodeId: string;
  edgeId?: string;
  /** Every node upstream of the element, nearest first. */
  via: string[];
  /** Paths of the source nodes upstream, as written (relative to the target's context). */
  sourcePaths: string[];
  /** The paths the upstream nodes read, resolved against the for-each context where possible. */
  reads: ReadPath[];
  /** For a reference: the target referred to. */
  referenceTo?: string;
}

/** What one value node depends on inside one target: itself and its upstream nodes, and what they read. */
export interface NodeLineage {
  /** The node and every node upstream of it, nearest first. */
  via: string[];
  /** Paths of the source nodes among them, as written. */
  sourcePaths: string[];
  /** The paths they read, resolved against the target's for-each context where possible. */
  reads: ReadPath[];
}

export interface StaticLineage {
  /** targetId -> element path -> lineage */
  targets: Map<string, Map<string, ElementLineage>>;
  /**
   * nodeId -> targetId -> lineage of that node in that target's block (a node used by two targets is
   * evaluated in each, in its context). Lets a run error name the input fields behind the failing node.
   */
  nodes: Map<string, Map<string, NodeLineage>>;
  /** Everything any node, for-each or condition reads, for coverage. */
  reads: ReadPath[];
}

export function staticLineage(graph: GraphAnalysis): StaticLineage {
  const targets = new Map<string, Map<string, ElementLineage>>();
  const nodeLineage = new Map<string, Map<string, NodeLineage>>();
  const allReads: ReadPath[] = [];
  const contexts = new Map<string, string[] | null>();

  const contextOf = (targetId: string): string[] | null => {
    if (contexts.has(targetId)) return contexts.get(targetId) ?? null;
    const t = graph.targets.get(targetId)?.node;
    if (!t) return null;
    const outer = t.parent === undefined ? [] : contextOf(t.parent);
    const ctx = t.forEach === undefined ? outer : itemContext(t.forEach, outer);
    contexts.set(targetId, ctx);
    return ctx;
  };

  for (const [targetId, plan] of graph.targets) {
    const t = plan.node;
    const outer = t.parent === undefined ? [] : contextOf(t.parent);
    if (t.forEach !== undefined) {
      // iterating over items selects them without reading their fields: keep only what predicates read
      const reads = readPaths(t.forEach, outer);
      allReads.push(...(itemContext(t.forEach, outer) === null ? reads : reads.slice(0, -1)));
    }
    const ctx = contextOf(targetId);
    if (t.condition !== undefined) allReads.push(...readPaths(t.condition, ctx));
    const nodeReads = new Map<string, ReadPath[]>();
    for (const node of plan.valueNodes) {
      const reads = readsOf(node, ctx);
      nodeReads.set(node.id, reads);
      allReads.push(...reads);
    }
    for (const node of plan.valueNodes) {
      const via = upstream(node.id, graph);
      const upstreamNodes = via
        .map((id) => graph.nodes.get(id))
        .filter((n): n is MappingNode => n !== undefined);
      const perTarget = nodeLineage.get(node.id) ?? new Map<string, NodeLineage>();
      perTarget.set(targetId, {
        via,
        sourcePaths: upstreamNodes.flatMap((n) => (n.type === 'source' ? [n.path] : [])),
        reads: via.flatMap((id) => nodeReads.get(id) ?? []),
      });
      nodeLineage.set(node.id, perTarget);
    }
    const elements = new Map<string, ElementLineage>();
    for (const fill of plan.fills) {
      if (fill.kind === 'reference') {
        elements.set(fill.element, {
          targetId,
          element: fill.element,
          nodeId: targetId,
          via: [],
          sourcePaths: [],
          reads: [],
          referenceTo: fill.to,
        });
        continue;
      }
      const via = upstream(fill.nodeId, graph);
      const nodes = via.map((id) => graph.nodes.get(id)).filter((n): n is MappingNode => n !== undefined);
      const lineage: ElementLineage = {
        targetId,
        element: fill.element,
        nodeId: fill.nodeId,
        edgeId: fill.edgeId,
        via,
        sourcePaths: nodes.flatMap((n) => (n.type === 'source' ? [n.path] : [])),
        reads: via.flatMap((id) => nodeReads.get(id) ?? []),
      };
      // several wires into one list element: keep the first as the element's lineage, the rest stay reachable via `via`
      const existing = elements.get(fill.element);
      if (existing) {
        existing.via.push(...via.filter((id) => !existing.via.includes(id)));
        existing.sourcePaths.push(...lineage.sourcePaths);
        existing.reads.push(...lineage.reads);
      } else elements.set(fill.element, lineage);
    }
    targets.set(targetId, elements);
  }
  return { targets, nodes: nodeLineage, reads: allReads };
}

function readsOf(node: MappingNode, ctx: string[] | null): ReadPath[] {
  if (node.type === 'source') return readPaths(node.path, ctx);
  if (node.type === 'transform') return readPaths(node.expression, ctx);
  return [];
}

function upstream(nodeId: string, graph: GraphAnalysis): string[] {
  const out: string[] = [];
  const queue = [nodeId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (out.includes(id)) continue;
    out.push(id);
    for (const e of graph.incoming.get(id) ?? []) queue.push(e.source);
  }
  return out;
}
