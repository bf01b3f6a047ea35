import type { Mapping, MappingNode } from '@mapwright/engine';

export interface Size {
  width: number;
  height: number;
}

const ROW = 22;
const HEAD = 48;
const VALUE = 18;

/**
 * The size a node is drawn at (editor.css gives each kind this width and rows this height), estimated
 * from what it shows: a target has one row per element it fills, a transform one per input. The layout
 * leaves room without measuring the DOM, and a node never grows past its estimate.
 */
export function nodeSize(node: MappingNode, mapping?: Pick<Mapping, 'edges'>): Size {
  switch (node.type) {
    case 'source':
      return { width: 240, height: HEAD + VALUE };
    case 'constant':
      return { width: 240, height: HEAD };
    case 'lookup':
      return { width: 240, height: HEAD + VALUE };
    case 'transform':
      // the expression line, one row per input, the "+ input" row, the value
      return { width: 260, height: HEAD + ROW * (node.inputs.length + 1) + VALUE };
    case 'target': {
      const elements = new Set(
        (mapping?.edges ?? []).filter((e) => e.target === node.id).map((e) => e.targetHandle),
      );
      // + one row for "+ element"
      return { width: 280, height: HEAD + ROW * (elements.size + node.references.length + 1) };
    }
  }
}

const GAP = 16;

/**
 * Where a new node can sit near `desired` without covering another: moved down past whatever it would
 * overlap. An inserted transform lands between its wire's ends, not on top of the target.
 */
export function freePosition(
  m: Pick<Mapping, 'nodes' | 'edges'>,
  node: MappingNode,
  desired: { x: number; y: number },
): { x: number; y: number } {
  const size = nodeSize(node, m);
  const boxes = m.nodes
    .filter((n) => n.id !== node.id && n.position)
    .map((n) => ({ ...n.position!, ...nodeSize(n, m) }));
  const at = { ...desired };
  for (let guard = 0; guard < boxes.length + 1; guard++) {
    const hit = boxes.find(
      (b) =>
        at.x < b.x + b.width + GAP &&
        b.x < at.x + size.width + GAP &&
        at.y < b.y + b.height + GAP &&
        b.y < at.y + size.height + GAP,
    );
    if (!hit) return at;
    at.y = hit.y + hit.height + GAP;
  }
  return at;
}
