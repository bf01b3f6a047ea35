import { evalFhirPath } from '@medplum/core';
import { describe, expect, it } from 'vitest';
import { validateResource } from './validate';

const patient = {
  resourceType: 'Patient',
  identifier: [{ use: 'usual', system: 'urn:oid:1.2.3', value: '0493575' }],
  name: [{ use: 'official', family: 'Doe', given: ['John'] }],
  gender: 'male',
  birthDate: '1970-01-01',
  telecom: [{ system: 'phone', use: 'home', value: '555-1234' }],
  address: [{ use: 'home', type: 'physical', city: 'Springfield' }],
};

function expressions(resource: unknown): string[] {
  return validateResource(resource).issues.flatMap((i) => i.expression ?? []);
}

describe('validateResource', () => {
  it('accepts a valid Patient', () => {
    expect(validateResource(patient)).toEqual({ valid: true, issues: [] });
  });

  it('keeps values out of issue texts (they reach logs); the expression leads to them', () => {
    const result = validateResource({
      ...patient,
      gender: 'ZEBULON',
      generalPractitioner: [{ reference: 'MRN778899' }],
    });
    const texts = result.issues.map((i) => `${i.details?.text ?? ''} ${i.diagnostics ?? ''}`);
    expect(texts.some((t) => t.startsWith('Invalid reference: expected'))).toBe(true);
    for (const text of texts) {
      expect(text).not.toContain('ZEBULON');
      expect(text).not.toContain('MRN778899');
    }
  });

  it('rejects a gender outside the required ValueSet, pointing at the element', () => {
    const robot = { ...patient, gender: 'robot' };
    const result = validateResource(robot);
    expect(result.valid).toBe(false);
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'code-invalid' })]);
    expect(result.issues[0].expression).toEqual(['Patient.gender']);
    // The expression is real FHIRPath: it leads back to the offending value.
    expect(evalFhirPath(result.issues[0].expression?.[0] ?? '', robot)).toEqual(['robot']);
  });

  it('reports missing required elements', () => {
    expect(expressions({ resourceType: 'Observation' })).toEqual(['Observation.status', 'Observation.code']);
  });

  it('reports a wrong JSON type', () => {
    const result = validateResource({ ...patient, birthDate: 12 });
    expect(result.valid).toBe(false);
    expect(result.issues[0].expression).toEqual(['Patient.birthDate']);
  });

  it('reports an array where a single value is allowed', () => {
    expect(expressions({ ...patient, gender: ['male'] })).toContain('Patient.gender');
  });

  it('reports structural and binding problems together', () => {
    expect(expressions({ ...patient, name: [{ family: 5, use: 'nickname-x' }] })).toEqual([
      'Patient.name[0].family',
      'Patient.name[0].use',
    ]);
  });

  it('never throws, and every issue has an expression', () => {
    for (const input of [
      null,
      42,
      'Patient',
      [],
      {},
      { resourceType: 'Bogus' },
      { resourceType: 'Patient', name: 'x' },
    ]) {
      const result = validateResource(input);
      expect(result.valid).toBe(false);
      for (const issue of result.issues) expect(issue.expression?.length).toBeGreaterThan(0);
    }
  });
});
