import { describe, expect, it } from 'vitest';
import { loadFolder, mapText } from '../harness';

const adt = (in1_17: string) =>
  [
    'MSH|^~\\&|ADT|HOSP|RCV|FAC|20240301101500||ADT^A01|CTRL1|P|2.5.1',
    'PID|1||8801^^^HOSP^MR||Stone^Ava||19900215|F',
    'PV1|1|I',
    `IN1|1|PLAN1^Gold|PAYER9^^^NAIC^NIIP|Acme Health||||||||||||Stone^Mark|${in1_17}`,
  ].join('\r');

async function coverageOf(in1_17: string): Promise<Record<string, unknown>> {
  const result = await mapText(loadFolder('adt-patient'), adt(in1_17));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const entry = result.bundle.entry!.find(
    (e) => (e.resource as { resourceType: string }).resourceType === 'Coverage',
  );
  return entry!.resource as Record<string, unknown>;
}

describe('adt-patient Coverage.subscriber (IN1-16 insured, IN1-17 relationship)', () => {
  it('names the insured when the relationship is another person', async () => {
    const coverage = await coverageOf('SPO^Spouse');
    expect(coverage.subscriber).toEqual({ display: 'Mark Stone' });
    expect(coverage.relationship).toMatchObject({ coding: [{ code: 'spouse' }] });
  });

  it('names the insured when the relationship is not sent, rather than dropping the name', async () => {
    expect((await coverageOf('')).subscriber).toEqual({ display: 'Mark Stone' });
  });

  it('leaves subscriber out when the insured is the patient', async () => {
    const coverage = await coverageOf('SEL^Self');
    expect(coverage.subscriber).toBeUndefined();
    expect(coverage.relationship).toMatchObject({ coding: [{ code: 'self' }] });
  });
});
