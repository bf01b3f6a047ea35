import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';
import type { Mapping, MappingNode } from '@mapwright/engine';
import type { NodePosition } from './graph-query';
import { moveNodes } from './edit-ops';

type NodeType = MappingNode['type'];
/** A React Flow node per mapping node type; `data` is the mapping node itself, plain JSON, no callbacks. */
export type MappingFlowNode = {
  [K in NodeType]: FlowNode<{ node: Extract<MappingNode, { type: K }> }, K>;
}[NodeType];

const COLUMN: Record<NodeType, number> = { source: 0, constant: 0, transform: 1, lookup: 1, target: 2 };
export const GRID = { column: 400, row: 100 };

/** Where a node without a saved position is drawn until it is laid out: its type's column, in file order. */
function gridPositions(mapping: Mapping): Map<string, NodePosition> {
  const rows = [0, 0, 0];
  const out = new Map<string, NodePosition>();
  for (const node of mapping.nodes) {
    const column = COLUMN[node.type];
    if (!node.position) out.set(node.id, { x: column * GRID.column, y: rows[column]! * GRID.row });
    rows[column]!++;
  }
  return out;
}

export function toFlowNodes(
  mapping: Mapping,
  options: { selected?: readonly string[] } = {},
): MappingFlowNode[] {
  const selected = new Set(options.selected ?? []);
  const grid = gridPositions(mapping);
  return mapping.nodes.map(
    (node) =>
      ({
        id: node.id,
        type: node.type,
        position: node.position ?? grid.get(node.id)!,
        data: { node },
        selected: selected.has(node.id),
      }) as MappingFlowNode,
  );
}

export function toFlowEdges(mapping: Mapping): FlowEdge[] {
  return mapping.edges.map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    ...(e.sourceHandle === undefined ? {} : { sourceHandle: e.sourceHandle }),
    ...(e.targetHandle === undefined ? {} : { targetHandle: e.targetHandle }),
  }));
}

/** Writes positions dragged on the canvas back into the mapping; the same mapping when nothing moved. */
export function fromFlowPositions(
  mapping: Mapping,
  nodes: ReadonlyArray<Pick<FlowNode, 'id' | 'position'>>,
): Mapping {
  return moveNodes(mapping, Object.fromEntries(nodes.map((n) => [n.id, n.position])));
}
