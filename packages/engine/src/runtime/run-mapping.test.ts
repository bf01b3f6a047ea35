import { describe, expect, it } from 'vitest';
import { ADT_A01, ADT_A01_SEX_X } from '../__fixtures__/adt-a01';
import { adtPatientMapping } from '../__fixtures__/adt-patient-mapping';
import { ORU_TWO_OBR } from '../__fixtures__/oru-two-obr';
import { oruMapping } from '../__fixtures__/oru-mapping';
import { compileMapping } from '../compiler/compile';
import type { MappingInput } from '../model';
import { mapMessage, runMapping, type RunResult } from './run-mapping';

type Ok = Extract<RunResult, { ok: true }>;
const ok = (r: RunResult): Ok => {
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
};

describe('ADT -> Patient (source -> transform -> target)', () => {
  it('fills name, gender (via the transform), birthDate and identifier', async () => {
    const r = ok(await mapMessage(adtPatientMapping, ADT_A01));
    expect(r.bundle.entry).toHaveLength(1);
    expect(r.bundle.entry?.[0]?.resource).toEqual({
      resourceType: 'Patient',
      identifier: [{ system: 'urn:oid:1.2.3.4', value: '12345' }],
      name: [{ family: 'DOE', given: ['JOHN'] }],
      gender: 'male',
      birthDate: '1980-01-01',
    });
    expect(r.issues).toEqual([]);
  });

  it('writes a conditional update from the identity', async () => {
    const r = ok(await mapMessage(adtPatientMapping, ADT_A01));
    expect(r.bundle.entry?.[0]?.request).toEqual({
      method: 'PUT',
      url: 'Patient?identifier=urn:oid:1.2.3.4|12345',
    });
    expect(r.bundle.entry?.[0]?.fullUrl).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('gives the same uuids for the same message, and different ones for another message', async () => {
    const a = ok(await mapMessage(adtPatientMapping, ADT_A01));
    const b = ok(await mapMessage(adtPatientMapping, ADT_A01));
    const c = ok(await mapMessage(adtPatientMapping, ADT_A01.replace('MSG00001', 'MSG00002')));
    expect(b.bundle.entry?.[0]?.fullUrl).toBe(a.bundle.entry?.[0]?.fullUrl);
    expect(c.bundle.entry?.[0]?.fullUrl).not.toBe(a.bundle.entry?.[0]?.fullUrl);
  });

  it('refuses a message type the mapping does not accept, naming MSH-9', async () => {
    const r = await mapMessage(adtPatientMapping, ORU_TWO_OBR);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        code: 'message-type-not-accepted',
        at: { segment: 'MSH', field: 9 },
      });
  });

  it('returns the parser errors for text that is not HL7, without throwing', async () => {
    const r = await mapMessage(adtPatientMapping, 'hello world');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.code).toMatch(/^hl7-/);
  });

  it('omits empty values: no empty strings, arrays or objects reach the resource', async () => {
    const noName = ADT_A01.replace('DOE^JOHN^Q', '');
    const r = ok(await mapMessage(adtPatientMapping, noName));
    expect(r.bundle.entry?.[0]?.resource).not.toHaveProperty('name');
  });

  it('validates the output and puts the issue on the node that produced it', async () => {
    const badGender: MappingInput = {
      ...adtPatientMapping,
      nodes: adtPatientMapping.nodes.map((n) =>
        n.id === 'gender' ? { ...n, expression: "$sex = 'M' ? 'male' : 'robot'" } : n,
      ),
    };
    const r = ok(await mapMessage(badGender, ADT_A01_SEX_X));
    const issue = r.issues.find((i) => i.expression?.[0]?.includes('gender'));
    expect(issue).toMatchObject({ nodeId: 'gender', targetId: 'patient', edgeId: 'e6', entryIndex: 0 });
  });
});

describe('ORU with two OBRs: one Observation per OBX under its own DiagnosticReport', () => {
  it('makes 1 Patient, 2 DiagnosticReports and 10 Observations, each report listing its own five', async () => {
    const r = ok(await mapMessage(oruMapping, ORU_TWO_OBR));
    const entries = r.bundle.entry ?? [];
    const types = entries.map((e) => e.resource.resourceType);
    expect(types.filter((t) => t === 'Observation')).toHaveLength(10);
    const reports = entries.filter((e) => e.resource.resourceType === 'DiagnosticReport');
    expect(reports).toHaveLength(2);
    const codesOf = (report: (typeof entries)[number]): string[] =>
      (report.resource.result as Array<{ reference: string }>).map((ref) => {
        const obs = entries.find((e) => e.fullUrl === ref.reference);
        return (obs?.resource.code as { coding: Array<{ code: string }> }).coding[0]?.code ?? '';
      });
    expect(codesOf(reports[0] as (typeof entries)[number])).toEqual([
      '11156-7',
      '11273-0',
      '20509-6',
      '20570-8',
      '11125-2',
    ]);
    expect(codesOf(reports[1] as (typeof entries)[number])).toEqual([
      '23761-0',
      '26450-7',
      '26478-8',
      '26485-3',
      '30180-4',
    ]);
  });

  it('resolves references to urn:uuid fullUrls inside the bundle', async () => {
    const r = ok(await mapMessage(oruMapping, ORU_TWO_OBR));
    const entries = r.bundle.entry ?? [];
    const patientUrl = entries[0]?.fullUrl;
    for (const e of entries.slice(1)) expect(e.resource.subject).toEqual({ reference: patientUrl });
    const urls = new Set(entries.map((e) => e.fullUrl));
    expect(urls.size).toBe(entries.length);
  });

  it('writes a conditional create (ifNoneExist) and plain POSTs', async () => {
    const r = ok(await mapMessage(oruMapping, ORU_TWO_OBR));
    expect(r.bundle.entry?.[0]?.request).toEqual({
      method: 'POST',
      url: 'Patient',
      ifNoneExist: 'identifier=urn:oid:1.2.3.4|10006579',
    });
    expect(r.bundle.entry?.[1]?.request).toEqual({ method: 'POST', url: 'DiagnosticReport' });
  });

  it('omits valueQuantity when OBX-5 is empty', async () => {
    const r = ok(await mapMessage(oruMapping, ORU_TWO_OBR));
    const leukocytes = r.bundle.entry?.find((e) =>
      String(JSON.stringify(e.resource.code)).includes('11156-7'),
    );
    expect(leukocytes?.resource).not.toHaveProperty('valueQuantity');
  });
});

describe('conditions and constants', () => {
  //  ┌─────────────┐     ┌──────────────────────────────┐
  //  │ status      ├────►│ obs (Observation) per OBX     │
  //  │ "final"     │     │ only when OBX-2 = 'NM' and    │
  //  └─────────────┘     │ OBX-5 has a value             │
  //                      └──────────────────────────────┘
  const withCondition = (condition: string): MappingInput => ({
    id: 'cond',
    name: 'Condition',
    source: { format: 'hl7v2' },
    nodes: [
      { id: 'status', type: 'constant', value: 'final' },
      {
        id: 'obs',
        type: 'target',
        resourceType: 'Observation',
        forEach: 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION',
        condition,
      },
    ],
    edges: [{ id: 'e1', source: 'status', target: 'obs', targetHandle: 'status' }],
  });

  it('produces no resource when the condition is false', async () => {
    const r = ok(await mapMessage(withCondition("OBX.F2.C1 = 'ST'"), ORU_TWO_OBR));
    expect(r.bundle.entry).toBeUndefined();
  });

  it('produces one resource per item for which the condition holds, with the constant', async () => {
    const r = ok(await mapMessage(withCondition('$exists(OBX.F5)'), ORU_TWO_OBR));
    expect(r.bundle.entry).toHaveLength(8);
    expect(r.bundle.entry?.[0]?.resource).toEqual({ resourceType: 'Observation', status: 'final' });
  });
});

describe('runMapping with a compiled mapping', () => {
  it('reports timings and does not repeat the compile', async () => {
    const compiled = compileMapping(adtPatientMapping);
    if (!compiled.ok) throw new Error('compile');
    expect(compileMapping(structuredClone(adtPatientMapping))).toMatchObject({
      ok: true,
      value: compiled.value,
    });
    const r = ok(await runMapping(compiled.value, ADT_A01, { validate: false }));
    expect(r.timings.totalMs).toBeGreaterThanOrEqual(0);
  });
});

describe('references between siblings', () => {
  //  ┌──────────────┐ parent ┌──────────┐
  //  │ report       │◄───────┤ specimen │ one per SPM of each report
  //  │ per OBR      │◄──┐    └────▲─────┘
  //  └──────────────┘   │ parent  │ specimen (same report)
  //                     └─────────┴ obs: one per OBX of each report
  const withSpecimen: MappingInput = {
    ...oruMapping,
    nodes: [
      ...oruMapping.nodes.filter((n) => n.id !== 'obs'),
      { id: 'specimenType', type: 'source', path: 'SPM.F4.C1' },
      { id: 'specimen', type: 'target', resourceType: 'Specimen', parent: 'report', forEach: 'SPECIMEN' },
      {
        id: 'obs',
        type: 'target',
        resourceType: 'Observation',
        parent: 'report',
        forEach: 'OBSERVATION',
        references: [{ element: 'specimen', target: 'specimen' }],
      },
    ],
    edges: [
      ...oruMapping.edges,
      { id: 'e20', source: 'specimenType', target: 'specimen', targetHandle: 'type.text' },
    ],
  };

  it('point each Observation at the Specimen of its own report', async () => {
    const r = ok(await mapMessage(withSpecimen, ORU_TWO_OBR, { validate: false }));
    const entries = r.bundle.entry ?? [];
    const specimens = entries.filter((e) => e.resource.resourceType === 'Specimen').map((e) => e.fullUrl);
    expect(specimens).toHaveLength(2);
    const obs = entries.filter((e) => e.resource.resourceType === 'Observation');
    expect(obs.slice(0, 5).map((o) => (o.resource.specimen as { reference: string }).reference)).toEqual(
      Array(5).fill(specimens[0]),
    );
    expect(obs.slice(5).map((o) => (o.resource.specimen as { reference: string }).reference)).toEqual(
      Array(5).fill(specimens[1]),
    );
  });
});
