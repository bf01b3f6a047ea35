import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { TransformNode } from '@mapwright/engine';
import { NodeFrame } from './NodeFrame';

export type TransformFlowNode = Node<{ node: TransformNode }, 'transform'>;

/** One handle per named input on the left (each read as `$name`), the result on the right. */
export function TransformNodeView({ data: { node }, selected }: NodeProps<TransformFlowNode>) {
  return (
    <NodeFrame nodeId={node.id} kind="transform" title={node.label ?? node.id} selected={selected}>
      <code className="flow-node-expression">{node.expression}</code>
      <ul className="flow-node-rows">
        {node.inputs.map((input) => (
          <li key={input} className="flow-node-row">
            <Handle type="target" position={Position.Left} id={input} />${input}
          </li>
        ))}
        <li className="flow-node-row flow-node-row-new" title="Drop a wire here to add an input">
          <Handle type="target" position={Position.Left} id="__new__" />+ input
        </li>
      </ul>
      <Handle type="source" position={Position.Right} />
    </NodeFrame>
  );
}
