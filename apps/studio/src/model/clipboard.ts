import { z } from 'zod';
import { Edge, MappingNode, type Mapping } from '@mapwright/engine';
import { withoutUndefined, type NodePosition } from './graph-query';
import { nextEdgeId, nextNodeId } from './node-ids';

/** Copied nodes and the wires between them; a schema so a paste from the system clipboard can be checked. */
export const Clipboard = z.object({ nodes: z.array(MappingNode), edges: z.array(Edge) });
export type Clipboard = z.infer<typeof Clipboard>;

/** The nodes with the wires among them (a wire to a node left behind has nothing to attach to on paste). */
export function copyNodes(m: Mapping, ids: readonly string[]): Clipboard {
  const chosen = new Set(ids);
  return {
    nodes: m.nodes.filter((n) => chosen.has(n.id)),
    edges: m.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
  };
}

/**
 * The id a copy is named after: without the counter an earlier copy got (`pid7_2` -> `pid7`,
 * `humanName2` -> `humanName`), so copies count on instead of stacking suffixes. Only when the shorter
 * id names a node: `pid5` or `pv1_36` are names in their own right.
 */
function copyPrefix(id: string, known: ReadonlySet<string>): string {
  const base = /_\d+$/.test(id) ? id.replace(/_\d+$/, '') : id.replace(/(\D)\d+$/, '$1');
  return base !== id && known.has(base) ? base : id;
}

/**
 * Adds the clipboard's nodes under fresh ids, shifted by `offset`, with their wires remapped. Parent links
 * and references follow copied nodes; those to nodes not copied stay when that node exists here.
 */
export function pasteNodes(
  m: Mapping,
  clipboard: Clipboard,
  offset: NodePosition = { x: 40, y: 40 },
): { mapping: Mapping; nodeIds: string[] } {
  const ids = new Map<string, string>();
  let working: Mapping = m;
  const known = new Set([...m.nodes, ...clipboard.nodes].map((n) => n.id));
  for (const node of clipboard.nodes) {
    const id = nextNodeId(working, copyPrefix(node.id, known), { type: node.type });
    ids.set(node.id, id);
    // Placeholder so the next id sees this one as taken; replaced below once every id is known.
    working = { ...working, nodes: [...working.nodes, { ...node, id }] };
  }
  const existing = new Set(m.nodes.map((n) => n.id));
  const keep = (id: string) => ids.get(id) ?? (existing.has(id) ? id : undefined);
  const pasted = clipboard.nodes.map((node): MappingNode => {
    const moved = {
      ...node,
      id: ids.get(node.id)!,
      ...(node.position
        ? { position: { x: node.position.x + offset.x, y: node.position.y + offset.y } }
        : {}),
    };
    if (moved.type !== 'target') return moved;
    return withoutUndefined({
      ...moved,
      parent: moved.parent === undefined ? undefined : keep(moved.parent),
      references: moved.references.flatMap((r) => {
        const target = keep(r.target);
        return target === undefined ? [] : [{ ...r, target }];
      }),
    });
  });
  const edges: Edge[] = [];
  for (const e of clipboard.edges) {
    const source = ids.get(e.source);
    const target = ids.get(e.target);
    if (source === undefined || target === undefined) continue;
    edges.push({
      ...e,
      id: nextEdgeId({ edges: [...m.edges, ...edges] }, source, target, e.targetHandle),
      source,
      target,
    });
  }
  return {
    mapping: { ...m, nodes: [...m.nodes, ...pasted], edges: [...m.edges, ...edges] },
    nodeIds: clipboard.nodes.map((n) => ids.get(n.id)!),
  };
}
