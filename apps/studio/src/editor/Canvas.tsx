import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type Edge as FlowEdge,
  type EdgeChange,
  type FinalConnectionState,
  type Node as FlowNode,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState, type DragEvent } from 'react';
import { toFlowEdges, toFlowNodes } from '../model';
import { readSourceDrag } from './drag-data';
import { reuseUnchanged, reuseUnchangedEdges } from './flow-reuse';
import { formatValue } from './format-value';
import { nodeTypes } from './nodes/node-types';
import { useCanvasPreview } from './preview-context';
import { useEditor, useEditorStore } from './use-editor';

/**
 * The graph between the source and target trees. React Flow renders from the store; positions while
 * dragging live here and go to the store (one undo step) when the drag ends.
 */
export function Canvas({
  readOnly,
  busy,
  onChooseElement,
}: {
  readOnly: boolean;
  /** Laying out: positions are about to change. */
  busy: boolean;
  /** A wire was dropped on a target's "+ element" row: the target tree asks which element it fills. */
  onChooseElement: (pending: { source: string; sourceHandle: string | null; target: string }) => void;
}) {
  const store = useEditorStore();
  const mapping = useEditor((s) => s.mapping);
  const selection = useEditor((s) => s.selection);
  const { result, issuesByNode } = useCanvasPreview();
  const { screenToFlowPosition } = useReactFlow();
  const [hoveredEdge, setHoveredEdge] = useState<string | null>(null);
  // Zoomed far out, text is unreadable and painting it is what makes panning a big graph stutter.
  const far = useFlowStore((s) => s.transform[2] < 0.45);

  const [nodes, setNodes] = useState<FlowNode[]>(() => toFlowNodes(mapping, { selected: selection.nodes }));
  const [edges, setEdges] = useState<FlowEdge[]>(() => toFlowEdges(mapping));
  // Unchanged mapping nodes keep their React Flow objects (and measured sizes): an edit re-renders and
  // re-measures only the nodes it touched, not all of a 300-node canvas.
  useEffect(
    () =>
      setNodes((previous) => reuseUnchanged(previous, toFlowNodes(mapping, { selected: selection.nodes }))),
    [mapping, selection.nodes],
  );
  useEffect(() => {
    const selectedEdges = new Set(selection.edges);
    setEdges((previous) =>
      reuseUnchangedEdges(
        previous,
        toFlowEdges(mapping).map((e) => ({ ...e, selected: selectedEdges.has(e.id) })),
      ),
    );
  }, [mapping, selection.edges]);

  const shownEdges = useMemo(
    () =>
      edges.map((edge) => {
        const broken = issuesByNode.has(edge.source) || issuesByNode.has(edge.target);
        const labelled = result !== null && (edge.id === hoveredEdge || edge.selected === true);
        if (!broken && !labelled) return edge;
        return {
          ...edge,
          ...(labelled ? { label: formatValue(result.nodeValues[edge.source], 40) } : {}),
          ...(broken ? { className: 'edge-has-issue' } : {}),
        };
      }),
    [edges, hoveredEdge, issuesByNode, result],
  );
  const onNodesChange = useCallback(
    (changes: NodeChange[]) =>
      setNodes((ns) =>
        applyNodeChanges(
          changes.filter((c) => c.type !== 'remove'),
          ns,
        ),
      ),
    [],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) =>
      setEdges((es) =>
        applyEdgeChanges(
          changes.filter((c) => c.type !== 'remove'),
          es,
        ),
      ),
    [],
  );
  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) => {
      const current = store.getState().selection;
      const next = { nodes: n.map((x) => x.id), edges: e.map((x) => x.id) };
      if (sameIds(current.nodes, next.nodes) && sameIds(current.edges, next.edges)) return;
      store.getState().select(next);
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (readOnly) return;
      const target = store.getState().mapping.nodes.find((n) => n.id === c.target);
      if (target?.type === 'target' && c.targetHandle === '__new__') {
        onChooseElement({ source: c.source, sourceHandle: c.sourceHandle ?? null, target: c.target });
        return;
      }
      let handle = c.targetHandle ?? undefined;
      if (target?.type === 'transform' && (handle === '__new__' || !handle))
        handle = nextInputName(target.inputs);
      store.getState().connect({
        source: c.source,
        ...(c.sourceHandle ? { sourceHandle: c.sourceHandle } : {}),
        target: c.target,
        targetHandle: handle ?? '',
      });
    },
    [onChooseElement, readOnly, store],
  );

  /** A wire dropped outside the canvas, on a row of the target tree, fills that element. */
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (readOnly || state.isValid || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0]! : event;
      const row = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('[data-target-element]');
      if (!row) return;
      const element = row.dataset.targetElement!;
      const resourceType = row.dataset.resourceType!;
      const targetNodeId = row.dataset.targetNodeId;
      // The resource the target tree shows, not the first one of its type: two Observations stay apart.
      const target = targetNodeId ?? store.getState().addTargetNode({ resourceType });
      if (!target) return;
      store.getState().connectToElement({
        source: state.fromNode.id,
        ...(state.fromHandle?.id ? { sourceHandle: state.fromHandle.id } : {}),
        resourceType,
        element,
        targetNodeId: target,
      });
    },
    [readOnly, store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      event.preventDefault();
      if (readOnly) return;
      const field = readSourceDrag(event.dataTransfer);
      if (!field) return;
      const row = (event.target as HTMLElement).closest<HTMLElement>('[data-element]');
      const targetNode = (event.target as HTMLElement).closest<HTMLElement>('[data-node-id]')?.dataset.nodeId;
      const target = store.getState().mapping.nodes.find((n) => n.id === targetNode);
      if (row && target?.type === 'target') {
        store.getState().mapSourceToElement({
          path: field.path,
          label: field.label,
          resourceType: target.resourceType,
          element: row.dataset.element!,
          targetNodeId: target.id,
        });
        return;
      }
      store.getState().addSourceNode({
        path: field.path,
        label: field.label,
        position: screenToFlowPosition({ x: event.clientX, y: event.clientY }),
      });
    },
    [readOnly, screenToFlowPosition, store],
  );

  return (
    <div
      className={`canvas${far ? ' is-far' : ''}`}
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label="Mapping canvas"
      aria-busy={busy}
    >
      <ReactFlow
        nodes={nodes}
        edges={shownEdges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onSelectionChange={onSelectionChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        onNodeDragStop={(_e, _n, dragged) =>
          store.getState().moveNodes(Object.fromEntries(dragged.map((n) => [n.id, n.position])))
        }
        onEdgeMouseEnter={(_e, edge) => setHoveredEdge(edge.id)}
        onEdgeMouseLeave={() => setHoveredEdge(null)}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionKeyCode="Shift"
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} size={1} />
        <MiniMap pannable zoomable ariaLabel="Minimap" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function nextInputName(inputs: readonly string[]): string {
  if (!inputs.includes('in')) return 'in';
  let n = 2;
  while (inputs.includes(`in${n}`)) n++;
  return `in${n}`;
}
