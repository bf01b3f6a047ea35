import { describe, expect, it } from 'vitest';
import { describeField, describeStructure } from './describe';
import { listLeafValues } from './leaf-paths';
import { parseHl7 } from './parse';

describe('describeField', () => {
  it('names a field, its datatype and components', () => {
    const pid5 = describeField('2.5.1', 'PID', 5);
    expect(pid5).toMatchObject({ name: 'Patient Name', datatype: 'XPN', repeating: true });
    expect(pid5?.components[0]).toMatchObject({ name: 'Family Name', datatype: 'FN' });
    expect(pid5?.components[1]).toEqual({ name: 'Given Name', datatype: 'ST' });
    expect(describeField('2.5.1', 'PID', 3, 4)).toMatchObject({
      name: 'Assigning Authority',
      datatype: 'HD',
    });
    expect(describeField('2.8', 'PID', 8)).toMatchObject({ name: 'Administrative Sex', datatype: 'CWE' });
    expect(describeField('2.5.1', 'PID', 1)).toMatchObject({
      datatype: 'SI',
      repeating: false,
      components: [],
    });
    expect(describeField('2.5.1', 'ZZZ', 1)).toBeUndefined();
  });
});

describe('describeStructure', () => {
  it('gives the groups of a structure', () => {
    const oru = describeStructure('2.5.1', 'ORU_R01');
    const pr = oru?.children?.find((c) => c.name === 'PATIENT_RESULT');
    expect(pr).toMatchObject({ kind: 'group', min: 1, max: null });
    expect(pr?.children?.map((c) => c.name)).toEqual(['PATIENT', 'ORDER_OBSERVATION']);
    expect(describeStructure('2.5.1', 'NOPE_X')).toBeUndefined();
  });
});

describe('listLeafValues', () => {
  it('lists non-empty leaves with HL7 paths', () => {
    const r = parseHl7(
      'MSH|^~\\&|||||||ADT^A01|1|P|2.5.1\rPID|1||A^^^H&1.2&ISO~B^^^X&9&ISO||DOE^J||19800101|M\rNTE|1\rNTE|2',
    );
    if (!r.ok) throw new Error('parse');
    const paths = listLeafValues(r.message).map((l) => `${l.path}=${l.value}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'MSH-9.1=ADT',
        'MSH-12.1=2.5.1',
        'PID-1=1',
        'PID-3.1=A',
        'PID-3.4.1=H',
        'PID-3.4.2=1.2',
        'PID-3[2].4.2=9',
        'PID-5.1=DOE',
        'PID-5.2=J',
        'PID-8=M',
        'NTE[2]-1=2',
      ]),
    );
  });
});
