import { describe, expect, test } from 'vitest';
import { forEachScopes, relativeSourcePath } from './source-path';
import { example } from './fixtures.test-helper';

const OBSERVATION = 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION';

describe('relativeSourcePath with the item path as a string', () => {
  test('a field under the item becomes relative to it', () => {
    expect(relativeSourcePath(`${OBSERVATION}.OBX.F5`, OBSERVATION)).toBe('OBX.F5');
    expect(relativeSourcePath(`${OBSERVATION}.NTE.F3`, OBSERVATION)).toBe('NTE.F3');
  });

  test('a field outside the item is read from the message root', () => {
    expect(relativeSourcePath('MSH.F7', OBSERVATION)).toBe('$msg.MSH.F7');
    // OBSERVATIONS is not OBSERVATION: prefixes match whole steps only
    expect(
      relativeSourcePath('PATIENT_RESULT.ORDER_OBSERVATIONS.X.F1', 'PATIENT_RESULT.ORDER_OBSERVATION'),
    ).toBe('$msg.PATIENT_RESULT.ORDER_OBSERVATIONS.X.F1');
  });

  test('no for-each, or a path already starting from a variable, stays as it is', () => {
    expect(relativeSourcePath('PID.F5', '')).toBe('PID.F5');
    expect(relativeSourcePath('$msg.MSH.F3', OBSERVATION)).toBe('$msg.MSH.F3');
  });
});

describe('forEachScopes on the ORU example (patient > report > observation)', () => {
  const oru = example('oru-lab');

  test('follows parent links and reads $append(PATIENT_RESULT, RESPONSE) as two alternatives', () => {
    expect(forEachScopes(oru, 'observation')).toEqual([
      { targetId: 'patient', paths: ['PATIENT_RESULT', 'RESPONSE'] },
      { targetId: 'report', paths: ['PATIENT_RESULT.ORDER_OBSERVATION', 'RESPONSE.ORDER_OBSERVATION'] },
      {
        targetId: 'observation',
        paths: ['PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION', 'RESPONSE.ORDER_OBSERVATION.OBSERVATION'],
      },
    ]);
  });

  test('gives the paths the example mapping itself uses', () => {
    const scopes = forEachScopes(oru, 'observation');
    expect(relativeSourcePath(`${OBSERVATION}.OBX.F5`, scopes)).toBe('OBX.F5');
    expect(relativeSourcePath('RESPONSE.ORDER_OBSERVATION.OBSERVATION.OBX.F3', scopes)).toBe('OBX.F3');
    // the OBR of the Observation's own order, through the enclosing report's item (as obr2 in the example)
    expect(relativeSourcePath('PATIENT_RESULT.ORDER_OBSERVATION.OBR.F2', scopes)).toBe('$report_item.OBR.F2');
    expect(relativeSourcePath('PATIENT_RESULT.PATIENT.PID.F3', scopes)).toBe('$patient_item.PATIENT.PID.F3');
    expect(relativeSourcePath('MSH.F4', scopes)).toBe('$msg.MSH.F4');
    // inside the report, its own OBR is relative
    expect(relativeSourcePath('PATIENT_RESULT.ORDER_OBSERVATION.OBR.F4', forEachScopes(oru, 'report'))).toBe(
      'OBR.F4',
    );
  });

  test('a for-each that is not a path leaves the dropped path alone', () => {
    const csv = example('csv-lab-results');
    const scopes = forEachScopes(csv, 'observation');
    expect(scopes.map((s) => s.paths)).toEqual([null, null]);
    expect(relativeSourcePath('rows.value', scopes)).toBe('rows.value');
  });

  test('a target without for-each has no scope', () => {
    expect(forEachScopes(example('adt-patient'), 'patient')).toEqual([]);
  });
});
