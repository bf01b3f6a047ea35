import { describe, expect, it } from 'vitest';
import { corpusMessage } from './corpus-fixture.test-helper';
import { parseToTree } from './tree';
import type { Hl7Tree } from './types';

function tree(text: string): { tree: Hl7Tree; warnings: string[] } {
  const r = parseToTree(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { tree: r.tree, warnings: r.warnings.map((w) => `${w.code}@${w.at.segmentIndex}`) };
}

/** Segment ids and group names only, values replaced by the first field, to compare shapes. */
function outline(t: Hl7Tree): unknown {
  return Object.fromEntries(
    Object.entries(t).map(([key, list]) => [
      key,
      list.map((inst) =>
        /^[A-Z][A-Z0-9]{2}$/.test(key) && Object.keys(inst).every((k) => /^F\d+$/.test(k))
          ? ((inst as Record<string, Array<Record<string, unknown>>>).F1?.[0]?.C1 ?? '')
          : outline(inst as Hl7Tree),
      ),
    ]),
  );
}

describe('segment groups', () => {
  it('puts each OBX under its own OBR in an ORU with several orders', () => {
    const { tree: t } = tree(
      corpusMessage('ORU/lfh__Hl7ORUMessageTest__test_oru_with_multiple_reports__1.hl7'),
    );
    expect(outline(t)).toEqual({
      MSH: ['|'],
      PATIENT_RESULT: [
        {
          PATIENT: [{ PID: [''] }],
          ORDER_OBSERVATION: [
            { OBR: ['1'], OBSERVATION: [{ OBX: ['1'] }, { OBX: ['2'] }] },
            { OBR: ['1'], OBSERVATION: [{ OBX: ['1'] }, { OBX: ['2'] }] },
          ],
        },
      ],
    });
    const order = t.PATIENT_RESULT[0] as Hl7Tree;
    const second = (order.ORDER_OBSERVATION[1] as Hl7Tree).OBSERVATION[1] as Hl7Tree;
    expect((second.OBX[0] as Record<string, unknown>).F5).toEqual([
      { C1: 'ECHOCARDIOGRAPHIC REPORT Group 2' },
    ]);
  });

  it('groups ORC, OBR, OBX and NTE built by hand', () => {
    const text = [
      'MSH|^~\\&|LAB|H|||20240101||ORU^R01^ORU_R01|9|P|2.5.1',
      'PID|1||P1',
      'PV1|1|O',
      'ORC|RE|A',
      'OBR|1|A',
      'NTE|1||order note',
      'OBX|1|NM|GLU||5.5',
      'NTE|1||obs note',
      'OBX|2|NM|NA||140',
      'OBR|2|B',
      'OBX|1|ST|C||x',
    ].join('\r');
    const { tree: t, warnings } = tree(text);
    expect(warnings).toEqual([]);
    expect(outline(t)).toEqual({
      MSH: ['|'],
      PATIENT_RESULT: [
        {
          PATIENT: [{ PID: ['1'], VISIT: [{ PV1: ['1'] }] }],
          ORDER_OBSERVATION: [
            {
              ORC: ['RE'],
              OBR: ['1'],
              NTE: ['1'],
              OBSERVATION: [{ OBX: ['1'], NTE: ['1'] }, { OBX: ['2'] }],
            },
            { OBR: ['2'], OBSERVATION: [{ OBX: ['1'] }] },
          ],
        },
      ],
    });
  });

  it('finds ADT procedure and insurance groups', () => {
    const proc = tree(
      corpusMessage('ADT/lfh__HL7ADTMessageTest__testAdtA01MinimumPlusProcedureGroup__1.hl7'),
    );
    expect(Object.keys(proc.tree)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'PROCEDURE']);
    const ins = tree(corpusMessage('ADT/lfh__HL7ADTMessageTest__testAdtA03MinimumPlusInsuranceGroup__1.hl7'));
    expect(outline(ins.tree)).toMatchObject({ INSURANCE: [{ IN1: ['1'], IN2: [expect.anything()] }] });
    const text =
      'MSH|^~\\&|||||||ADT^A01|1|P|2.5.1\rEVN|A01\rPID|1\rPV1|1\rPR1|1\rROL|1\rPR1|2\rIN1|1\rIN2|1\rIN1|2';
    expect(outline(tree(text).tree)).toEqual({
      MSH: ['|'],
      EVN: ['A01'],
      PID: ['1'],
      PV1: ['1'],
      PROCEDURE: [{ PR1: ['1'], ROL: ['1'] }, { PR1: ['2'] }],
      INSURANCE: [{ IN1: ['1'], IN2: ['1'] }, { IN1: ['2'] }],
    });
  });

  it('finds VXU order groups with their observations', () => {
    const text = [
      'MSH|^~\\&|||||||VXU^V04^VXU_V04|1|P|2.5.1',
      'PID|1',
      'ORC|RE|1',
      'RXA|0|1|20240101',
      'RXR|C28161',
      'OBX|1|CE|64994-7',
      'OBX|2|CE|30956-7',
      'ORC|RE|2',
      'RXA|0|1|20240102',
    ].join('\r');
    expect(outline(tree(text).tree)).toEqual({
      MSH: ['|'],
      PID: ['1'],
      ORDER: [
        { ORC: ['RE'], RXA: ['0'], RXR: ['C28161'], OBSERVATION: [{ OBX: ['1'] }, { OBX: ['2'] }] },
        { ORC: ['RE'], RXA: ['0'] },
      ],
    });
  });

  it('keeps misplaced segments at the current level with a located warning', () => {
    const text = 'MSH|^~\\&|||||||ADT^A01|1|P|2.5.1\rEVN|A01\rPID|1\rPV1|1\rPD1|late\rXYZ|1';
    const { tree: t, warnings } = tree(text);
    expect(Object.keys(t)).toEqual(['MSH', 'EVN', 'PID', 'PV1', 'PD1', 'XYZ']);
    expect(warnings).toEqual(['SEGMENT_OUT_OF_ORDER@4', 'UNEXPECTED_SEGMENT@5']);
  });

  it('opens a group whose anchor is missing rather than losing the segment', () => {
    const text = 'MSH|^~\\&|||||||ORU^R01|1|P|2.5.1\rPID|1\rOBX|1|NM|X||1';
    const { tree: t, warnings } = tree(text);
    expect(outline(t)).toEqual({
      MSH: ['|'],
      PATIENT_RESULT: [{ PATIENT: [{ PID: ['1'] }], ORDER_OBSERVATION: [{ OBSERVATION: [{ OBX: ['1'] }] }] }],
    });
    expect(warnings).toEqual(['MISSING_GROUP_ANCHOR@2', 'MISSING_REQUIRED_SEGMENT@2']);
  });

  it('falls back to a flat list with a warning for an unknown structure', () => {
    const r = parseToTree(corpusMessage('CUSTOM/lfh__Hl7CustomMessageTest__testCustomPatMessage__1.hl7'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.map((w) => w.code)).toContain('UNKNOWN_STRUCTURE');
    expect(r.message.structureId).toBe('');
    expect(
      Object.values(r.tree).every((list) => list.every((i) => Object.keys(i).every((k) => /^F\d+$/.test(k)))),
    ).toBe(true);
  });

  it('names groups from another dictionary version on request', () => {
    const text = 'MSH|^~\\&|||||||ORU^R01|1|P|2.3\rPID|1\rOBR|1\rOBX|1';
    expect(Object.keys(tree(text).tree)).toEqual(['MSH', 'RESPONSE']);
    const r = parseToTree(text, { structureVersion: '2.7.1' });
    expect(r.ok && Object.keys(r.tree)).toEqual(['MSH', 'PATIENT_RESULT']);
  });
});
