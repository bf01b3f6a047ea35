import { describe, expect, it } from 'vitest';
import { hl7Functions } from './index';

const fns = hl7Functions();
const concept = (input: unknown) => fns.toCodeableConcept!.implementation(input);
const coding = (input: unknown) => fns.toCoding!.implementation(input);

describe('toCodeableConcept', () => {
  it.each([
    [
      'CE v2.3 (OBX-3, VXU)',
      { C1: '30956-7', C2: 'Vaccine Type', C3: 'LN' },
      {
        coding: [{ system: 'http://loinc.org', code: '30956-7', display: 'Vaccine Type' }],
        text: 'Vaccine Type',
      },
    ],
    [
      'CVX vaccine code',
      { C1: '107', C2: 'DTaP, AA1 UF', C3: 'CVX' },
      {
        coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '107', display: 'DTaP, AA1 UF' }],
        text: 'DTaP, AA1 UF',
      },
    ],
    [
      'CWE with alternate triplet, versions and original text (OBX-5, ORU)',
      {
        C1: '260385009',
        C2: 'Negative (qualifier value)',
        C3: 'SCT',
        C4: 'NEG',
        C5: 'NEGATIVE',
        C6: 'L',
        C7: '201509USEd',
        C9: 'Negative (qualifier value)',
      },
      {
        coding: [
          {
            system: 'http://snomed.info/sct',
            version: '201509USEd',
            code: '260385009',
            display: 'Negative (qualifier value)',
          },
          { code: 'NEG', display: 'NEGATIVE' },
        ],
        text: 'Negative (qualifier value)',
      },
    ],
    [
      'HL7 table name',
      { C1: 'Y', C2: 'Yes', C3: 'HL70136' },
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0136', code: 'Y', display: 'Yes' }],
        text: 'Yes',
      },
    ],
    ['text only', { C2: 'Some text' }, { text: 'Some text' }],
    ['plain string is the code', 'M', { coding: [{ code: 'M' }] }],
    [
      'OID in CWE.14 when the name is local',
      { C1: '2951-2', C3: '99LAB', C14: '2.16.840.1.113883.6.1' },
      { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.1', code: '2951-2' }] },
    ],
    [
      'second alternate triplet',
      { C1: 'a', C3: 'LN', C10: 'b', C12: 'SCT' },
      {
        coding: [
          { system: 'http://loinc.org', code: 'a' },
          { system: 'http://snomed.info/sct', code: 'b' },
        ],
      },
    ],
  ])('%s', (_label, input, expected) => {
    expect(concept(input)).toEqual(expected);
  });

  it('converts the first non-empty repetition (map with field.$toCodeableConcept($) for all)', () => {
    expect(
      concept([{ C1: null }, { C1: '2106-3', C2: 'White', C3: 'HL70005' }, { C1: '2028-9' }]),
    ).toMatchObject({
      coding: [{ code: '2106-3' }],
    });
  });

  it.each([undefined, null, [], {}, [{ C1: null }]])('omits empty %j', (input) => {
    expect(concept(input)).toBeUndefined();
  });

  it('puts local system names under localCodeSystemBase when configured', () => {
    const local = hl7Functions({ localCodeSystemBase: 'http://hospital.example.org/fhir/CodeSystem/' });
    expect(local.toCoding!.implementation({ C1: '1902', C2: 'Fasting Status', C3: '99USL' })).toEqual({
      system: 'http://hospital.example.org/fhir/CodeSystem/99USL',
      code: '1902',
      display: 'Fasting Status',
    });
  });

  it.each([
    ['I10', 'http://hl7.org/fhir/sid/icd-10'],
    ['I10C', 'http://hl7.org/fhir/sid/icd-10-cm'],
    ['RXNORM', 'http://www.nlm.nih.gov/research/umls/rxnorm'],
    ['UCUM', 'http://unitsofmeasure.org'],
    ['NDC', 'http://hl7.org/fhir/sid/ndc'],
    ['CPT4', 'http://www.ama-assn.org/go/cpt'],
    ['SNM', 'http://snomed.info/sct'],
    ['http://example.org/cs', 'http://example.org/cs'],
    ['2.16.840.1.113883.6.96', 'urn:oid:2.16.840.1.113883.6.96'],
  ])('maps coding system %s', (name, system) => {
    expect(coding({ C1: 'x', C3: name })).toEqual({ system, code: 'x' });
  });
});

describe('toCoding', () => {
  it('takes the first triplet, else the alternate', () => {
    expect(coding({ C1: '8867-4', C2: 'heartrate', C3: 'LN', C4: 'HR', C6: 'L' })).toEqual({
      system: 'http://loinc.org',
      code: '8867-4',
      display: 'heartrate',
    });
    expect(coding({ C2: 'no code', C4: 'HR', C5: 'Heart rate' })).toEqual({
      code: 'HR',
      display: 'Heart rate',
    });
  });
});
