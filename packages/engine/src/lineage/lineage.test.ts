import { describe, expect, it } from 'vitest';
import { ADT_A01 } from '../__fixtures__/adt-a01';
import { adtPatientMapping } from '../__fixtures__/adt-patient-mapping';
import { ORU_TWO_OBR } from '../__fixtures__/oru-two-obr';
import { oruMapping } from '../__fixtures__/oru-mapping';
import { mapMessage } from '../runtime/run-mapping';

describe('lineage', () => {
  it('traces an output element to its target, wire, nodes and source path', async () => {
    const r = await mapMessage(adtPatientMapping, ADT_A01, { lineage: true, validate: false });
    if (!r.ok) throw new Error('run failed');
    const family = r.lineage?.find((l) => l.path === 'Bundle.entry[0].resource.name[0].family');
    expect(family).toMatchObject({
      targetId: 'patient',
      element: 'name.family',
      nodeId: 'family',
      edgeId: 'e3',
      sourcePaths: ['PID.F5.C1'],
    });
    const gender = r.lineage?.find((l) => l.path === 'Bundle.entry[0].resource.gender');
    expect(gender).toMatchObject({ nodeId: 'gender', via: ['gender', 'sex'], sourcePaths: ['PID.F8.C1'] });
    const system = r.lineage?.find((l) => l.path === 'Bundle.entry[0].resource.identifier[0].system');
    expect(system).toMatchObject({ element: 'identifier', nodeId: 'identifier' });
  });

  it('knows references and for-each items', async () => {
    const r = await mapMessage(oruMapping, ORU_TWO_OBR, { lineage: true, validate: false });
    if (!r.ok) throw new Error('run failed');
    const result = r.lineage?.find((l) => l.path === 'Bundle.entry[1].resource.result[4].reference');
    expect(result).toMatchObject({ targetId: 'report', nodeId: 'report', referenceTo: 'obs' });
    const value = r.lineage?.find((l) => l.path === 'Bundle.entry[3].resource.valueQuantity.value');
    expect(value).toMatchObject({
      targetId: 'obs',
      nodeId: 'quantity',
      sourcePaths: ['OBX.F5.C1', 'OBX.F6.C1'],
    });
  });
});
