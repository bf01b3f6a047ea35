import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { TargetNode } from '@mapwright/engine';
import { useShallow } from 'zustand/react/shallow';
import { formatValue } from '../format-value';
import { useEditor } from '../use-editor';
import { useCanvasPreviewSelect } from '../preview-context';
import { NodeFrame } from './NodeFrame';

export type TargetFlowNode = Node<{ node: TargetNode }, 'target'>;

/**
 * A resource: one row (and handle) per element it fills, so wires land on named rows as in a
 * mapper's target tree. Clicking a row selects its wire, where a transform or lookup can be put in.
 */
export function TargetNodeView({ data: { node }, selected }: NodeProps<TargetFlowNode>) {
  const incoming = useEditor(useShallow((s) => s.mapping.edges.filter((e) => e.target === node.id)));
  const select = useEditor((s) => s.select);
  // One text per incoming wire: the node re-renders only when a shown value changes.
  const values = useCanvasPreviewSelect(
    useShallow((p) =>
      p.result ? incoming.map((e) => formatValue(p.result!.nodeValues[e.source], 28)) : null,
    ),
  );
  const elements = [...new Set(incoming.map((e) => e.targetHandle ?? ''))].sort();
  return (
    <NodeFrame
      nodeId={node.id}
      kind="target"
      title={node.label ?? node.resourceType}
      selected={selected}
      showValue={false}
    >
      <div className="flow-node-detail">
        <strong>{node.resourceType}</strong>
        {node.forEach && <span> · for each {node.forEach}</span>}
        {node.condition && <span> · when {node.condition}</span>}
        {node.identity && <span> · {node.identity.mode}</span>}
      </div>
      <ul className="flow-node-rows">
        {elements.map((element) => {
          const edge = incoming.find((e) => (e.targetHandle ?? '') === element)!;
          return (
            <li key={element} className="flow-node-row" data-element={element}>
              <Handle type="target" position={Position.Left} id={element} />
              <button
                type="button"
                className="row-button nodrag"
                // The node must not take the click: it would select itself instead of the wire.
                onMouseDown={(e) => e.stopPropagation()}
                onClick={(e) => {
                  e.stopPropagation();
                  select({ nodes: [], edges: [edge.id] });
                }}
                title="Select this wire"
              >
                {element}
              </button>
              {values && <span className="flow-node-row-value">{values[incoming.indexOf(edge)]}</span>}
            </li>
          );
        })}
        {node.references.map((ref) => (
          <li key={`ref-${ref.element}`} className="flow-node-row flow-node-ref">
            {ref.element} → {ref.target}
          </li>
        ))}
        <li
          className="flow-node-row flow-node-row-new"
          title="Drop a wire here, or on an element of the target tree"
        >
          <Handle type="target" position={Position.Left} id="__new__" />+ element
        </li>
      </ul>
    </NodeFrame>
  );
}
