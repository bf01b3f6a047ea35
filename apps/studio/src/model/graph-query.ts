import type { z } from 'zod';
import type { Edge, Mapping, MappingNode, Position } from '@mapwright/engine';

/** A node's place on the canvas (the engine's Position schema). */
export type NodePosition = z.infer<typeof Position>;

/** The engine's element path rule (compiler/element-path.ts): FHIR element names joined by dots, no indices. */
export const ELEMENT_PATH = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$/;
/** The engine's transform input rule (TransformNode.inputs): each input is read as `$name`. */
export const INPUT_NAME = /^[a-z][A-Za-z0-9_]*$/;

export const findNode = (m: Pick<Mapping, 'nodes'>, id: string): MappingNode | undefined =>
  m.nodes.find((n) => n.id === id);

export const findEdge = (m: Pick<Mapping, 'edges'>, id: string): Edge | undefined =>
  m.edges.find((e) => e.id === id);

/** Whether `to` can be reached from `from` along edges: adding `to -> from` would then close a cycle. */
export function reaches(m: Pick<Mapping, 'edges'>, from: string, to: string): boolean {
  const out = new Map<string, string[]>();
  for (const e of m.edges) out.set(e.source, [...(out.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(out.get(id) ?? []));
  }
  return false;
}

/** `in`, then `in2`, `in3`: the name a new transform input gets when the wire does not say. */
export function nextInputName(inputs: readonly string[]): string {
  if (!inputs.includes('in')) return 'in';
  let n = 2;
  while (inputs.includes(`in${n}`)) n++;
  return `in${n}`;
}

/** Drops keys whose value is undefined, so a patch `{ forEach: undefined }` removes the field. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Where to put a node the editor creates without a drop point: below the others of its column. */
export function columnPosition(m: Pick<Mapping, 'nodes'>, column: 'source' | 'target'): NodePosition {
  const placed = m.nodes.filter((n) => n.position !== undefined);
  const xs = placed.map((n) => n.position!.x);
  const mates = placed.filter((n) =>
    column === 'target' ? n.type === 'target' : n.type === 'source' || n.type === 'constant',
  );
  const gap = column === 'target' ? 240 : 90;
  const y = mates.length > 0 ? Math.max(...mates.map((n) => n.position!.y)) + gap : 0;
  if (mates.length > 0) {
    const mateXs = mates.map((n) => n.position!.x);
    return { x: column === 'target' ? Math.max(...mateXs) : Math.min(...mateXs), y };
  }
  if (column === 'source') return { x: xs.length > 0 ? Math.min(...xs) - 400 : 0, y };
  return { x: xs.length > 0 ? Math.max(...xs) + 440 : 800, y };
}

/** Halfway along a wire, for a node put into it. */
export function midpoint(m: Pick<Mapping, 'nodes'>, edge: Edge): NodePosition | undefined {
  const a = findNode(m, edge.source)?.position;
  const b = findNode(m, edge.target)?.position;
  if (!a || !b) return a ?? b;
  return { x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2) };
}
