import type { Edge as FlowEdge, Node as FlowNode } from '@xyflow/react';

/** The previous flow node where its mapping node, selection and position are the same object/values. */
export function reuseUnchanged(previous: readonly FlowNode[], next: FlowNode[]): FlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((n) => {
    const old = byId.get(n.id);
    return old &&
      (old.data as { node?: unknown }).node === (n.data as { node?: unknown }).node &&
      old.selected === n.selected &&
      old.position.x === n.position.x &&
      old.position.y === n.position.y
      ? old
      : n;
  });
}

export function reuseUnchangedEdges(previous: readonly FlowEdge[], next: FlowEdge[]): FlowEdge[] {
  const byId = new Map(previous.map((e) => [e.id, e]));
  return next.map((e) => {
    const old = byId.get(e.id);
    return old &&
      old.source === e.source &&
      old.target === e.target &&
      old.sourceHandle === e.sourceHandle &&
      old.targetHandle === e.targetHandle &&
      old.selected === e.selected
      ? old
      : e;
  });
}
