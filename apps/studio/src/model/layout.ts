import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { Mapping, MappingNode } from '@mapwright/engine';
import { moveNodes } from './edit-ops';

export interface Size {
  width: number;
  height: number;
}

const ROW = 24;
const HEAD = 56;

/**
 * The size a node is drawn at, estimated from what it shows (a target has one row per element it fills,
 * a transform one per input), so the layout leaves room without measuring the DOM.
 */
export function nodeSize(node: MappingNode, mapping?: Pick<Mapping, 'edges'>): Size {
  switch (node.type) {
    case 'source':
    case 'constant':
      return { width: 240, height: HEAD };
    case 'lookup':
      return { width: 240, height: HEAD + ROW };
    case 'transform':
      return { width: 260, height: HEAD + ROW * Math.max(1, node.inputs.length) };
    case 'target': {
      const elements = new Set(
        (mapping?.edges ?? []).filter((e) => e.target === node.id).map((e) => e.targetHandle),
      );
      // + one row for "+ element" and one for the resource line
      return { width: 280, height: HEAD + ROW * (elements.size + node.references.length + 2) };
    }
  }
}

/** Some node has no saved position: the mapping would open as a heap, so lay it out first. */
export const needsLayout = (mapping: Pick<Mapping, 'nodes'>): boolean =>
  mapping.nodes.some((n) => n.position === undefined);

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
