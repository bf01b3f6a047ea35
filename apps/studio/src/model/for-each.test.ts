import { describe, expect, test } from 'vitest';
import { forEachPlacement } from './for-each';
import { example } from './fixtures.test-helper';

describe('forEachPlacement', () => {
  test('nests OBX items inside the report target that iterates their ORDER_OBSERVATION', () => {
    const m = example('oru-lab');
    expect(forEachPlacement(m, 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION')).toEqual({
      forEach: 'OBSERVATION',
      parent: 'report',
    });
    expect(forEachPlacement(m, 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION.NTE')).toEqual({
      forEach: 'NTE',
      parent: 'observation',
    });
  });
  test('keeps a path under no for-each absolute, at the message level', () => {
    const m = example('adt-patient');
    expect(forEachPlacement(m, 'NK1')).toEqual({ forEach: 'NK1' });
  });
  test('never nests a target inside itself', () => {
    const m = example('oru-lab');
    expect(forEachPlacement(m, 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION.NTE', 'observation')).toEqual({
      forEach: 'OBSERVATION.NTE',
      parent: 'report',
    });
  });
});
