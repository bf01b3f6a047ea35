import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { hl7Functions } from './index';

function compile(expression: string) {
  const expr = jsonata(expression);
  for (const [name, fn] of Object.entries(hl7Functions({ defaultTimeZone: '-05:00' }))) {
    expr.registerFunction(name, fn.implementation, fn.signature);
  }
  return expr;
}

// PID|1||PATID1234^^^NIST MPI&2.16.840.1.113883.3.72.5.30.2&ISO^MR~123456789^^^USSSA^SS||Jones^William^A^JR^^^L||196106151030|M
const tree = {
  PID: {
    F3: [
      { C1: 'PATID1234', C4: { S1: 'NIST MPI', S2: '2.16.840.1.113883.3.72.5.30.2', S3: 'ISO' }, C5: 'MR' },
      { C1: '123456789', C4: { S1: 'USSSA' }, C5: 'SS' },
    ],
    F5: [{ C1: 'Jones', C2: 'William', C3: 'A', C4: 'JR', C7: 'L' }],
    F7: [{ C1: '196106151030' }],
    F8: [{ C1: 'M' }],
    F10: [
      { C1: '2106-3', C2: 'White', C3: 'HL70005' },
      { C1: '2028-9', C2: 'Asian', C3: 'HL70005' },
    ],
  },
};

describe('registered in JSONata', () => {
  it('converts fields as the mapping compiler calls them', async () => {
    const result = await compile(`{
      "identifier": $toIdentifier(PID.F3),
      "name": $toHumanName(PID.F5),
      "birthDate": $toDate(PID.F7),
      "deceasedDateTime": $toDateTime(PID.F29),
      "race": PID.F10.$toCodeableConcept($),
      "time": $toDateTime(PID.F7)
    }`).evaluate(tree);
    // JSONata sequences carry extra properties; compare the JSON the executor will emit.
    expect(JSON.parse(JSON.stringify(result))).toEqual({
      identifier: [
        expect.objectContaining({ system: 'urn:oid:2.16.840.1.113883.3.72.5.30.2', value: 'PATID1234' }),
        expect.objectContaining({ system: 'http://hl7.org/fhir/sid/us-ssn', value: '123456789' }),
      ],
      name: [{ use: 'official', family: 'Jones', given: ['William', 'A'], suffix: ['JR'] }],
      birthDate: '1961-06-15',
      race: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v2-0005', code: '2106-3', display: 'White' },
          ],
          text: 'White',
        },
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/v2-0005', code: '2028-9', display: 'Asian' },
          ],
          text: 'Asian',
        },
      ],
      time: '1961-06-15T10:30:00-05:00',
    });
  });

  it('rejects with the typed error, which JSONata annotates with its position', async () => {
    await expect(
      compile('$toDateTime(PID.F7)').evaluate({ PID: { F7: [{ C1: '19611315' }] } }),
    ).rejects.toMatchObject({
      code: 'invalid-value',
      datatype: 'DTM->dateTime',
      value: '19611315',
      position: expect.any(Number),
    });
  });
});
