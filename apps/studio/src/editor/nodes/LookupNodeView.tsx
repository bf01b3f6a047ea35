import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { LookupNode } from '@mapwright/engine';
import { useCanvasPreviewSelect } from '../preview-context';
import { lookupOutcome } from '../lookup-outcome';
import { NodeFrame } from './NodeFrame';

export type LookupFlowNode = Node<{ node: LookupNode }, 'lookup'>;

/** A code translated through a ConceptMap; hit or miss for the current sample is on the node. */
export function LookupNodeView({ data: { node }, selected }: NodeProps<LookupFlowNode>) {
  const outcome = useCanvasPreviewSelect((p) =>
    lookupOutcome(p.result, p.issuesByNode.get(node.id) ?? [], node.id),
  );
  return (
    <NodeFrame nodeId={node.id} kind="lookup" title={node.label ?? node.conceptMap} selected={selected}>
      <Handle type="target" position={Position.Left} id="code" />
      <div className="flow-node-detail">
        {node.conceptMap} · unmapped: {node.unmapped.policy}
        {outcome && <span className={`lookup-outcome lookup-${outcome}`}> · {outcome}</span>}
      </div>
      <Handle type="source" position={Position.Right} />
    </NodeFrame>
  );
}
