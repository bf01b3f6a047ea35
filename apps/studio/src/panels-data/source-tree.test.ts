import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterTree, markCoverage, sourceTree, type SourceTreeNode } from './source-tree';

const ROOT = resolve(import.meta.dirname, '../../../..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');

function find(nodes: readonly SourceTreeNode[], path: string): SourceTreeNode | undefined {
  for (const n of nodes) {
    if (n.path === path) return n;
    const hit = find(n.children, path);
    if (hit) return hit;
  }
  return undefined;
}

function paths(nodes: readonly SourceTreeNode[]): string[] {
  return nodes.flatMap((n) => [n.path, ...paths(n.children)]);
}

describe('sourceTree for HL7 v2', () => {
  const adt = sourceTree({
    content: read('mappings/adt-patient/samples/google__adt_a01_ex2.hl7'),
    format: 'hl7v2',
  });

  it('names fields and components from the dictionary, with paths the engine reads', () => {
    expect(adt.issues).toEqual([]);
    expect(adt.roots.map((r) => r.path)).toEqual(['MSH', 'EVN', 'PID', 'PD1', 'PV1']);
    expect(adt.roots[2]?.label).toBe('PID Patient identification');
    expect(find(adt.roots, 'PID.F5')).toMatchObject({
      label: 'PID-5 Patient Name',
      datatype: 'XPN',
      value: 'Esterkin^AKI Scenario 6^^^Miss^^CURRENT',
      repetitions: 1,
    });
    expect(find(adt.roots, 'PID.F5.C1')).toMatchObject({ label: 'PID-5.1 Family Name', value: 'Esterkin' });
    expect(find(adt.roots, 'PID.F5.C2')).toMatchObject({ value: 'AKI Scenario 6' });
    // a primitive field is read at C1, as the example mapping reads PID-8
    expect(find(adt.roots, 'PID.F8.C1')).toMatchObject({ label: 'PID-8 Sex', datatype: 'IS', value: 'F' });
    // fields the sample leaves empty are still listed, for mapping other samples
    expect(find(adt.roots, 'PID.F6')).toMatchObject({ label: expect.stringMatching(/^PID-6 /) });
    expect(find(adt.roots, 'PID.F6')?.value).toBeUndefined();
  });

  it('counts field repetitions and shows the first', () => {
    const pid3 = find(adt.roots, 'PID.F3');
    expect(pid3?.repetitions).toBe(2);
    expect(find(adt.roots, 'PID.F3.C1')?.value).toBe('2590157853');
  });

  it('keeps segments inside their groups, one row per repeated segment with its count', () => {
    const oru = sourceTree({
      content: read('mappings/oru-lab/samples/lfh__Hl7ORUMessageTest__test_oru_with_multiple_reports__1.hl7'),
      format: 'hl7v2',
    });
    expect(oru.issues).toEqual([]);
    const all = paths(oru.roots);
    expect(all).toContain('PATIENT_RESULT.ORDER_OBSERVATION.OBR.F4.C1');
    expect(all).toContain('PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION.OBX.F3.C1');
    // OBX-5 is VARIES in the dictionary: the sample's components decide its shape
    expect(find(oru.roots, 'PATIENT_RESULT.ORDER_OBSERVATION.OBSERVATION.OBX.F5')).toBeDefined();
    const orders = find(oru.roots, 'PATIENT_RESULT.ORDER_OBSERVATION');
    expect(orders?.repetitions).toBeGreaterThan(1);
    // keys stay unique although paths repeat
    const keys = new Set<string>();
    const visit = (nodes: readonly SourceTreeNode[]): void =>
      nodes.forEach((n) => {
        expect(keys.has(n.key)).toBe(false);
        keys.add(n.key);
        visit(n.children);
      });
    visit(oru.roots);
  });

  it('reports a sample that is not HL7 with its line, and no rows', () => {
    const bad = sourceTree({ content: 'hello', format: 'hl7v2' });
    expect(bad.roots).toEqual([]);
    expect(bad.issues[0]).toMatchObject({ at: { line: 1 } });
    expect(bad.issues[0]?.message).not.toContain('hello');
  });
});

describe('sourceTree for CSV and JSON', () => {
  it('lists the CSV columns by the names source nodes read on each row', () => {
    const csv = sourceTree({
      content: read('mappings/csv-lab-results/samples/lipid-panel-crlf.csv'),
      format: 'csv',
    });
    expect(csv.issues).toEqual([]);
    const rows = csv.roots[0];
    expect(rows).toMatchObject({ path: 'rows', repetitions: expect.any(Number) });
    expect(rows?.children.map((c) => c.path)).toEqual(
      expect.arrayContaining(['patient_mrn', 'loinc_code', 'value', 'unit']),
    );
    expect(find(csv.roots, 'patient_mrn')?.value).toMatch(/^SYN-/);
    // CRLF line ends do not leak into the last column's value
    const last = rows?.children.at(-1);
    expect(String(last?.value)).not.toMatch(/\r/);
  });

  it('keeps a quoted CSV value with a comma in one column', () => {
    const csv = sourceTree({ content: 'code,"name, full"\n1,"Doe, Jane"\n', format: 'csv' });
    expect(csv.roots[0]?.children.map((c) => [c.path, c.value])).toEqual([
      ['code', '1'],
      ['`name, full`', 'Doe, Jane'],
    ]);
  });

  it('lists JSON keys with dotted paths, array lengths and the keys of every item', () => {
    const json = sourceTree({
      content: JSON.stringify({ patient: { mrn: 'A1', names: [{ family: 'Doe' }, { given: 'Jo' }] } }),
      format: 'json',
    });
    expect(find(json.roots, 'patient.mrn')?.value).toBe('A1');
    expect(find(json.roots, 'patient.names')?.repetitions).toBe(2);
    expect(find(json.roots, 'patient.names.family')?.value).toBe('Doe');
    expect(find(json.roots, 'patient.names.given')).toBeDefined();
  });

  it('locates a JSON syntax error', () => {
    const json = sourceTree({ content: '{\n  "a": 1,\n  b\n}', format: 'json' });
    expect(json.roots).toEqual([]);
    expect(json.issues[0]).toMatchObject({ at: { line: 3 } });
  });
});

describe('filterTree and markCoverage', () => {
  const adt = sourceTree({
    content: read('mappings/adt-patient/samples/google__adt_a01_ex2.hl7'),
    format: 'hl7v2',
  });

  it('keeps matches by label, path or value with their ancestors', () => {
    const byLabel = filterTree(adt.roots, 'family name');
    expect(byLabel.map((r) => r.path)).toEqual(expect.arrayContaining(['PID', 'EVN']));
    expect(byLabel.map((r) => r.path)).not.toContain('MSH');
    expect(paths(byLabel)).toContain('PID.F5.C1');
    expect(paths(byLabel)).not.toContain('PID.F8.C1');
    const byValue = filterTree(adt.roots, 'esterkin');
    expect(paths(byValue)).toEqual(expect.arrayContaining(['PID', 'PID.F5', 'PID.F5.C1']));
    expect(filterTree(adt.roots, 'no such thing anywhere')).toEqual([]);
  });

  it('marks rows used, unused with a value, or empty from the preview coverage', () => {
    const marked = markCoverage(adt.roots, {
      unused: [{ field: 'PID-13', sample: '', count: 1 }],
    });
    expect(find(marked, 'PID.F5')?.coverage).toBe('used');
    expect(find(marked, 'PID.F5.C1')?.coverage).toBe('used');
    expect(find(marked, 'PID.F13')?.coverage).toBe('unused-with-value');
    expect(find(marked, 'PID.F6')?.coverage).toBe('empty');
    expect(find(marked, 'PID')?.coverage).toBe('used');
  });
});
