import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Mapping, MappingNode } from '@mapwright/engine';
import { moveNodes } from './edit-ops';

export { nodeSize, type Size } from './node-size';
import { nodeSize } from './node-size';

/**
 * The mapping would open as a heap: some node has no saved position, or saved positions put nodes on
 * top of each other (hand-written files, graphs drawn with other node sizes). Lay it out first.
 */
export function needsLayout(mapping: Pick<Mapping, 'nodes' | 'edges'>): boolean {
  if (mapping.nodes.some((n) => n.position === undefined)) return true;
  const boxes = mapping.nodes.map((n) => ({ ...n.position!, ...nodeSize(n, mapping) }));
  return boxes.some((a, i) =>
    boxes.some(
      (b, j) =>
        j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
    ),
  );
}

/** Sources and constants feed everything: first layer; targets take everything: last layer. */
function layerOf(node: MappingNode): Record<string, string> {
  const key = 'elk.layered.layering.layerConstraint';
  if (node.type === 'source' || node.type === 'constant') return { [key]: 'FIRST' };
  return node.type === 'target' ? { [key]: 'LAST' } : {};
}

/** What autoLayout needs of ELK: the bundled one by default, a worker-backed one in the browser. */
export type LayoutEngine = Pick<InstanceType<typeof ELK>, 'layout'>;
let shared: LayoutEngine | undefined;

/**
 * Left-to-right layered layout in the mapper's order: sources (and constants) in the first layer,
 * targets in the last, transforms and lookups between. Components are not packed apart, so the columns
 * hold across the whole mapping.
 */
export async function autoLayout(mapping: Mapping, options: { elk?: LayoutEngine } = {}): Promise<Mapping> {
  // In the browser, pass an ELK backed by a web worker so a large layout does not freeze the page.
  const elk = options.elk ?? (shared ??= new ELK());
  const ids = new Set(mapping.nodes.map((n) => n.id));
  const graph: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.separateConnectedComponents': 'false',
      'elk.spacing.nodeNode': '24',
      'elk.layered.spacing.nodeNodeBetweenLayers': '120',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: mapping.nodes.map((node) => ({
      id: node.id,
      ...nodeSize(node, mapping),
      layoutOptions: layerOf(node),
    })),
    edges: mapping.edges
      // A half-edited mapping may hold a wire to a missing node; ELK would reject the whole graph for it.
      .filter((e) => e.source !== e.target && ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
  const laid = await elk.layout(graph);
  const positions = Object.fromEntries(
    (laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]),
  );
  return moveNodes(mapping, positions);
}
