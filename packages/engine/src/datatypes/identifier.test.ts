import { describe, expect, it } from 'vitest';
import { hl7Functions } from './index';

const fns = hl7Functions();
const identifiers = (input: unknown, f = fns) => f.toIdentifier!.implementation(input);
const practitioner = (input: unknown) => fns.toPractitioner!.implementation(input);
const MR = {
  coding: [
    { system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR', display: 'Medical record number' },
  ],
};

describe('toIdentifier (CX)', () => {
  it.each([
    [
      'HD with ISO universal id (v2.5, lfh)',
      { C1: 'PATID1234', C4: { S1: 'NIST MPI', S2: '2.16.840.1.113883.3.72.5.30.2', S3: 'ISO' }, C5: 'MR' },
      {
        type: MR,
        system: 'urn:oid:2.16.840.1.113883.3.72.5.30.2',
        value: 'PATID1234',
        assigner: { display: 'NIST MPI' },
      },
    ],
    [
      'v2.3 namespace string in the identifier registry',
      { C1: '123456789', C4: 'USSSA', C5: 'SS' },
      {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
              code: 'SS',
              display: 'Social Security number',
            },
          ],
        },
        system: 'http://hl7.org/fhir/sid/us-ssn',
        value: '123456789',
      },
    ],
    [
      'check digit, HD type that is not ISO, local namespace (lfh)',
      {
        C1: 'PATID1234',
        C2: '5',
        C3: 'M11',
        C4: { S1: 'test1', S2: '2.16.1', S3: 'HCD' },
        C5: 'MR',
        C6: 'GOOD HEALTH HOSPITAL',
      },
      {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/identifier-checkDigit', valueString: '5' },
          { url: 'http://hl7.org/fhir/StructureDefinition/namingsystem-checkDigit', valueString: 'M11' },
        ],
        type: MR,
        value: 'PATID1234',
        assigner: { display: 'test1' },
      },
    ],
    [
      'type code outside table 0203 kept as text (msft NHSNMBR)',
      { C1: '2478684691', C4: 'NHSNBR', C5: 'NHSNMBR' },
      { type: { text: 'NHSNMBR' }, value: '2478684691', assigner: { display: 'NHSNBR' } },
    ],
    [
      'effective and expiration dates (PID-2, lfh)',
      {
        C1: '1234567',
        C2: '4',
        C3: 'M11',
        C4: 'test',
        C5: 'MR',
        C6: 'University Hospital',
        C7: '19241011',
        C8: '19241012',
      },
      {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/identifier-checkDigit', valueString: '4' },
          { url: 'http://hl7.org/fhir/StructureDefinition/namingsystem-checkDigit', valueString: 'M11' },
        ],
        type: MR,
        value: '1234567',
        period: { start: '1924-10-11', end: '1924-10-12' },
        assigner: { display: 'test' },
      },
    ],
    [
      'UUID and URI universal ids',
      { C1: 'x', C4: { S2: 'A2D6C1C0-3C8B-4E0C-9F3B-1D2E3F405060', S3: 'UUID' } },
      { system: 'urn:uuid:a2d6c1c0-3c8b-4e0c-9f3b-1d2e3f405060', value: 'x' },
    ],
    [
      'URI namespace',
      { C1: 'x', C4: 'https://hospital.example.org/mrn' },
      { system: 'https://hospital.example.org/mrn', value: 'x' },
    ],
    ['plain string', 'MRNTC14', { value: 'MRNTC14' }],
  ])('%s', (_label, input, expected) => {
    expect(identifiers(input)).toEqual([expected]);
  });

  it('returns every repetition (PID-3 with two identifiers)', () => {
    const result = identifiers([
      { C1: 'PATID1234', C4: 'NIST MPI', C5: 'MR' },
      { C1: '123456789', C4: 'USSSA', C5: 'SS' },
    ]) as { value: string }[];
    expect(result.map((i) => i.value)).toEqual(['PATID1234', '123456789']);
  });

  it('skips repetitions without CX.1 and omits empty input', () => {
    expect(identifiers([{ C4: 'X' }, { C1: 'a' }])).toEqual([{ value: 'a' }]);
    expect(identifiers([{ C4: 'X' }])).toBeUndefined();
    expect(identifiers(null)).toBeUndefined();
  });

  it('uses localIdentifierSystemBase for local namespaces when configured', () => {
    const local = hl7Functions({ localIdentifierSystemBase: 'http://hospital.example.org/id/' });
    expect(identifiers({ C1: 'PATID5421', C4: 'NIST MPI', C5: 'MR' }, local)).toEqual([
      {
        type: MR,
        system: 'http://hospital.example.org/id/NIST%20MPI',
        value: 'PATID5421',
        assigner: { display: 'NIST MPI' },
      },
    ]);
  });

  it('throws for an invalid effective date', () => {
    expect(() => identifiers({ C1: 'a', C7: '20231301' })).toThrow(
      expect.objectContaining({ code: 'invalid-value' }),
    );
  });
});

describe('toPractitioner (XCN)', () => {
  it('maps identifier, name and degree (PV1-7, lfh)', () => {
    // 1122334^Alaz^Mohammed^Mahi^JR^Dr.^MD^^PERSONNELt&1.23&HCD^B^^^BR^^^^^^19241010^19241015^Al
    const input = {
      C1: '1122334',
      C2: 'Alaz',
      C3: 'Mohammed',
      C4: 'Mahi',
      C5: 'JR',
      C6: 'Dr.',
      C7: 'MD',
      C9: { S1: 'PERSONNELt', S2: '1.23', S3: 'HCD' },
      C10: 'B',
      C13: 'BR',
      C19: '19241010',
      C20: '19241015',
      C21: 'Al',
    };
    expect(practitioner(input)).toEqual({
      identifier: {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
              code: 'BR',
              display: 'Birth registry number',
            },
          ],
        },
        value: '1122334',
        assigner: { display: 'PERSONNELt' },
      },
      name: {
        family: 'Alaz',
        given: ['Mohammed', 'Mahi'],
        prefix: ['Dr.'],
        suffix: ['JR', 'Al'],
        period: { start: '1924-10-10', end: '1924-10-15' },
      },
      qualification: [
        {
          code: {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v2-0360',
                code: 'MD',
                display: 'Doctor of Medicine',
              },
            ],
          },
        },
      ],
    });
  });

  it('resolves NPI and name type (ORC-12, lfh), v2.3 short form, first repetition', () => {
    expect(
      practitioner({ C1: '5742200012', C2: 'Radon', C3: 'Nicholas', C9: 'NPI', C10: 'L', C13: 'NPI' }),
    ).toEqual({
      identifier: {
        type: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v2-0203',
              code: 'NPI',
              display: 'National provider identifier',
            },
          ],
        },
        system: 'http://hl7.org/fhir/sid/us-npi',
        value: '5742200012',
      },
      name: { use: 'official', family: 'Radon', given: ['Nicholas'] },
    });
    expect(practitioner([{ C1: '0100', C2: 'ANDERSON', C3: 'CARL' }, { C1: 'other' }])).toEqual({
      identifier: { value: '0100' },
      name: { family: 'ANDERSON', given: ['CARL'] },
    });
    expect(practitioner(undefined)).toBeUndefined();
  });
});
