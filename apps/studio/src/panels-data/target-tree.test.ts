import { describe, expect, it } from 'vitest';
import { filterTargets, resourceTypes, targetElements, type TargetElement } from './target-tree';

function at(elements: readonly TargetElement[], path: string): TargetElement | undefined {
  for (const e of elements) {
    if (e.path === path) return e;
    const hit = at(e.children, path);
    if (hit) return hit;
  }
  return undefined;
}

describe('target tree', () => {
  it('lists the R4 resource types a mapping can target, without abstract ones', () => {
    const types = resourceTypes();
    expect(types).toEqual(expect.arrayContaining(['Patient', 'Observation', 'Encounter', 'RelatedPerson']));
    expect(types).not.toContain('DomainResource');
    expect(types).not.toContain('HumanName');
  });

  it('gives Patient elements with the paths target handles use, cardinality, types and bindings', () => {
    const patient = targetElements('Patient');
    expect(at(patient, 'name.family')).toMatchObject({
      name: 'family',
      min: 0,
      max: '1',
      types: ['string'],
      required: false,
    });
    expect(at(patient, 'name')).toMatchObject({ max: '*', types: ['HumanName'] });
    expect(at(patient, 'gender')).toMatchObject({
      required: false,
      binding: { strength: 'required', valueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender' },
    });
    expect(at(patient, 'birthDate')?.types).toEqual(['date']);
    expect(at(patient, 'identifier.type.coding')).toBeDefined();
  });

  it('marks Observation.status required and names choice variants as in JSON', () => {
    const observation = targetElements('Observation');
    expect(at(observation, 'status')).toMatchObject({ min: 1, required: true });
    expect(at(observation, 'valueQuantity')).toMatchObject({ types: ['Quantity'] });
    expect(at(observation, 'valueQuantity.unit')).toBeDefined();
  });

  it('gives nothing for a type that is not a resource', () => {
    expect(targetElements('NoSuchResource')).toEqual([]);
  });

  it('filters by name or path and keeps the ancestors of a match', () => {
    const shown = filterTargets(targetElements('Patient'), 'family');
    expect(shown.map((e) => e.path)).toEqual(expect.arrayContaining(['name', 'contact']));
    expect(at(shown, 'name.family')).toBeDefined();
    expect(at(shown, 'gender')).toBeUndefined();
    expect(filterTargets(targetElements('Patient'), '')).toHaveLength(targetElements('Patient').length);
  });
});
