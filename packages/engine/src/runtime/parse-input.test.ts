import { describe, expect, it } from 'vitest';
import type { MappingInput } from '../model';
import { mapMessage } from './run-mapping';

//  ┌─────────────────┐     ┌──────────────────────────┐
//  │ code   (col)    ├────►│ obs (Observation)        │ code.text
//  │ value  (col)    ├────►│ one per row              │ valueString
//  │ unit   (col)    ├────►│                          │ note.text
//  └─────────────────┘     └──────────────────────────┘
const labCsv: MappingInput = {
  id: 'lab-csv',
  name: 'Lab CSV',
  source: { format: 'csv', csv: { delimiter: ',', quote: '"' } },
  nodes: [
    { id: 'code', type: 'source', path: 'code' },
    { id: 'value', type: 'source', path: 'value' },
    { id: 'unit', type: 'source', path: 'unit' },
    { id: 'obs', type: 'target', resourceType: 'Observation', forEach: 'rows' },
  ],
  edges: [
    { id: 'e1', source: 'code', target: 'obs', targetHandle: 'code.text' },
    { id: 'e2', source: 'value', target: 'obs', targetHandle: 'valueString' },
    { id: 'e3', source: 'unit', target: 'obs', targetHandle: 'note.text' },
  ],
};

describe('the CSV header against the columns the mapping reads', () => {
  it('fails a file with none of them, at line 1, naming expected and found columns', async () => {
    const r = await mapMessage(labCsv, 'mrn,name\n1,Ada\n', { validate: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({ code: 'csv-columns-not-found', at: expect.objectContaining({ line: 1 }) }),
    ]);
    expect(r.errors[0]?.message).toContain('code, value, unit');
    expect(r.errors[0]?.message).toContain('"mrn", "name"');
  });

  it('suggests the delimiter that would make the header match', async () => {
    const r = await mapMessage(labCsv, 'code;value;unit\n2345-7;95;mg/dL\n', { validate: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.message).toContain('looks ";"-delimited');
  });

  it('warns once per missing column, at the node that reads it', async () => {
    const r = await mapMessage(labCsv, 'code,value\n2345-7,95\n', { validate: false });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.bundle.entry).toHaveLength(1);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'csv-column-missing', at: { line: 1, nodeId: 'unit' } }),
    ]);
  });

  it('locates a syntax error by line and column', async () => {
    const r = await mapMessage(labCsv, 'code,value,unit\n2345-7,"9"5,mg\n', { validate: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'csv-syntax', at: { line: 2, column: 8 } });
  });

  it('says what is wrong without quoting the field, which may be patient data', async () => {
    for (const row of ['2345-7,Smi"th "John",mg', '2345-7,"Smith"John,mg', '2345-7,"Smith']) {
      const r = await mapMessage(labCsv, `code,value,unit\n${row}\n`, { validate: false });
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors[0]).toMatchObject({ code: 'csv-syntax', at: { line: 2 } });
      expect(r.errors[0]!.message).not.toMatch(/Smi|John/);
    }
  });
});
