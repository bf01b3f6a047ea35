import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { SourceNode } from '@mapwright/engine';
import { NodeFrame } from './NodeFrame';

export type SourceFlowNode = Node<{ node: SourceNode }, 'source'>;

export function SourceNodeView({ data: { node }, selected }: NodeProps<SourceFlowNode>) {
  return (
    <NodeFrame nodeId={node.id} kind="source" title={node.label ?? node.path} selected={selected}>
      <code className="flow-node-detail">{node.path}</code>
      <Handle type="source" position={Position.Right} />
    </NodeFrame>
  );
}
