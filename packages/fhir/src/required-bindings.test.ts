import { describe, expect, it } from 'vitest';
import { checkRequiredBindings, requiredBindingCoverage } from './required-bindings';
import { loadFhirDefinitions } from './definitions';

loadFhirDefinitions();

function errorsAt(resource: unknown): string[] {
  return checkRequiredBindings(resource)
    .filter((i) => i.severity === 'error')
    .flatMap((i) => i.expression ?? []);
}

describe('checkRequiredBindings', () => {
  it('checks codes in datatypes nested in the resource', () => {
    const patient = {
      resourceType: 'Patient',
      identifier: [{ use: 'secondary-x', value: '1' }],
      name: [{ use: 'official' }, { use: 'nickname-x' }],
      telecom: [{ system: 'fax2', use: 'home', value: '1' }],
      address: [{ use: 'home', type: 'physical-x' }],
      contact: [{ telecom: [{ system: 'phone', use: 'bad' }] }],
    };
    expect(errorsAt(patient)).toEqual([
      'Patient.identifier[0].use',
      'Patient.name[1].use',
      'Patient.telecom[0].system',
      'Patient.address[0].type',
      'Patient.contact[0].telecom[0].use',
    ]);
  });

  it('checks resource status codes and choice-typed datatypes', () => {
    const observation = {
      resourceType: 'Observation',
      status: 'done',
      valueQuantity: { value: 1, comparator: '~' },
    };
    expect(errorsAt(observation)).toEqual(['Observation.status', 'Observation.valueQuantity.comparator']);
    expect(errorsAt({ resourceType: 'Encounter', status: 'admitted' })).toEqual(['Encounter.status']);
  });

  it('judges CodeableConcept codings from the bound systems and ignores translations', () => {
    const system = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
    const condition = (coding: object[]) => ({ resourceType: 'Condition', clinicalStatus: { coding } });
    expect(
      errorsAt(
        condition([
          { system, code: 'active' },
          { system: 'http://snomed.info/sct', code: '1' },
        ]),
      ),
    ).toEqual([]);
    expect(
      errorsAt(
        condition([
          { system: 'http://snomed.info/sct', code: '1' },
          { system, code: 'bogus' },
        ]),
      ),
    ).toEqual(['Condition.clinicalStatus.coding[1].code']);
    const onlyOther = checkRequiredBindings(condition([{ system: 'http://snomed.info/sct', code: '1' }]));
    expect(onlyOther).toEqual([
      expect.objectContaining({ severity: 'warning', expression: ['Condition.clinicalStatus'] }),
    ]);
  });

  it('walks into contained resources', () => {
    const patient = { resourceType: 'Patient', contained: [{ resourceType: 'Patient', gender: 'robot' }] };
    expect(errorsAt(patient)).toEqual(['Patient.contained[0].gender']);
  });

  it('leaves values of the wrong JSON type to the structural validator', () => {
    expect(errorsAt({ resourceType: 'Patient', gender: 5, name: 'x', telecom: [null] })).toEqual([]);
  });

  it('covers nearly all required bindings of base R4 and lists what it skips', () => {
    const { expanded, skipped } = requiredBindingCoverage();
    expect(expanded.length).toBeGreaterThan(200);
    expect(expanded).toContain('http://hl7.org/fhir/ValueSet/administrative-gender');
    expect(Object.keys(skipped)).toContain('http://hl7.org/fhir/ValueSet/mimetypes');
  });
});
