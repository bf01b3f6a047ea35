import { describe, expect, it } from 'vitest';
import { suggestConceptMap, type ConceptMapChoice } from './concept-map-choice';

const choices: ConceptMapChoice[] = [
  {
    ref: 'v2-0004',
    name: 'Patient class',
    targetSystem: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    bundled: true,
  },
  {
    ref: 'v2-0001',
    name: 'Administrative sex',
    targetSystem: 'http://hl7.org/fhir/administrative-gender',
    bundled: true,
  },
];

describe('suggestConceptMap', () => {
  it('picks the map whose target system is the bound value set, ignoring its version', () => {
    expect(
      suggestConceptMap(choices, { valueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1' })
        ?.ref,
    ).toBe('v2-0001');
  });
  it('suggests nothing for an unbound element or an unknown value set', () => {
    expect(suggestConceptMap(choices, undefined)).toBeUndefined();
    expect(
      suggestConceptMap(choices, { valueSet: 'http://hl7.org/fhir/ValueSet/marital-status' }),
    ).toBeUndefined();
  });
});
