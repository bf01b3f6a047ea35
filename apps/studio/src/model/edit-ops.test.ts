import { needsLayout } from './layout';
import { describe, expect, test } from 'vitest';
import {
  insertLookupOnEdge,
  insertTransformOnEdge,
  moveNodes,
  removeEdges,
  removeNodes,
  updateNode,
} from './edit-ops';
import { done, example, expectCompiles, expectNoDangling, expectParses, small } from './fixtures.test-helper';

describe('updateNode', () => {
  test('changes fields and keeps the node type', () => {
    const m = small();
    const r = done(updateNode(m, 'pid5', { label: 'PID-5 Name', path: 'PID.F5[0]' }));
    expect(r.mapping.nodes[0]).toEqual({
      id: 'pid5',
      type: 'source',
      label: 'PID-5 Name',
      position: { x: 0, y: 0 },
      path: 'PID.F5[0]',
    });
    expect(m.nodes[0]).not.toHaveProperty('label');
    // a patch carrying another type cannot turn a source into something else
    const typed = done(updateNode(m, 'pid5', { type: 'constant' } as never));
    expect(typed.mapping.nodes[0]?.type).toBe('source');
  });

  test('an undefined value removes an optional field', () => {
    const m = done(updateNode(small(), 'patient', { forEach: 'PID', condition: 'PID' })).mapping;
    const r = done(updateNode(m, 'patient', { forEach: undefined }));
    expect(r.mapping.nodes.find((n) => n.id === 'patient')).not.toHaveProperty('forEach');
    expect(r.mapping.nodes.find((n) => n.id === 'patient')).toHaveProperty('condition', 'PID');
  });

  test('renaming a transform input moves its wire to the new name', () => {
    const r = done(
      updateNode(small(), 'humanName', { inputs: ['names'], expression: '$toHumanName($names)' }),
    );
    expect(r.mapping.edges.find((e) => e.id === 'e1')).toMatchObject({ targetHandle: 'names' });
    expectCompiles(r.mapping);
  });

  test('removing a transform input removes its wire', () => {
    const withTwo = done(updateNode(small(), 'humanName', { inputs: ['xpn', 'alias'] })).mapping;
    const r = done(updateNode(withTwo, 'humanName', { inputs: [] }));
    expect(r.mapping.edges.some((e) => e.target === 'humanName')).toBe(false);
  });

  test('renaming a node renames every wire, parent link and reference to it', () => {
    const oru = example('oru-lab');
    const r = done(updateNode(oru, 'report', { id: 'diagnosticReport' }));
    expect(r.mapping.edges.some((e) => e.source === 'report' || e.target === 'report')).toBe(false);
    expect(r.mapping.nodes.find((n) => n.id === 'observation')).toMatchObject({ parent: 'diagnosticReport' });
    // the OBR-2 source read the report's item by name
    expect(r.mapping.nodes.find((n) => n.id === 'obr2')).toMatchObject({
      path: '$diagnosticReport_item.OBR.F2',
    });
    expectNoDangling(r.mapping);
    expectCompiles(r.mapping);
  });

  test('refuses a taken name, an invalid value and an unknown node', () => {
    const taken = updateNode(small(), 'pid5', { id: 'pid8' });
    expect(taken.ok || taken.error.code).toBe('duplicate-node-id');
    const empty = updateNode(small(), 'humanName', { expression: '' });
    expect(empty.ok || empty.error).toMatchObject({ code: 'invalid-node', at: { nodeId: 'humanName' } });
    const unknown = updateNode(small(), 'nope', { label: 'x' });
    expect(unknown.ok || unknown.error.code).toBe('unknown-node');
  });

  test('refuses a parent that would make targets their own ancestors', () => {
    const oru = example('oru-lab');
    const r = updateNode(oru, 'patient', { parent: 'observation' });
    expect(r.ok || r.error.code).toBe('not-a-target');
  });
});

describe('moveNodes', () => {
  test('moves the named nodes to whole pixels and returns the same mapping when nothing moved', () => {
    const m = small();
    const moved = moveNodes(m, { pid5: { x: 10.4, y: 20.6 }, unknown: { x: 1, y: 1 } });
    expect(moved.nodes[0]?.position).toEqual({ x: 10, y: 21 });
    expect(moved.nodes[1]).toBe(m.nodes[1]);
    expect(moveNodes(m, { pid5: { x: 0, y: 0 } })).toBe(m);
  });
});

describe('removeNodes / removeEdges', () => {
  test('removing a node removes its wires', () => {
    const r = removeNodes(small(), ['humanName']);
    expect(r.edges.map((e) => e.id)).toEqual(['e3', 'e4']);
    expectNoDangling(r);
    expectCompiles(r);
  });

  test('removing a target clears parent links and references to it (ORU example)', () => {
    const oru = example('oru-lab');
    const r = removeNodes(oru, ['report', 'specimen']);
    expectNoDangling(r);
    expect(r.nodes.find((n) => n.id === 'observation')).not.toHaveProperty('parent');
    expectParses(r);
  });

  test('removing every node of the ADT example leaves nothing dangling', () => {
    const m = example('adt-patient');
    const half = m.nodes.filter((_, i) => i % 2 === 0).map((n) => n.id);
    const r = removeNodes(m, half);
    expect(r.nodes).toHaveLength(m.nodes.length - half.length);
    expectNoDangling(r);
    expectParses(r);
    expect(
      removeNodes(
        m,
        m.nodes.map((n) => n.id),
      ),
    ).toMatchObject({ nodes: [], edges: [] });
  });

  test('removeEdges removes only the named wires', () => {
    const m = small();
    expect(removeEdges(m, ['e2', 'e4']).edges.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(removeEdges(m, ['nope'])).toBe(m);
  });
});

describe('putting a node into a wire', () => {
  //  pid8 ──► gender ──► patient   becomes   pid8 ──► gender ──► transform ──► patient
  test('insertTransformOnEdge makes source -> transform -> target that passes the value on', () => {
    const r = done(insertTransformOnEdge(small(), 'e4'));
    expect(r.nodeId).toBe('transform');
    expect(r.mapping.nodes.find((n) => n.id === 'transform')).toMatchObject({
      inputs: ['in'],
      expression: '$in',
    });
    // Put between its wire's ends, but clear of the target it would otherwise cover.
    expect(needsLayout(r.mapping)).toBe(false);
    const edges = r.mapping.edges.filter((e) => e.source === 'transform' || e.target === 'transform');
    expect(edges).toEqual([
      { id: 'e-gender-transform-in', source: 'gender', target: 'transform', targetHandle: 'in' },
      { id: 'e-transform-patient-gender', source: 'transform', target: 'patient', targetHandle: 'gender' },
    ]);
    expect(r.mapping.edges.some((e) => e.id === 'e4')).toBe(false);
    expectCompiles(r.mapping);
  });

  test('insertLookupOnEdge makes source -> lookup(code) -> target', () => {
    const m = example('adt-patient');
    const edge = m.edges.find((e) => e.source === 'pid8')!;
    const intoTarget = m.edges.find((e) => e.target === 'patient')!;
    const r = done(insertLookupOnEdge(m, intoTarget.id, 'v2-0001'));
    expect(r.mapping.edges.find((e) => e.target === r.nodeId)).toMatchObject({ targetHandle: 'code' });
    expect(r.mapping.edges.find((e) => e.source === r.nodeId)).toMatchObject({
      target: 'patient',
      targetHandle: intoTarget.targetHandle,
    });
    expectParses(r.mapping);
    expect(edge).toBeDefined();
    const t = done(insertTransformOnEdge(m, edge.id, '$uppercase($in)'));
    expectCompiles(t.mapping);
  });

  test('an unknown wire is refused', () => {
    const r = insertTransformOnEdge(small(), 'nope');
    expect(r.ok || r.error).toMatchObject({ code: 'unknown-edge', at: { edgeId: 'nope' } });
  });
});
