import { describe, expect, it } from 'vitest';
import { describeDifference, describeFailure } from './describe-failure';

describe('describeFailure', () => {
  it('numbers assertions from 1, as the assertion list and the server refusals do', () => {
    expect(
      describeFailure({
        kind: 'assertion',
        index: 0,
        expression: "Patient.name.family = 'EVERYMAN'",
        message: "Patient.name.family is 'NUCLEAR', expected = 'EVERYMAN'",
      }),
    ).toBe("Assertion 1: Patient.name.family is 'NUCLEAR', expected = 'EVERYMAN'");
  });

  it('counts validation errors and bundle differences', () => {
    expect(describeFailure({ kind: 'validation', count: 1, first: ['Patient.gender: bad code'] })).toBe(
      '1 validation error in the output',
    );
    const diff = {
      kind: 'changed' as const,
      path: 'Patient.name[0].family',
      entry: { resourceType: 'Patient' },
    };
    expect(describeFailure({ kind: 'bundle', differences: [diff, diff] })).toBe(
      '2 differences from the expected bundle',
    );
    expect(describeDifference(diff)).toBe('Patient.name[0].family changed');
    expect(describeDifference({ ...diff, kind: 'removed' })).toBe(
      'Patient.name[0].family missing from the actual output',
    );
  });

  it('says when the sample did not map', () => {
    expect(describeFailure({ kind: 'run', message: 'PID: segment missing' })).toBe(
      'The sample did not map: PID: segment missing',
    );
  });
});
