import { describe, expect, it } from 'vitest';
import type { MappingInput } from '../model';
import { mapMessage } from './run-mapping';

//  ┌────────────────┐     ┌──────────────┐     ┌──────────────────────────┐
//  │ code   (col)   ├────►│ loinc        ├────►│ obs (Observation)        │ code
//  │ value  (col)   ├────►│ quantity     ├────►│ one per row              │ valueQuantity
//  └────────────────┘     └──────────────┘     └──────────────────────────┘
const csvMapping: MappingInput = {
  id: 'csv-obs',
  name: 'CSV observations',
  source: { format: 'csv', csv: { delimiter: ';', quote: '"' } },
  nodes: [
    { id: 'code', type: 'source', path: 'code' },
    { id: 'value', type: 'source', path: 'value' },
    {
      id: 'loinc',
      type: 'transform',
      inputs: ['c'],
      expression: '{ "coding": [{ "system": "http://loinc.org", "code": $c }] }',
    },
    {
      id: 'quantity',
      type: 'transform',
      inputs: ['v'],
      expression: '{ "value": $number($v), "unit": "mg/dL" }',
    },
    { id: 'status', type: 'constant', value: 'final' },
    { id: 'obs', type: 'target', resourceType: 'Observation', forEach: 'rows' },
  ],
  edges: [
    { id: 'e1', source: 'code', target: 'loinc', targetHandle: 'c' },
    { id: 'e2', source: 'value', target: 'quantity', targetHandle: 'v' },
    { id: 'e3', source: 'loinc', target: 'obs', targetHandle: 'code' },
    { id: 'e4', source: 'quantity', target: 'obs', targetHandle: 'valueQuantity' },
    { id: 'e5', source: 'status', target: 'obs', targetHandle: 'status' },
  ],
};

const jsonMapping: MappingInput = {
  id: 'json-patient',
  name: 'JSON patient',
  source: { format: 'json' },
  nodes: [
    { id: 'last', type: 'source', path: 'person.lastName' },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [{ id: 'e1', source: 'last', target: 'patient', targetHandle: 'name.family' }],
};

describe('CSV sources', () => {
  it('make one resource per row, with the mapping’s delimiter', async () => {
    const r = await mapMessage(csvMapping, 'code;value;note\n2345-7;95;fasting\n2345-7;"101";\n');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.entry?.map((e) => e.resource.valueQuantity)).toEqual([
      { value: 95, unit: 'mg/dL' },
      { value: 101, unit: 'mg/dL' },
    ]);
    expect(r.issues).toEqual([]);
    expect(r.coverage?.unused).toEqual([{ field: 'rows.note', sample: 'fasting', count: 1 }]);
  });

  it('report a malformed CSV with its line', async () => {
    const r = await mapMessage(csvMapping, 'code;value\n2345-7;95\n"unclosed;1\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'csv-syntax', at: { line: expect.any(Number) } });
  });
});

describe('JSON sources', () => {
  it('read paths from the parsed value', async () => {
    const r = await mapMessage(jsonMapping, '{ "person": { "lastName": "Doe", "ssn": "123" } }');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.entry?.[0]?.resource).toEqual({ resourceType: 'Patient', name: [{ family: 'Doe' }] });
    expect(r.coverage?.unused).toEqual([{ field: 'person.ssn', sample: '123', count: 1 }]);
  });

  it('report a JSON syntax error with line and column', async () => {
    const r = await mapMessage(jsonMapping, '{\n  "person": { "lastName": "Doe", }\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'json-syntax', at: { line: 2 } });
  });

  it('locate a JSON value V8 reports without any position', async () => {
    const r = await mapMessage(jsonMapping, '{\n  "person": { "lastName": Doe }\n}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'json-syntax', at: { line: 2, column: 27 } });
  });
});
