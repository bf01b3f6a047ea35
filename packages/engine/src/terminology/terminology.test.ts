import { describe, expect, it } from 'vitest';
import { bundledConceptMaps, bundledTerminology } from './bundled-maps';
import { ConceptMap } from './concept-map';
import { createTerminology } from './terminology';

const GENDER = 'http://hl7.org/fhir/administrative-gender';
const terminology = bundledTerminology();

describe('bundled HL7 v2 tables', () => {
  it.each([
    ['M', 'male'],
    ['F', 'female'],
    ['U', 'unknown'],
    ['O', 'other'],
    ['A', 'other'],
  ])('AdministrativeSex %s -> %s', (code, expected) => {
    expect(terminology.translate('v2-0001', code)).toMatchObject({
      found: true,
      code: expected,
      system: GENDER,
    });
  });

  it.each([
    ['E', 'EMER', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'emergency'],
    ['I', 'IMP', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'inpatient encounter'],
    ['O', 'AMB', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'ambulatory'],
    ['P', 'PRENC', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'pre-admission'],
    ['R', 'R', 'http://terminology.hl7.org/CodeSystem/v2-0004', 'Recurring patient'],
  ])('PatientClass %s -> %s', (code, target, system, display) => {
    expect(terminology.translate('v2-0004', code)).toEqual({
      found: true,
      code: target,
      system,
      display,
      equivalence: 'equivalent',
    });
  });

  it('keeps the other 0004 sheet under its own id', () => {
    expect(terminology.translate('v2-0004-encounter-status', 'P')).toMatchObject({
      found: true,
      code: 'planned',
    });
  });

  it('tells an unknown code from a known code without a FHIR target', () => {
    expect(terminology.translate('v2-0001', 'X')).toMatchObject({ found: false, reason: 'unknown-code' });
    expect(terminology.translate('v2-0085', 'B')).toMatchObject({ found: false, reason: 'no-target' });
    expect(terminology.translate('v2-0200', 'B')).toMatchObject({ found: false, reason: 'no-target' });
  });

  it('falls back to a case-insensitive match and says so', () => {
    expect(terminology.translate('v2-0001', 'm')).toMatchObject({
      found: true,
      code: 'male',
      caseInsensitive: true,
    });
    expect(terminology.translate('v2-0001', ' F ')).toMatchObject({ found: true, code: 'female' });
    expect(terminology.translate('v2-0001', 'F')).not.toHaveProperty('caseInsensitive');
  });

  it('filters by a known source system, ignores local names', () => {
    expect(terminology.translate('v2-0001', 'M', 'HL70001')).toMatchObject({ found: true, code: 'male' });
    expect(
      terminology.translate('v2-0001', 'M', 'http://terminology.hl7.org/CodeSystem/v2-0001'),
    ).toMatchObject({ found: true });
    expect(terminology.translate('v2-0001', 'M', 'L')).toMatchObject({ found: true });
    expect(terminology.translate('v2-0001', 'M', 'http://snomed.info/sct')).toMatchObject({
      found: false,
      reason: 'unknown-code',
    });
  });

  it('finds maps by id or url and reports unknown maps', () => {
    expect(terminology.get('http://mapwright.dev/fhir/ConceptMap/v2-0203')?.id).toBe('v2-0203');
    expect(terminology.translate('http://mapwright.dev/fhir/ConceptMap/v2-0001', 'M')).toMatchObject({
      code: 'male',
    });
    expect(terminology.translate('v2-9999', 'M')).toMatchObject({ found: false, reason: 'unknown-map' });
  });

  it('bundles at least the tables FHIR mappings need, all valid ConceptMaps', () => {
    const maps = bundledConceptMaps();
    const ids = maps.map((map) => map.id);
    for (const table of [
      '0001',
      '0002',
      '0004',
      '0007',
      '0063',
      '0078',
      '0085',
      '0119',
      '0123',
      '0189',
      '0190',
      '0200',
      '0201',
      '0202',
      '0203',
    ]) {
      expect(ids).toContain(`v2-${table}`);
    }
    for (const map of maps) expect(ConceptMap.safeParse(map).success).toBe(true);
  });

  it('hands out copies of the bundled maps', () => {
    bundledConceptMaps()[0]!.group.length = 0;
    expect(bundledConceptMaps()[0]!.group.length).toBeGreaterThan(0);
  });

  it('covers 0189 (no IG sheet) from the script supplement', () => {
    expect(terminology.translate('v2-0189', 'H')).toMatchObject({
      code: '2135-2',
      system: 'urn:oid:2.16.840.1.113883.6.238',
    });
  });
});

const map = (id: string, group: ConceptMap['group'], url?: string): ConceptMap => ({
  resourceType: 'ConceptMap',
  id,
  ...(url && { url }),
  status: 'active',
  group,
});

describe('createTerminology', () => {
  it('refuses the case-insensitive guess when two codes differ only by case', () => {
    const t = createTerminology([
      map('cases', [
        {
          element: [
            { code: 'Ab', target: [{ code: '1', equivalence: 'equivalent' }] },
            { code: 'aB', target: [{ code: '2', equivalence: 'equivalent' }] },
          ],
        },
      ]),
    ]);
    expect(t.translate('cases', 'Ab')).toMatchObject({ code: '1' });
    expect(t.translate('cases', 'aB')).toMatchObject({ code: '2' });
    expect(t.translate('cases', 'AB')).toMatchObject({ found: false, reason: 'unknown-code' });
  });

  it('applies group.unmapped: provided, fixed and other-map', () => {
    const t = createTerminology(
      [
        map('provided', [{ target: 'http://t', element: [], unmapped: { mode: 'provided' } }]),
        map('fixed', [
          { target: 'http://t', element: [], unmapped: { mode: 'fixed', code: 'UNK', display: 'Unknown' } },
        ]),
        map('other', [{ element: [], unmapped: { mode: 'other-map', url: 'http://x/fixed' } }]),
        map('loop', [{ element: [], unmapped: { mode: 'other-map', url: 'loop' } }]),
      ].map((m) => (m.id === 'fixed' ? { ...m, url: 'http://x/fixed' } : m)),
    );
    expect(t.translate('provided', 'zz')).toEqual({ found: true, code: 'zz', system: 'http://t' });
    expect(t.translate('fixed', 'zz')).toEqual({
      found: true,
      code: 'UNK',
      system: 'http://t',
      display: 'Unknown',
    });
    expect(t.translate('other', 'zz')).toMatchObject({ found: true, code: 'UNK' });
    expect(t.translate('loop', 'zz')).toMatchObject({ found: false, reason: 'unknown-code' });
  });

  it('lets a later map with the same id override an earlier one', () => {
    const t = createTerminology([
      map(
        'v2-0001',
        [{ element: [{ code: 'M', target: [{ code: 'male', equivalence: 'equivalent' }] }] }],
        'http://a',
      ),
      map(
        'v2-0001',
        [{ element: [{ code: 'M', target: [{ code: 'man', equivalence: 'equivalent' }] }] }],
        'http://b',
      ),
    ]);
    expect(t.list()).toHaveLength(1);
    expect(t.translate('v2-0001', 'M')).toMatchObject({ code: 'man' });
    expect(t.get('http://a')).toBeUndefined();
    expect(t.get('http://b')?.id).toBe('v2-0001');
  });

  it('skips unmatched targets and uses the next usable one', () => {
    const t = createTerminology([
      map('m', [
        {
          element: [
            { code: 'A', target: [{ equivalence: 'unmatched' }, { code: 'a', equivalence: 'wider' }] },
          ],
        },
      ]),
    ]);
    expect(t.translate('m', 'A')).toMatchObject({ found: true, code: 'a', equivalence: 'wider' });
  });
});
