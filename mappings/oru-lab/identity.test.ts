import { describe, expect, it } from 'vitest';
import { loadFolder, mapText } from '../harness';

interface Obx {
  code: string;
  subId?: string;
  value?: string;
  status?: string;
  instance?: string;
}

const obx = (o: Obx, i: number) =>
  [
    `OBX|${i + 1}|NM|${o.code}^Test^LN|${o.subId ?? ''}|${o.value ?? '1'}|mg/dL|||||${o.status ?? 'F'}`,
    '', // OBX-12..20
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    o.instance ?? '',
  ].join('|');

const oru = (obr2: string, obr3: string, results: Obx[], msh4 = 'LABA') =>
  [
    `MSH|^~\\&|LIS|${msh4}|EHR|HOSP|20240301101500||ORU^R01|CTRL1|P|2.5.1`,
    'PID|1||8801^^^HOSP^MR||Stone^Ava||19900215|F',
    `OBR|1|${obr2}|${obr3}|24331-1^Lipid panel^LN|||20240301090000`,
    ...results.map(obx),
  ].join('\r');

async function requests(text: string): Promise<Record<string, string[]>> {
  const result = await mapText(loadFolder('oru-lab'), text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const out: Record<string, string[]> = {};
  for (const e of result.bundle.entry ?? []) {
    const type = (e.resource as { resourceType: string }).resourceType;
    (out[type] ??= []).push(`${e.request?.method} ${e.request?.url}`);
  }
  return out;
}

describe('oru-lab DiagnosticReport identity (OBR-3 / OBR-2)', () => {
  it('scopes a filler number without namespace to the sending facility (MSH-4)', async () => {
    const a = await requests(oru('', 'FO1', [{ code: '2093-3' }], 'LABA'));
    const b = await requests(oru('', 'FO1', [{ code: '2093-3' }], 'LAB B'));
    expect(a.DiagnosticReport).toEqual([
      'PUT DiagnosticReport?identifier=http://example.org/fhir/sid/LABA/filler-order-number|FO1',
    ]);
    expect(b.DiagnosticReport).toEqual([
      'PUT DiagnosticReport?identifier=http://example.org/fhir/sid/LAB%2520B/filler-order-number|FO1',
    ]);
  });

  it('scopes a placer-only number to the sender too, apart from filler numbers', async () => {
    const r = await requests(oru('PO7', '', [{ code: '2093-3' }]));
    expect(r.DiagnosticReport).toEqual([
      'PUT DiagnosticReport?identifier=http://example.org/fhir/sid/LABA/placer-order-number|PO7',
    ]);
  });

  it('keeps the system of an EI with a namespace or an ISO universal id', async () => {
    expect((await requests(oru('', 'FO1^CHEMLAB', [{ code: '2093-3' }]))).DiagnosticReport).toEqual([
      'PUT DiagnosticReport?identifier=http://example.org/fhir/sid/CHEMLAB|FO1',
    ]);
    expect((await requests(oru('', 'FO1^^1.2.3^ISO', [{ code: '2093-3' }]))).DiagnosticReport).toEqual([
      'PUT DiagnosticReport?identifier=urn:oid:1.2.3|FO1',
    ]);
  });
});

describe('oru-lab Observation identity', () => {
  const base = 'http://example.org/fhir/sid/LABA/filler-order-number';

  it('maps the same message twice to the same request URLs', async () => {
    const text = oru('PO7', 'FO1', [{ code: '2093-3' }, { code: '2571-8' }]);
    const first = await requests(text);
    expect(await requests(text)).toEqual(first);
    expect(first.Observation).toEqual([
      `PUT Observation?identifier=${base}|FO1/2093-3`,
      `PUT Observation?identifier=${base}|FO1/2571-8`,
    ]);
  });

  it('gives a corrected result (OBX-11 C) the same PUT URL as the final one', async () => {
    const final = await requests(oru('', 'FO1', [{ code: '2093-3', value: '180', status: 'F' }]));
    const corrected = await requests(oru('', 'FO1', [{ code: '2093-3', value: '185', status: 'C' }]));
    expect(corrected.Observation).toEqual(final.Observation);
    expect(final.Observation?.[0]).toMatch(/^PUT /);
  });

  it('tells two OBX with the same code apart by OBX-4 sub-id', async () => {
    const r = await requests(
      oru('', 'FO1', [
        { code: '2093-3', subId: '1' },
        { code: '2093-3', subId: '2' },
      ]),
    );
    expect(r.Observation).toEqual([
      `PUT Observation?identifier=${base}|FO1/2093-3/1`,
      `PUT Observation?identifier=${base}|FO1/2093-3/2`,
    ]);
  });

  it('uses OBX-21 when it is sent, with its own or the sender-scoped system', async () => {
    const r = await requests(
      oru('', 'FO1', [
        { code: '2093-3', instance: 'OI-9^LISNS' },
        { code: '2571-8', instance: 'OI-10' },
      ]),
    );
    expect(r.Observation).toEqual([
      'PUT Observation?identifier=http://example.org/fhir/sid/LISNS|OI-9',
      'PUT Observation?identifier=http://example.org/fhir/sid/LABA/observation-instance|OI-10',
    ]);
  });
});
