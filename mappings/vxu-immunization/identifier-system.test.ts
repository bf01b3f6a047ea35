import { describe, expect, it } from 'vitest';
import { loadFolder, mapText } from '../harness';

const vxu = (orc3: string, msh4 = 'CLINIC') =>
  [
    `MSH|^~\\&|EHR|${msh4}|IIS|STATE|20240301101500||VXU^V04^VXU_V04|CTRL1|P|2.5.1`,
    'PID|1||8801^^^HOSP^MR||Stone^Ava||19900215|F',
    `ORC|RE||${orc3}`,
    'RXA|0|1|20240301||08^HepB^CVX|0.5|mL^mL^UCUM||00^New^NIP001',
  ].join('\r');

async function immunizationIdentifier(text: string): Promise<unknown> {
  const result = await mapText(loadFolder('vxu-immunization'), text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const entry = result.bundle.entry!.find(
    (e) => (e.resource as { resourceType: string }).resourceType === 'Immunization',
  );
  return (entry!.resource as { identifier?: unknown[] }).identifier?.[0];
}

describe('vxu-immunization order identifiers (ORC-2 / ORC-3)', () => {
  it('scopes a filler number without namespace to the sending facility', async () => {
    expect(await immunizationIdentifier(vxu('IMM-1'))).toMatchObject({
      system: 'http://example.org/fhir/sid/CLINIC/filler-order-number',
      value: 'IMM-1',
    });
  });

  it('keeps the namespace system when ORC-3 has one', async () => {
    expect(await immunizationIdentifier(vxu('IMM-1^DCS'))).toMatchObject({
      system: 'http://example.org/fhir/sid/DCS',
      value: 'IMM-1',
    });
  });
});
