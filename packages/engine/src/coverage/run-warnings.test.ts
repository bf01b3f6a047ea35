import { describe, expect, it } from 'vitest';
import { ADT_A01, ADT_A01_SEX_X } from '../__fixtures__/adt-a01';
import type { MappingInput } from '../model';
import type { TerminologyPort } from '../runtime/ports';
import { mapMessage } from '../runtime/run-mapping';

//  ┌────────────┐     ┌──────────────────────┐     ┌──────────────────────────┐
//  │ sex        ├────►│ gender (lookup)      ├────►│ patient (Patient)        │ gender
//  │ PID.F8.C1  │     │ map "sex", default   │     │ condition: as the test   │
//  └────────────┘     └──────────────────────┘     └──────────────────────────┘
const mapping = (condition?: string): MappingInput => ({
  id: 'warnings',
  name: 'Warnings',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'sex', type: 'source', path: '[PID.F8.C1, PID.F8.C1]' }, // the same code twice
    { id: 'gender', type: 'lookup', conceptMap: 'sex', unmapped: { policy: 'default', code: 'unknown' } },
    { id: 'patient', type: 'target', resourceType: 'Patient', ...(condition && { condition }) },
  ],
  edges: [
    { id: 'e1', source: 'sex', target: 'gender', targetHandle: 'code' },
    { id: 'e2', source: 'gender', target: 'patient', targetHandle: 'gender' },
  ],
});

const terminology: TerminologyPort = {
  translate: (_map, code) => (code === 'M' ? { found: true, code: 'male' } : { found: false }),
};

describe('run warnings for quiet data loss', () => {
  it('warns once per distinct code a lookup defaulted, with the code in `at` only', async () => {
    const r = await mapMessage(mapping(), ADT_A01_SEX_X, { terminology, validate: false });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.unmapped).toHaveLength(2);
    const warnings = r.warnings.filter((w) => w.code === 'unmapped-code');
    expect(warnings).toEqual([
      {
        code: 'unmapped-code',
        message: 'Lookup "gender": a code is not in ConceptMap "sex"; the default code was used.',
        at: { nodeId: 'gender', conceptMap: 'sex', code: 'X' },
      },
    ]);
  });

  it('does not warn when every code is found', async () => {
    const r = await mapMessage(mapping(), ADT_A01, { terminology, validate: false });
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('warns when a message with content makes no resource, at the top-level target', async () => {
    const r = await mapMessage(mapping('ZZZ'), ADT_A01, { terminology, validate: false });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.entry).toBeUndefined();
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'no-resources', at: { nodeId: 'patient' } }),
    ]);
  });

  it('does not warn about an empty bundle from a CSV file without rows', async () => {
    const csv: MappingInput = {
      id: 'csv',
      name: 'CSV',
      source: { format: 'csv' },
      nodes: [
        { id: 'v', type: 'source', path: 'value' },
        { id: 'obs', type: 'target', resourceType: 'Observation', forEach: 'rows' },
      ],
      edges: [{ id: 'e1', source: 'v', target: 'obs', targetHandle: 'valueString' }],
    };
    const r = await mapMessage(csv, 'value\n', { validate: false });
    expect(r.ok && r.warnings).toEqual([]);
    const none: MappingInput = {
      ...csv,
      nodes: csv.nodes.map((n) => (n.type === 'target' ? { ...n, forEach: "rows[value = 'x']" } : n)),
    };
    const filtered = await mapMessage(none, 'value\n1\n', { validate: false });
    expect(filtered.ok && filtered.warnings.map((w) => w.code)).toEqual(['no-resources']);
  });
});
