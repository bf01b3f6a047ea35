import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge as FlowEdge,
  type Node as FlowNode,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, type HTMLAttributes } from 'react';
import { toFlowEdges, toFlowNodes } from '../model';
import { nodeTypes } from '../editor/nodes/node-types';
import { EditorStoreContext } from '../editor/use-editor';
import { useLaidOutStore } from '../editor/use-laid-out-store';
import type { DiffStatus, MergedGraph } from './merge-graphs';

export interface DiffCanvasProps {
  merged: MergedGraph;
  selected: string | null;
  onSelect: (nodeId: string | null) => void;
  /** Comments per node id: those nodes carry a marker. */
  commentCounts?: Readonly<Record<string, number>>;
}

/** The newer graph with the older one's removed parts, coloured by what happened to them. Nothing is editable. */
export function DiffCanvas(props: DiffCanvasProps) {
  return (
    <ReactFlowProvider>
      <LoadedDiffCanvas {...props} />
    </ReactFlowProvider>
  );
}

// data-* attributes are not in React's HTMLAttributes type, but React renders them as given.
const dataAttributes = (attrs: Record<string, string>) => attrs as HTMLAttributes<HTMLDivElement>;

function LoadedDiffCanvas({ merged, selected, onSelect, commentCounts = {} }: DiffCanvasProps) {
  // Open on what changed, at a readable size: a whole 100-node graph fitted to the box is unreadable.
  const fitChanges = useMemo(() => {
    const changed = Object.entries(merged.nodeStatus)
      .filter(([, status]) => status !== 'unchanged')
      .map(([id]) => ({ id }));
    return changed.length > 0 ? { nodes: changed, maxZoom: 1, padding: 0.3 } : { padding: 0.1 };
  }, [merged.nodeStatus]);
  // The node views read the graph from an editor store (a target's rows are its incoming wires).
  const { store, mapping, laidOut } = useLaidOutStore(merged.mapping, fitChanges);
  const { fitView } = useReactFlow();

  const nodes: FlowNode[] = useMemo(
    () =>
      toFlowNodes(mapping, { selected: selected ? [selected] : [] }).map((node) => {
        const status: DiffStatus = merged.nodeStatus[node.id] ?? 'unchanged';
        const comments = commentCounts[node.id] ?? 0;
        return {
          ...node,
          className: `diff-${status}${comments > 0 ? ' has-comments' : ''}`,
          domAttributes: dataAttributes({
            'data-diff': status,
            ...(comments > 0
              ? {
                  'data-comments': String(comments),
                  title: `${comments} comment${comments === 1 ? '' : 's'}`,
                }
              : {}),
          }),
        };
      }),
    [commentCounts, mapping, merged.nodeStatus, selected],
  );
  const edges: FlowEdge[] = useMemo(
    () =>
      toFlowEdges(mapping).map((edge) => {
        const status: DiffStatus = merged.edgeStatus[edge.id] ?? 'unchanged';
        return {
          ...edge,
          className: `diff-edge-${status}`,
          domAttributes: { 'data-diff': status } as FlowEdge['domAttributes'],
        };
      }),
    [mapping, merged.edgeStatus],
  );

  // A change picked in the list or a comment's anchor: bring that node into view.
  useEffect(() => {
    if (!selected || !laidOut) return;
    void fitView({ nodes: [{ id: selected }], duration: 300, maxZoom: 1, padding: 0.4 });
  }, [fitView, laidOut, selected]);

  return (
    <EditorStoreContext.Provider value={store}>
      <div className="canvas diff-canvas" aria-label="Changes on the canvas" aria-busy={!laidOut}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          deleteKeyCode={null}
          onNodeClick={(_event, node) => onSelect(node.id)}
          onPaneClick={() => onSelect(null)}
          fitView
          fitViewOptions={fitChanges}
          minZoom={0.1}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} size={1} />
          <MiniMap
            pannable
            zoomable
            ariaLabel="Minimap"
            nodeClassName={(node) => `minimap-diff-${merged.nodeStatus[node.id] ?? 'unchanged'}`}
          />
          <Controls showInteractive={false} />
        </ReactFlow>
        <DiffLegend />
      </div>
    </EditorStoreContext.Provider>
  );
}

export function DiffLegend() {
  return (
    <ul className="diff-legend" aria-label="Legend">
      <li className="legend-added">added</li>
      <li className="legend-removed">removed</li>
      <li className="legend-changed">changed</li>
    </ul>
  );
}
