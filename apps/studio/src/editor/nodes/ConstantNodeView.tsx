import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ConstantNode } from '@mapwright/engine';
import { formatValue } from '../format-value';
import { NodeFrame } from './NodeFrame';

export type ConstantFlowNode = Node<{ node: ConstantNode }, 'constant'>;

export function ConstantNodeView({ data: { node }, selected }: NodeProps<ConstantFlowNode>) {
  return (
    <NodeFrame
      nodeId={node.id}
      kind="constant"
      title={node.label ?? node.id}
      selected={selected}
      showValue={false}
    >
      <code className="flow-node-detail">{formatValue(node.value, 40)}</code>
      <Handle type="source" position={Position.Right} />
    </NodeFrame>
  );
}
