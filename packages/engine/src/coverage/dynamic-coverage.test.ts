import { describe, expect, it } from 'vitest';
import { ADT_A01 } from '../__fixtures__/adt-a01';
import { oruMapping } from '../__fixtures__/oru-mapping';
import type { MappingInput, MappingNode } from '../model';
import { mapMessage } from '../runtime/run-mapping';

/** Unused field ids of one run (validation off: coverage does not depend on it). */
async function unusedOf(mapping: MappingInput, text: string): Promise<string[]> {
  const r = await mapMessage(mapping, text, { validate: false });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.coverage?.unused.map((u) => u.field) ?? [];
}

//  ┌────────────┐     ┌──────────────────────────┐
//  │ family     ├────►│ patient (Patient)        │ name.family
//  │ PID.F5.C1  │     │ + whatever the test adds │
//  └────────────┘     └──────────────────────────┘
const patientMapping = (
  extra: { nodes: MappingNode[]; element: string; from: string } | undefined,
  target: { condition?: string } = {},
): MappingInput => ({
  id: 'patient-only',
  name: 'Patient only',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1' },
    ...(extra?.nodes ?? []),
    { id: 'patient', type: 'target', resourceType: 'Patient', ...target },
  ],
  edges: [
    { id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' },
    ...(extra ? [{ id: 'e2', source: extra.from, target: 'patient', targetHandle: extra.element }] : []),
  ],
});

// An OBX and an SPM but no OBR (from mappings/oru-lab's lfh__…specimen_multiple_type_coding sample): the
// parser still opens an ORDER_OBSERVATION, and a report that needs its order makes nothing, so only the
// Patient is made and the result value is dropped.
const OBX_WITHOUT_OBR = [
  'MSH|^~\\&|Amalga HIS|BUM|New Tester|MS|20111121103141||ORU^R01|2847970-201111211031|P|2.6',
  'PID|1|465 306 5961|000010016^^^MR||Wood^Patrick^^Sr^MR||19700101|F',
  'OBX|1|NM|0135-4^TotalProtein||7.3|gm/dl|5.9-8.4||||F',
  'SPM|1|SpecimenID||BLOOD^Blood^^87612001^BLOOD^SCT|||||||P',
].join('\r');

//  ┌──────────┐      ┌──────────────────────────────┐
//  │ patient  │◄─────┤ report (DiagnosticReport)    │ for each ORDER_OBSERVATION, condition: OBR
//  └──────────┘      └──────────────▲───────────────┘
//                    ┌──────────────┴───────────────┐
//                    │ obs (Observation)  OBX-3/5/6 │ for each OBSERVATION of each report
//                    └──────────────────────────────┘
const reportNeedsOrder: MappingInput = {
  ...oruMapping,
  nodes: oruMapping.nodes.map((n) => (n.id === 'report' ? { ...n, condition: 'OBR' } : n)),
};

describe('coverage is what this run read', () => {
  it('reports the OBX and SPM of a message without OBR as unused: no report, so no observation', async () => {
    const r = await mapMessage(reportNeedsOrder, OBX_WITHOUT_OBR, { validate: false });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.entry?.map((e) => e.resource.resourceType)).toEqual(['Patient']);
    const unused = r.coverage?.unused.map((u) => u.field) ?? [];
    expect(unused).toEqual(expect.arrayContaining(['OBX-2', 'OBX-3', 'OBX-5', 'OBX-6', 'SPM-2', 'SPM-4']));
    expect(r.coverage?.unused).toContainEqual({ field: 'OBX-5', sample: '7.3', count: 1 });
    expect(unused).not.toContain('PID-3'); // read by the Patient's identifier
    expect(unused).not.toContain('PID-5');
  });

  //  ┌────────────┐     ┌────────────────────────┐
  //  │ family     ├────►│ patient (Patient)      │ condition: PV1 (only that a visit exists)
  //  └────────────┘     └────────────────────────┘
  it('does not count a condition on a segment as reading its fields', async () => {
    const unused = await unusedOf(patientMapping(undefined, { condition: 'PV1' }), ADT_A01);
    expect(unused).toEqual(expect.arrayContaining(['PV1-1', 'PV1-2', 'PV1-3']));
    // a condition that names a field does read it
    const byClass = await unusedOf(patientMapping(undefined, { condition: "PV1.F2 = 'I'" }), ADT_A01);
    expect(byClass).not.toContain('PV1-2');
    expect(byClass).toContain('PV1-3');
  });

  //  ┌──────────────────────────────────────────┐     ┌───────────┐
  //  │ contact: PID-8 = 'F' ? PID-13 : PID-11   ├────►│ patient   │ telecom.value
  //  └──────────────────────────────────────────┘     └───────────┘
  it('reports a field read only in a branch this message did not take', async () => {
    const contact: MappingNode = {
      id: 'contact',
      type: 'source',
      path: "PID.F8 = 'F' ? PID.F13.C1 : PID.F11.C3",
    };
    const unused = await unusedOf(
      patientMapping({ nodes: [contact], element: 'telecom.value', from: 'contact' }),
      ADT_A01, // PID-8 is M
    );
    expect(unused).toContain('PID-13');
    expect(unused).not.toContain('PID-11');
    expect(unused).not.toContain('PID-8');
  });

  //  ┌────────────┐     ┌─────────────────────────────┐     ┌───────────┐
  //  │ family     ├────►│ label: $f & ' ' & PID-13.1  ├────►│ patient   │ name.text
  //  └────────────┘     └─────────────────────────────┘     └───────────┘
  it('counts a field a transform expression reads', async () => {
    const label: MappingNode = {
      id: 'label',
      type: 'transform',
      inputs: ['f'],
      expression: "$f & ' ' & PID.F13.C1",
    };
    const mapping = patientMapping({ nodes: [label], element: 'name.text', from: 'label' });
    mapping.edges.push({ id: 'e3', source: 'family', target: 'label', targetHandle: 'f' });
    const unused = await unusedOf(mapping, ADT_A01);
    expect(unused).not.toContain('PID-13');
    expect(unused).toContain('PID-7');
  });

  //  ┌─────────────┐     ┌──────────────────────────────┐
  //  │ value (col) ├────►│ obs (Observation)            │ valueString
  //  └─────────────┘     │ one per rows[flag = 'Y']     │
  //                      └──────────────────────────────┘
  it('reports CSV cells no evaluation read, per row: for-each over rows reads no column', async () => {
    const csv: MappingInput = {
      id: 'csv-flagged',
      name: 'Flagged rows',
      source: { format: 'csv' },
      nodes: [
        { id: 'value', type: 'source', path: 'value' },
        { id: 'obs', type: 'target', resourceType: 'Observation', forEach: "rows[flag = 'Y']" },
      ],
      edges: [{ id: 'e1', source: 'value', target: 'obs', targetHandle: 'valueString' }],
    };
    const r = await mapMessage(csv, 'flag,value,note\nY,1,a\nN,2,b\nY,3,\n', { validate: false });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.coverage).toEqual({
      total: 8,
      used: 5, // three flags (the predicate reads every row) and the two values of flagged rows
      unused: [
        { field: 'rows.note', sample: 'a', count: 2 },
        { field: 'rows.value', sample: '2', count: 1 },
      ],
    });
  });

  it('logs nothing and installs no hook when coverage is off', async () => {
    const r = await mapMessage(reportNeedsOrder, OBX_WITHOUT_OBR, { validate: false, coverage: false });
    expect(r.ok && r.coverage).toBeUndefined();
    // a run with coverage after it still sees its own reads only
    expect(await unusedOf(reportNeedsOrder, OBX_WITHOUT_OBR)).toContain('OBX-5');
  });

  it('keeps concurrent runs of one program apart', async () => {
    const withObr = OBX_WITHOUT_OBR.replace('\rOBX', '\rOBR|1||555|0135-4^TotalProtein\rOBX');
    const [without, withOrder, off] = await Promise.all([
      mapMessage(reportNeedsOrder, OBX_WITHOUT_OBR, { validate: false }),
      mapMessage(reportNeedsOrder, withObr, { validate: false }),
      mapMessage(reportNeedsOrder, withObr, { validate: false, coverage: false }),
    ]);
    const fields = (r: typeof without) => (r.ok ? (r.coverage?.unused.map((u) => u.field) ?? []) : []);
    expect(fields(without)).toContain('OBX-5');
    expect(fields(withOrder)).not.toContain('OBX-5');
    expect(off.ok && off.coverage).toBeUndefined();
  });
});
