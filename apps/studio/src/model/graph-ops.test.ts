import { describe, expect, test } from 'vitest';
import {
  addConstant,
  addLookup,
  addSourceNode,
  addTargetNode,
  addTransform,
  connect,
  connectToElement,
  mapSourceToElement,
} from './graph-ops';
import { done, example, expectCompiles, expectParses, small } from './fixtures.test-helper';

const at = { x: 10, y: 400 };

describe('adding nodes', () => {
  test('addSourceNode names the node after the field and keeps the input untouched', () => {
    const m = small();
    const before = structuredClone(m);
    const r = done(addSourceNode(m, { path: 'PID.F11', label: 'PID-11 Address', position: at }));
    expect(r.nodeId).toBe('pid11');
    expect(r.mapping.nodes.at(-1)).toEqual({
      id: 'pid11',
      type: 'source',
      label: 'PID-11 Address',
      position: at,
      path: 'PID.F11',
    });
    expect(m).toEqual(before);
    expectCompiles(r.mapping);
  });

  test('addSourceNode reuses the node that already reads the path', () => {
    const m = small();
    const r = done(addSourceNode(m, { path: 'PID.F5', position: at }));
    expect(r.nodeId).toBe('pid5');
    expect(r.mapping).toBe(m);
  });

  test('an empty path is refused, not saved', () => {
    const r = addSourceNode(small(), { path: '', position: at });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('invalid-node');
  });

  test('addTargetNode, addTransform, addLookup and addConstant give schema-valid nodes with defaults', () => {
    let m = small();
    const target = done(addTargetNode(m, { resourceType: 'Encounter', position: at }));
    m = target.mapping;
    const transform = done(addTransform(m, { expression: '$a & $b', inputs: ['a', 'b'], position: at }));
    m = transform.mapping;
    const lookup = done(addLookup(m, { conceptMap: 'v2-0004', position: at }));
    m = lookup.mapping;
    const constant = done(addConstant(m, { value: { system: 'x' }, position: at }));
    m = constant.mapping;
    expect([target.nodeId, transform.nodeId, lookup.nodeId, constant.nodeId]).toEqual([
      'encounter',
      'transform',
      'lookup',
      'constant',
    ]);
    expect(m.nodes.find((n) => n.id === 'lookup')).toMatchObject({
      unmapped: { policy: 'error' },
      output: 'code',
    });
    expect(m.nodes.find((n) => n.id === 'encounter')).toMatchObject({ references: [] });
    expectParses(m);
    expect(done(addTransform(m, { expression: '1', position: at })).nodeId).toBe('transform2');
  });

  test('bad resource types and input names are refused with a code', () => {
    const bad = addTargetNode(small(), { resourceType: 'patient', position: at });
    expect(bad.ok || bad.error.code).toBe('invalid-node');
    const input = addTransform(small(), { expression: '$X', inputs: ['X'], position: at });
    expect(input.ok || input.error.code).toBe('bad-input-name');
    const twice = addTransform(small(), { expression: '$a', inputs: ['a', 'a'], position: at });
    expect(twice.ok || twice.error.code).toBe('bad-input-name');
  });
});

describe('connect', () => {
  test('into a transform, a new handle becomes an input', () => {
    const r = done(connect(small(), { source: 'pid7', target: 'humanName', targetHandle: 'dob' }));
    const node = r.mapping.nodes.find((n) => n.id === 'humanName');
    expect(node).toMatchObject({ inputs: ['xpn', 'dob'] });
    expect(r.mapping.edges.at(-1)).toEqual({
      id: 'e-pid7-humanName-dob',
      source: 'pid7',
      target: 'humanName',
      targetHandle: 'dob',
    });
    expectCompiles(r.mapping);
  });

  test('into a transform without a handle, the input is named in, in2…', () => {
    const r = done(connect(small(), { source: 'pid7', target: 'humanName' }));
    expect(r.mapping.nodes.find((n) => n.id === 'humanName')).toMatchObject({ inputs: ['xpn', 'in'] });
  });

  test('a transform input takes one wire: the new one replaces the old', () => {
    const r = done(connect(small(), { source: 'pid7', target: 'humanName', targetHandle: 'xpn' }));
    expect(r.mapping.edges.filter((e) => e.target === 'humanName')).toEqual([
      expect.objectContaining({ source: 'pid7', targetHandle: 'xpn' }),
    ]);
    expectCompiles(r.mapping);
  });

  test('into a lookup, the handle is always code and the old input goes', () => {
    const r = done(connect(small(), { source: 'pid7', target: 'gender', targetHandle: 'whatever' }));
    expect(r.mapping.edges.filter((e) => e.target === 'gender')).toEqual([
      expect.objectContaining({ source: 'pid7', targetHandle: 'code' }),
    ]);
    expectCompiles(r.mapping);
  });

  test('into a target, the handle is an element path', () => {
    const r = done(connect(small(), { source: 'pid7', target: 'patient', targetHandle: 'birthDate' }));
    expect(r.edgeId).toBe('e-pid7-patient-birthDate');
    expectCompiles(r.mapping);
    const bad = connect(small(), { source: 'pid7', target: 'patient', targetHandle: 'name[0].family' });
    expect(bad.ok || bad.error).toMatchObject({ code: 'bad-element-path', at: { nodeId: 'patient' } });
  });

  //  pid5 ──► humanName ──► patient      humanName ──► pid5 ?  (into a source)
  test.each([
    [{ source: 'pid5', target: 'pid5' }, 'self-loop'],
    [{ source: 'humanName', target: 'pid5' }, 'edge-into-input'],
    [{ source: 'pid5', target: 'missing', targetHandle: 'a' }, 'unknown-node'],
    [{ source: 'patient', target: 'humanName', targetHandle: 'p' }, 'edge-from-target'],
    [{ source: 'pid5', target: 'humanName', targetHandle: 'xpn' }, 'duplicate-edge'],
    [{ source: 'pid5', target: 'humanName', targetHandle: 'Bad' }, 'bad-input-name'],
  ] as const)('refuses %o with %s and leaves the mapping as it was', (input, code) => {
    const m = small();
    const before = structuredClone(m);
    const r = connect(m, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe(code);
      expect(r.error.message).not.toBe('');
    }
    expect(m).toEqual(before);
  });

  //  pid5 ──► humanName ──► t2 ──► humanName ?  closes a loop
  test('refuses a wire that closes a cycle through transforms', () => {
    const withT2 = done(addTransform(small(), { expression: '$in', inputs: [], position: at }));
    const wired = done(
      connect(withT2.mapping, { source: 'humanName', target: withT2.nodeId, targetHandle: 'in' }),
    );
    const r = connect(wired.mapping, { source: withT2.nodeId, target: 'humanName', targetHandle: 'more' });
    expect(r.ok || r.error).toMatchObject({ code: 'cycle', at: { nodeId: 'humanName' } });
  });

  test('a list element may take several wires; the compiler keeps single ones single', () => {
    const m = example('adt-patient');
    // RelatedPerson.relationship is filled by two lookups in the example already; adding a third wire is fine
    const r = done(connect(m, { source: 'nk1_3', target: 'relatedPerson', targetHandle: 'relationship' }));
    expect(
      r.mapping.edges.filter((e) => e.target === 'relatedPerson' && e.targetHandle === 'relationship'),
    ).toHaveLength(3);
  });
});

describe('mapSourceToElement (a source field dropped on a target element)', () => {
  test('creates the source node and wires it into the element', () => {
    const r = done(
      mapSourceToElement(small(), { path: 'PID.F7', resourceType: 'Patient', element: 'birthDate' }),
    );
    expect(r).toMatchObject({
      sourceNodeId: 'pid7',
      targetNodeId: 'patient',
      edgeId: 'e-pid7-patient-birthDate',
    });
    expectCompiles(r.mapping);
  });

  test('replaces the wire already filling that element (one value per element)', () => {
    const r = done(
      mapSourceToElement(small(), { path: 'PID.F8.C1', resourceType: 'Patient', element: 'gender' }),
    );
    expect(r.mapping.edges.filter((e) => e.target === 'patient' && e.targetHandle === 'gender')).toEqual([
      expect.objectContaining({ source: 'pid8' }),
    ]);
    expectParses(r.mapping);
  });

  test('creates the target when the mapping has none of that type, and the source when new', () => {
    const r = done(
      mapSourceToElement(small(), {
        path: 'PV1.F19',
        label: 'Visit number',
        resourceType: 'Encounter',
        element: 'identifier',
      }),
    );
    expect(r.targetNodeId).toBe('encounter');
    expect(r.sourceNodeId).toBe('pv1_19');
    const target = r.mapping.nodes.find((n) => n.id === 'encounter');
    expect(target).toMatchObject({ type: 'target', resourceType: 'Encounter' });
    // in the targets' column, below the Patient, so the new resource does not land on the graph
    expect(target?.position).toEqual({ x: 800, y: 240 });
    expect(r.mapping.nodes.find((n) => n.id === 'pv1_19')?.position).toEqual({ x: 0, y: 290 });
    expectParses(r.mapping);
  });

  test('uses the named target, and refuses a node that is not one', () => {
    const two = done(addTargetNode(small(), { resourceType: 'Patient', position: at }));
    const r = done(
      mapSourceToElement(two.mapping, {
        path: 'PID.F7',
        resourceType: 'Patient',
        element: 'birthDate',
        targetNodeId: two.nodeId,
      }),
    );
    expect(r.targetNodeId).toBe('patient2');
    const bad = mapSourceToElement(small(), {
      path: 'PID.F7',
      resourceType: 'Patient',
      element: 'x',
      targetNodeId: 'pid5',
    });
    expect(bad.ok || bad.error.code).toBe('not-a-target');
  });

  test('inside a for-each the path is made relative to the item, as the engine reads it', () => {
    const oru = example('oru-lab');
    const r = done(
      mapSourceToElement(oru, {
        path: 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION.OBX.F18',
        resourceType: 'Observation',
        element: 'device',
      }),
    );
    expect(r.mapping.nodes.find((n) => n.id === r.sourceNodeId)).toMatchObject({ path: 'OBX.F18' });
    expect(r.sourceNodeId).toBe('obx18');
  });

  test('on the ADT example the result still compiles', () => {
    const m = example('adt-patient');
    const r = done(mapSourceToElement(m, { path: 'PID.F7', resourceType: 'Patient', element: 'birthDate' }));
    // PID.F7 is read already (by the DTM transform): the source node is reused, the transform's wire replaced
    expect(r.sourceNodeId).toBe('pid7');
    expect(r.mapping.nodes).toHaveLength(m.nodes.length);
    expectCompiles(r.mapping);
  });
});

describe('connectToElement (a wire from a node dropped on the target tree)', () => {
  test('wires an existing node into the element, replacing what filled it', () => {
    const r = done(connectToElement(small(), { source: 'pid7', resourceType: 'Patient', element: 'gender' }));
    expect(r.mapping.edges.filter((e) => e.targetHandle === 'gender')).toEqual([
      expect.objectContaining({ source: 'pid7', target: 'patient' }),
    ]);
    expectParses(r.mapping);
  });

  test('the same wire again changes nothing', () => {
    const m = small();
    const r = done(connectToElement(m, { source: 'gender', resourceType: 'Patient', element: 'gender' }));
    expect(r.mapping).toBe(m);
    expect(r.edgeId).toBe('e4');
  });

  test('a target cannot be wired into another target', () => {
    const r = connectToElement(small(), { source: 'patient', resourceType: 'Encounter', element: 'subject' });
    expect(r.ok || r.error.code).toBe('edge-from-target');
  });
});
