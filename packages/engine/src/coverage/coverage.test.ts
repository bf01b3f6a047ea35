import { describe, expect, it } from 'vitest';
import { ADT_A01 } from '../__fixtures__/adt-a01';
import { adtPatientMapping } from '../__fixtures__/adt-patient-mapping';
import { ORU_TWO_OBR } from '../__fixtures__/oru-two-obr';
import { oruMapping } from '../__fixtures__/oru-mapping';
import { mapMessage } from '../runtime/run-mapping';
import { readPaths } from './read-paths';

describe('coverage', () => {
  it('lists a non-empty field no node reads (PID-13, the phone), with a sample value', async () => {
    const r = await mapMessage(adtPatientMapping, ADT_A01, { validate: false });
    if (!r.ok) throw new Error('run failed');
    expect(r.coverage?.unused).toContainEqual({ field: 'PID-13', sample: '555-1234^PRN^PH', count: 1 });
    const unused = r.coverage?.unused.map((u) => u.field) ?? [];
    expect(unused).not.toContain('PID-5');
    expect(unused).not.toContain('PID-3');
    // the envelope fields the runtime itself uses never count as dropped
    expect(unused).not.toContain('MSH-9');
    expect(unused).not.toContain('MSH-10');
  });

  it('resolves paths inside for-each contexts to segment and field (OBX-5 used, OBX-8 not)', async () => {
    const r = await mapMessage(oruMapping, ORU_TWO_OBR, { validate: false });
    if (!r.ok) throw new Error('run failed');
    const unused = r.coverage?.unused.map((u) => u.field) ?? [];
    expect(unused).not.toContain('OBX-5');
    expect(unused).not.toContain('OBX-3');
    expect(unused).toContain('OBX-8');
    expect(unused).toContain('SPM-4');
  });

  it("keeps each mapping's fields-read cache to itself: runs of two mappings in turn give stable coverage", async () => {
    const adt = async () => {
      const r = await mapMessage(adtPatientMapping, ADT_A01, { validate: false });
      if (!r.ok) throw new Error('run failed');
      return r.coverage;
    };
    const first = await adt();
    const oru = await mapMessage(oruMapping, ORU_TWO_OBR, { validate: false });
    expect(oru.ok && oru.coverage?.unused.map((u) => u.field)).toContain('OBX-8');
    first?.unused.push({ field: 'XXX-1', sample: 'edited by the caller', count: 1 });
    const again = await adt();
    expect(again?.unused.map((u) => u.field)).not.toContain('XXX-1');
    expect(again?.unused).toEqual(first?.unused.slice(0, -1));
    expect(again?.total).toBe(first?.total);
    expect(again?.used).toBe(first?.used);
  });

  it('reads paths from the JSONata AST, including predicates and $msg', () => {
    expect(readPaths("PID.F3[C5 = 'MR'].C1", ['PATIENT'])).toEqual([
      { steps: ['PATIENT', 'PID', 'F3', 'C5'], absolute: true },
      { steps: ['PATIENT', 'PID', 'F3', 'C1'], absolute: true },
    ]);
    expect(readPaths('$msg.MSH.F7.C1', null)).toEqual([{ steps: ['MSH', 'F7', 'C1'], absolute: true }]);
  });
});
