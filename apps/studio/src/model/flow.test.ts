import { describe, expect, test } from 'vitest';
import { Mapping } from '@mapwright/engine';
import { GRID, fromFlowPositions, toFlowEdges, toFlowNodes } from './flow';
import { example, small } from './fixtures.test-helper';

describe('React Flow nodes and edges', () => {
  test('one flow node per mapping node: type, data, position, selection', () => {
    const m = small();
    const nodes = toFlowNodes(m, { selected: ['pid8'] });
    expect(nodes).toHaveLength(m.nodes.length);
    expect(nodes[0]).toEqual({
      id: 'pid5',
      type: 'source',
      position: { x: 0, y: 0 },
      data: { node: m.nodes[0] },
      selected: false,
    });
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['pid8']);
    // data is the mapping node itself: plain JSON, nothing that cannot be saved or diffed
    expect(JSON.parse(JSON.stringify(nodes[3]!.data))).toEqual({ node: m.nodes[3] });
  });

  test('nodes without a position sit on a grid by kind: sources left, transforms middle, targets right', () => {
    const m = Mapping.parse({
      id: 'bare',
      name: 'Bare',
      source: { format: 'hl7v2' },
      nodes: [
        { id: 'a', type: 'source', path: 'PID.F5' },
        { id: 'b', type: 'source', path: 'PID.F7' },
        { id: 't', type: 'transform', expression: '1' },
        { id: 'p', type: 'target', resourceType: 'Patient' },
      ],
      edges: [],
    });
    expect(toFlowNodes(m).map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: GRID.row },
      { x: GRID.column, y: 0 },
      { x: 2 * GRID.column, y: 0 },
    ]);
  });

  test('edges keep their ids and handles', () => {
    const m = example('adt-patient');
    const edges = toFlowEdges(m);
    expect(edges).toHaveLength(m.edges.length);
    expect(edges.find((e) => e.id === 'e-pid8-gender-code')).toEqual({
      id: 'e-pid8-gender-code',
      source: 'pid8',
      target: 'gender',
      targetHandle: 'code',
    });
  });

  test('dragged positions go back into the mapping; an unmoved canvas changes nothing', () => {
    const m = small();
    const flow = toFlowNodes(m);
    expect(fromFlowPositions(m, flow)).toBe(m);
    const dragged = flow.map((n) => (n.id === 'patient' ? { ...n, position: { x: 900, y: 30 } } : n));
    const moved = fromFlowPositions(m, dragged);
    expect(moved.nodes.find((n) => n.id === 'patient')?.position).toEqual({ x: 900, y: 30 });
    expect(m.nodes.find((n) => n.id === 'patient')?.position).toEqual({ x: 800, y: 0 });
  });
});
