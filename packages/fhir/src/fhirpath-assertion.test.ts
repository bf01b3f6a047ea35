import { describe, expect, it } from 'vitest';
import { checkAssertionSyntax, evaluateAssertion } from './fhirpath-assertion';

const bundle = {
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    {
      fullUrl: 'urn:uuid:p1',
      resource: {
        resourceType: 'Patient',
        name: [{ family: 'Smyth', given: ['Anna'] }],
        birthDate: '1980-01-01',
      },
      request: { method: 'POST', url: 'Patient' },
    },
    {
      resource: {
        resourceType: 'Observation',
        status: 'final',
        valueQuantity: { value: 7.2, unit: 'mmol/L' },
      },
    },
    { resource: { resourceType: 'Observation', status: 'preliminary' } },
  ],
};

describe('evaluateAssertion', () => {
  it.each([
    "Patient.name.family = 'Smyth'",
    'Observation.count() = 2',
    'Patient.birthDate = @1980-01-01',
    'Observation.valueQuantity.value > 7',
    "Observation.where(status = 'final').exists()",
    'Bundle.entry.count() = 3',
    "Bundle.entry.request.method = 'POST'",
  ])('passes %s', (expression) => {
    expect(evaluateAssertion(expression, bundle)).toEqual({ passed: true });
  });

  it('shows the actual value when a comparison fails', () => {
    expect(evaluateAssertion("Patient.name.family = 'Smith'", bundle)).toEqual({
      passed: false,
      message: "Patient.name.family is 'Smyth', expected = 'Smith'",
    });
    expect(evaluateAssertion('Observation.count() = 3', bundle).message).toBe(
      'Observation.count() is 2, expected = 3',
    );
  });

  it('says when the compared element is absent', () => {
    expect(evaluateAssertion("Encounter.status = 'finished'", bundle).message).toBe(
      "Encounter.status is empty, expected = 'finished'",
    );
  });

  it('says false, empty or what else a non-comparison evaluated to', () => {
    expect(evaluateAssertion('Encounter.exists()', bundle).message).toBe('evaluated to false');
    expect(evaluateAssertion('Encounter.status', bundle).message).toBe('evaluated to an empty collection');
    expect(evaluateAssertion('Observation.status', bundle).message).toBe(
      "evaluated to { 'final', 'preliminary' }, not true",
    );
  });

  it('fails with the reason on a syntax error or an unknown function, never throws', () => {
    expect(evaluateAssertion('Patient.name.family = ', bundle)).toMatchObject({
      passed: false,
      message: expect.stringMatching(/^syntax error: /),
    });
    expect(evaluateAssertion('Patient.name.cuont() = 1', bundle).message).toBe(
      'error: Unrecognized function: cuont',
    );
  });

  it('reads a bundle without entries (or no bundle) as an empty collection', () => {
    expect(evaluateAssertion('Patient.exists()', { resourceType: 'Bundle' }).message).toBe(
      'evaluated to false',
    );
    expect(evaluateAssertion("Patient.gender = 'female'", null).message).toBe(
      "Patient.gender is empty, expected = 'female'",
    );
  });
});

describe('checkAssertionSyntax', () => {
  it('accepts a well-formed expression', () => {
    expect(checkAssertionSyntax("Patient.name.family = 'Smith'")).toEqual({ ok: true });
  });

  it.each([
    ['Patient..name', /^syntax error: /],
    ["Patient.name.family = 'Smith", /string is not closed/],
    ['', /empty/],
    ['Patient.name.cuont()', /Unrecognized function: cuont/],
  ])('refuses %j with a reason', (expression, reason) => {
    const result = checkAssertionSyntax(expression);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(reason);
  });
});
