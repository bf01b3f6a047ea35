import { describe, expect, it } from 'vitest';
import { loadFolder, mapText } from '../harness';

// HL7 `""` (explicit null, JSON null in the parsed tree) means "clear this value", never "has a value".
interface Parts {
  pid22?: string;
  pid29?: string;
  pid30?: string;
  pv1_3?: string;
  pv1_6?: string;
  pv1_19?: string;
  pv1_45?: string;
  in1?: string;
  msh4?: string;
}

const fields = (segment: string, values: Record<number, string>) => {
  const last = Math.max(...Object.keys(values).map(Number));
  const out = [segment];
  for (let n = 1; n <= last; n++) out.push(values[n] ?? '');
  return out.join('|');
};

const adt = (p: Parts, event = 'A01') =>
  [
    `MSH|^~\\&|ADT|${p.msh4 ?? 'HOSP'}|RCV|FAC|20240301101500||ADT^${event}|CTRL1|P|2.5.1`,
    fields('PID', {
      1: '1',
      3: '8801^^^HOSP^MR',
      5: 'Stone^Ava',
      7: '19900215',
      8: 'F',
      22: p.pid22 ?? '',
      29: p.pid29 ?? '',
      30: p.pid30 ?? '',
    }),
    fields('PV1', {
      1: '1',
      2: 'I',
      3: p.pv1_3 ?? '',
      6: p.pv1_6 ?? '',
      19: p.pv1_19 ?? '',
      45: p.pv1_45 ?? '',
    }),
    ...(p.in1 ? [p.in1] : []),
  ].join('\r');

type Resource = Record<string, unknown> & { resourceType: string };

async function map(text: string) {
  const result = await mapText(loadFolder('adt-patient'), text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const entries = result.bundle.entry ?? [];
  const of = (type: string) =>
    entries.filter((e) => (e.resource as Resource).resourceType === type).map((e) => e.resource as Resource);
  return { of, entries };
}

describe('adt-patient treats HL7 null "" as absent', () => {
  it('PV1-45 "" is no discharge: the Encounter is not finished and has no end', async () => {
    const [encounter] = (await map(adt({ pv1_45: '""' }))).of('Encounter');
    expect(encounter?.status).toBe('in-progress');
    expect(encounter?.period).toBeUndefined();
    const [discharged] = (await map(adt({ pv1_45: '20240302120000' }))).of('Encounter');
    expect(discharged?.status).toBe('finished');
  });

  it('PID-29 "" does not suppress deceasedBoolean from PID-30', async () => {
    const [patient] = (await map(adt({ pid29: '""', pid30: 'Y' }))).of('Patient');
    expect(patient?.deceasedBoolean).toBe(true);
    expect(patient?.deceasedDateTime).toBeUndefined();
  });

  it('IN1-3 "" alone names no insurer: no Coverage and no payor Organization', async () => {
    const { of } = await map(adt({ in1: 'IN1|1|PLAN1|""' }));
    expect(of('Coverage')).toEqual([]);
    expect(of('Organization')).toEqual([]);
    expect((await map(adt({ in1: 'IN1|1|PLAN1|""|Acme Health' }))).of('Coverage')).toHaveLength(1);
  });

  it('a "" component in PV1-3 / PV1-6 is skipped, not a failed message', async () => {
    const [encounter] = (await map(adt({ pv1_3: 'W1^""^B2', pv1_6: '""^R2' }))).of('Encounter');
    expect(encounter?.location).toEqual([
      { location: { display: 'W1 B2' }, status: 'active' },
      { location: { display: 'R2' }, status: 'completed' },
    ]);
  });

  it('takes the ethnicity text from the PID-22 repetition that matched the OMB code', async () => {
    const [patient] = (
      await map(adt({ pid22: 'X^Other text~2135-2^Hispanic or Latino (sender)^CDCREC' }))
    ).of('Patient');
    const ext = (
      patient?.extension as { url: string; extension: { url: string; valueString?: string }[] }[]
    )[0];
    expect(ext?.extension.find((e) => e.url === 'text')?.valueString).toBe('Hispanic or Latino (sender)');
    const [nullFirst] = (await map(adt({ pid22: '""~N^Not Hispanic^HL70189' }))).of('Patient');
    const ext2 = (nullFirst?.extension as { extension: { url: string; valueString?: string }[] }[])[0];
    expect(ext2?.extension.find((e) => e.url === 'text')?.valueString).toBe('Not Hispanic');
  });
});

describe('adt-patient Encounter identity (PV1-19 visit number)', () => {
  it('scopes a visit number without assigning authority to the sending facility', async () => {
    const url = async (msh4: string) =>
      (await map(adt({ pv1_19: 'V100', msh4 }))).entries.find(
        (e) => (e.resource as Resource).resourceType === 'Encounter',
      )?.request?.url;
    expect(await url('HOSP')).toBe('Encounter?identifier=http://example.org/fhir/sid/HOSP/visit-number|V100');
    expect(await url('CLINIC')).toBe(
      'Encounter?identifier=http://example.org/fhir/sid/CLINIC/visit-number|V100',
    );
  });

  it('keeps the assigning authority of a visit number that has one', async () => {
    const { entries } = await map(adt({ pv1_19: 'V100^^^ADT1' }));
    const encounter = entries.find((e) => (e.resource as Resource).resourceType === 'Encounter');
    expect(encounter?.request?.url).toBe('Encounter?identifier=http://example.org/fhir/sid/ADT1|V100');
  });
});
