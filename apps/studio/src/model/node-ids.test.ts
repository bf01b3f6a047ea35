import { describe, expect, test } from 'vitest';
import { isIdTaken, nextEdgeId, nextNodeId, sourceIdPrefix } from './node-ids';
import { example, small } from './fixtures.test-helper';

describe('nextNodeId', () => {
  test('returns the prefix itself while it is free', () => {
    expect(nextNodeId(small(), 'pid11')).toBe('pid11');
    expect(nextNodeId(small(), 'transform')).toBe('transform');
  });

  test('counts up readably when the prefix is taken', () => {
    expect(nextNodeId(small(), 'pid5')).toBe('pid5_1');
    const m = { nodes: [...small().nodes, { ...small().nodes[3]!, id: 'transform' }] };
    expect(nextNodeId(m, 'transform')).toBe('transform2');
  });

  test('turns any text into a valid id', () => {
    expect(nextNodeId(small(), 'Diagnostic Report')).toBe('diagnosticReport');
    expect(nextNodeId(small(), 'pv1_36')).toBe('pv1_36');
    expect(nextNodeId(small(), '5')).toBe('node5');
    expect(nextNodeId(small(), '')).toBe('node');
  });

  test('avoids ids whose JSONata variables would clash with a target', () => {
    // target `patient` binds $patient_item, $patient_url … in the compiled program
    expect(isIdTaken(small(), 'patient_item')).toBe(true);
    expect(nextNodeId(small(), 'patient_url')).toBe('patient_url2');
    // and a new target `pid5` would be fine only if nothing is called pid5_item
    expect(isIdTaken({ nodes: [{ id: 'obx_item', type: 'source', path: 'x' }] }, 'obx', 'target')).toBe(true);
    expect(isIdTaken({ nodes: [{ id: 'obx_item', type: 'source', path: 'x' }] }, 'obx', 'source')).toBe(
      false,
    );
    // `a-b` and `a_b` are the same variable
    expect(isIdTaken({ nodes: [{ id: 'a-b', type: 'source', path: 'x' }] }, 'a_b', 'source')).toBe(true);
  });

  test('never repeats an id of the ADT example', () => {
    const m = example('adt-patient');
    for (const prefix of ['pid5', 'patient', 'gender', 'pv1_36', 'encounter'])
      expect(m.nodes.some((n) => n.id === nextNodeId(m, prefix))).toBe(false);
  });
});

test('sourceIdPrefix names nodes like the example mappings', () => {
  expect(sourceIdPrefix('PID.F5')).toBe('pid5');
  expect(sourceIdPrefix('PID.F8.C1')).toBe('pid8');
  expect(sourceIdPrefix('$msg.PV1.F36')).toBe('pv1_36');
  expect(sourceIdPrefix('PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION.OBX.F5')).toBe('obx5');
  expect(sourceIdPrefix('$report_item.OBR.F2')).toBe('obr2');
  expect(sourceIdPrefix('rows.birth_date')).toBe('birth_date');
});

test('nextEdgeId follows the e-<source>-<target>-<handle> pattern and stays unique', () => {
  const m = { edges: [{ id: 'e-pid5-patient-name_family', source: 'pid5', target: 'patient' }] };
  expect(nextEdgeId({ edges: [] }, 'pid5', 'patient', 'name.family')).toBe('e-pid5-patient-name_family');
  expect(nextEdgeId(m, 'pid5', 'patient', 'name.family')).toBe('e-pid5-patient-name_family-2');
});
