import { describe, expect, it } from 'vitest';
import { hl7Functions } from './index';

const fns = hl7Functions({ defaultTimeZone: '+01:00' });
const names = (input: unknown) => fns.toHumanName!.implementation(input);
const addresses = (input: unknown) => fns.toAddress!.implementation(input);

describe('toHumanName (XPN)', () => {
  it.each([
    [
      'v2.3 plain family (PID-5 "Jones^William^A^JR^^^L")',
      { C1: 'Jones', C2: 'William', C3: 'A', C4: 'JR', C7: 'L' },
      [{ use: 'official', family: 'Jones', given: ['William', 'A'], suffix: ['JR'] }],
    ],
    [
      'v2.5 FN with partner surname, degree, validity, professional suffix, called-by (lfh)',
      // EVERYMAN&&&&Aniston^ADAM^A^III^Dr.^MD^D^^^19241012^^^^PF^Addsm
      {
        C1: { S1: 'EVERYMAN', S5: 'Aniston' },
        C2: 'ADAM',
        C3: 'A',
        C4: 'III',
        C5: 'Dr.',
        C6: 'MD',
        C7: 'D',
        C10: '19241012',
        C14: 'PF',
        C15: 'Addsm',
      },
      [
        {
          use: 'usual',
          family: 'EVERYMAN',
          _family: {
            extension: [
              {
                url: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name',
                valueString: 'Aniston',
              },
            ],
          },
          given: ['ADAM', 'A'],
          prefix: ['Dr.'],
          suffix: ['III', 'MD', 'PF'],
          period: { start: '1924-10-12' },
        },
        { use: 'nickname', given: ['Addsm'] },
      ],
    ],
    [
      'no XPN.2 but XPN.3, effective and expiration dates (lfh)',
      // Josh&&&&Bing^^stanley^^^^L^^^^^19241010^19241015
      { C1: { S1: 'Josh', S5: 'Bing' }, C3: 'stanley', C7: 'L', C12: '19241010', C13: '19241015' },
      [
        {
          use: 'official',
          family: 'Josh',
          _family: {
            extension: [
              { url: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name', valueString: 'Bing' },
            ],
          },
          given: ['stanley'],
          period: { start: '1924-10-10', end: '1924-10-15' },
        },
      ],
    ],
    [
      'FN with own surname prefix ("VAN DER BERG")',
      { C1: { S1: 'VAN DER BERG', S2: 'VAN DER', S3: 'BERG' }, C2: 'Anna' },
      [
        {
          family: 'VAN DER BERG',
          _family: {
            extension: [
              { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix', valueString: 'VAN DER' },
              { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name', valueString: 'BERG' },
            ],
          },
          given: ['Anna'],
        },
      ],
    ],
    [
      'name type outside the ConceptMap gives no use (msft "CURRENT")',
      { C1: 'Esterkin', C2: 'AKI Scenario 6', C5: 'Miss', C7: 'CURRENT' },
      [{ family: 'Esterkin', given: ['AKI Scenario 6'], prefix: ['Miss'] }],
    ],
    ['a plain string is the family name', 'Davis', [{ family: 'Davis' }]],
    ['name type in lower case still maps', { C1: 'Smith', C7: 'm' }, [{ use: 'maiden', family: 'Smith' }]],
  ])('%s', (_label, input, expected) => {
    expect(names(input)).toEqual(expected);
  });

  it('returns one entry per repetition, skipping empty ones, always as an array', () => {
    const result = names([{ C1: 'A' }, { C1: null }, { C2: 'B' }]);
    expect(result).toEqual([{ family: 'A' }, { given: ['B'] }]);
    expect(names({ C1: 'A' })).toEqual([{ family: 'A' }]);
  });

  it.each([undefined, null, [], [{ C7: 'L' }]])('omits %j', (input) => {
    expect(names(input)).toBeUndefined();
  });

  it('throws for an invalid validity date', () => {
    expect(() => names({ C1: 'A', C12: '19241399' })).toThrow(/invalid month/);
  });
});

describe('toAddress (XAD)', () => {
  it.each([
    [
      'v2.5 SAD subcomponents, type M, district CWE (lfh)',
      // 1000&Hospital Lane^Ste. 123^Ann Arbor ^MI^99999^USA^M^^&W
      {
        C1: { S1: '1000', S2: 'Hospital Lane' },
        C2: 'Ste. 123',
        C3: 'Ann Arbor ',
        C4: 'MI',
        C5: '99999',
        C6: 'USA',
        C7: 'M',
        C9: { S2: 'W' },
      },
      [
        {
          type: 'postal',
          line: ['1000', 'Hospital Lane', 'Ste. 123'],
          city: 'Ann Arbor',
          district: 'W',
          state: 'MI',
          postalCode: '99999',
          country: 'USA',
        },
      ],
    ],
    [
      'v2.3 home address',
      { C1: '2100 Kennwood Ave', C2: 'Apt 41', C3: 'Los Angeles', C4: 'CA', C5: '90067', C7: 'H' },
      [
        {
          use: 'home',
          line: ['2100 Kennwood Ave', 'Apt 41'],
          city: 'Los Angeles',
          state: 'CA',
          postalCode: '90067',
        },
      ],
    ],
    [
      'address type outside table 0190 (msft "HOME")',
      { C1: '170 Juice Place', C3: 'London', C5: 'RW21 6KC', C6: 'GBR', C7: 'HOME' },
      [{ line: ['170 Juice Place'], city: 'London', postalCode: 'RW21 6KC', country: 'GBR' }],
    ],
    [
      'bad address, county as IS, dates',
      { C1: '1 Old St', C7: 'BA', C9: 'Washtenaw', C13: '20010101', C14: '20050101' },
      [
        {
          use: 'old',
          line: ['1 Old St'],
          district: 'Washtenaw',
          period: { start: '2001-01-01', end: '2005-01-01' },
        },
      ],
    ],
  ])('%s', (_label, input, expected) => {
    expect(addresses(input)).toEqual(expected);
  });

  it('skips repetitions holding only a type', () => {
    expect(addresses([{ C7: 'H' }, { C3: 'Oldtown' }])).toEqual([{ city: 'Oldtown' }]);
  });
});
