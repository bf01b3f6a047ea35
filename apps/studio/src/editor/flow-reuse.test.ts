import type { Node as FlowNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { reuseUnchanged, reuseUnchangedEdges } from './flow-reuse';

const mappingNode = { id: 'a', type: 'source', path: 'PID.F5' };
const flow = (node: object, over: Partial<FlowNode> = {}): FlowNode => ({
  id: 'a',
  type: 'source',
  position: { x: 0, y: 0 },
  data: { node },
  selected: false,
  ...over,
});

describe('reusing React Flow objects across edits', () => {
  it('keeps the measured object of a node whose mapping node did not change', () => {
    const measured = { ...flow(mappingNode), measured: { width: 240, height: 62 } };
    const [kept] = reuseUnchanged([measured], [flow(mappingNode)]);
    expect(kept).toBe(measured);
  });
  it('takes the new object when the node, its selection or its position changed', () => {
    const old = flow(mappingNode);
    expect(reuseUnchanged([old], [flow({ ...mappingNode, path: 'PID.F7' })])[0]).not.toBe(old);
    expect(reuseUnchanged([old], [flow(mappingNode, { selected: true })])[0]).not.toBe(old);
    expect(reuseUnchanged([old], [flow(mappingNode, { position: { x: 1, y: 0 } })])[0]).not.toBe(old);
  });
  it('keeps an edge whose ends, handles and selection are the same', () => {
    const edge = { id: 'e', source: 'a', target: 'b', targetHandle: 'gender', selected: false };
    expect(reuseUnchangedEdges([edge], [{ ...edge }])[0]).toBe(edge);
    expect(reuseUnchangedEdges([edge], [{ ...edge, targetHandle: 'name' }])[0]).not.toBe(edge);
  });
});
