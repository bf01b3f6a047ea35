import { describe, expect, it } from 'vitest';
import { bundledConceptMaps } from './bundled-maps';
import { conceptMapFromCsv } from './import-csv';
import { conceptMapFromJson } from './import-json';
import { createTerminology } from './terminology';

describe('conceptMapFromJson', () => {
  it('accepts a bundled map, as object or text, and strips unknown fields', () => {
    const original = bundledConceptMaps().find((m) => m.id === 'v2-0001')!;
    expect(conceptMapFromJson(original)).toEqual({ ok: true, conceptMap: original });
    expect(conceptMapFromJson(JSON.stringify({ ...original, meta: { versionId: '1' } }))).toEqual({
      ok: true,
      conceptMap: original,
    });
  });

  it('locates schema errors by JSON path', () => {
    const result = conceptMapFromJson({
      resourceType: 'ConceptMap',
      id: 'sex map',
      status: 'active',
      group: [{ element: [{ code: 'M', target: [{ code: 'male', equivalence: 'same' }] }, { code: '' }] }],
    });
    expect(result.ok).toBe(false);
    const paths = !result.ok ? result.errors.map((e) => e.at.path) : [];
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'group[0].element[0].target[0].equivalence', 'group[0].element[1].code']),
    );
  });

  it('rejects a missing resourceType, bad JSON text and duplicate source codes', () => {
    expect(conceptMapFromJson({ id: 'x', status: 'active', group: [] })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid-concept-map', at: { path: 'resourceType' } }],
    });
    expect(conceptMapFromJson('{"resourceType": ')).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid-json', at: { path: '$' } }],
    });
    const duplicate = conceptMapFromJson({
      resourceType: 'ConceptMap',
      id: 'dup',
      status: 'draft',
      group: [{ element: [{ code: 'M' }, { code: 'F' }, { code: 'M' }] }],
    });
    expect(duplicate).toMatchObject({ ok: false, errors: [{ at: { path: 'group[0].element[2].code' } }] });
    expect(conceptMapFromJson(null)).toMatchObject({ ok: false, errors: [{ at: { path: '$' } }] });
  });
});

describe('conceptMapFromCsv', () => {
  it('reads a headed CSV with displays into a map that translates', () => {
    const csv =
      'source,target,source display,target display\nM,male,Male,Male\nF,female,Female,Female\n"X, other",other,,\n';
    const result = conceptMapFromCsv(csv, {
      id: 'local-sex',
      name: 'LocalSex',
      sourceSystem: 'HL70001',
      targetSystem: 'http://hl7.org/fhir/administrative-gender',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.conceptMap).toMatchObject({
      id: 'local-sex',
      url: 'http://mapwright.dev/fhir/ConceptMap/local-sex',
      name: 'LocalSex',
      sourceUri: 'http://terminology.hl7.org/CodeSystem/v2-0001',
      group: [
        {
          element: [
            {
              code: 'M',
              display: 'Male',
              target: [{ code: 'male', display: 'Male', equivalence: 'equivalent' }],
            },
            { code: 'F' },
            { code: 'X, other' },
          ],
        },
      ],
    });
    const t = createTerminology([result.conceptMap]);
    expect(t.translate('local-sex', 'F', 'HL70001')).toEqual({
      found: true,
      code: 'female',
      system: 'http://hl7.org/fhir/administrative-gender',
      display: 'Female',
      equivalence: 'equivalent',
    });
  });

  it('reads headerless, semicolon, BOM and CRLF input; an empty target means unmapped', () => {
    const result = conceptMapFromCsv('\uFEFFM;male\r\nU;\r\n\r\n', { id: 'x' });
    expect(result).toMatchObject({
      ok: true,
      conceptMap: {
        group: [
          {
            element: [
              { code: 'M', target: [{ code: 'male' }] },
              { code: 'U', target: [{ equivalence: 'unmatched' }] },
            ],
          },
        ],
      },
    });
  });

  it('lets the header order the columns', () => {
    const result = conceptMapFromCsv('FHIR code,v2 code\nmale,M\n', { id: 'x' });
    expect(result).toMatchObject({
      ok: true,
      conceptMap: { group: [{ element: [{ code: 'M', target: [{ code: 'male' }] }] }] },
    });
  });

  it('locates errors by line, counting lines inside quoted values', () => {
    const csv = ['source,target', 'M,male', '"F\nemale",female', 'onlyone', 'M,man', ',x', 'A,b,c,d,e'].join(
      '\n',
    );
    const result = conceptMapFromCsv(csv, { id: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.at.line, e.message])).toEqual([
      [5, 'expected at least 2 columns (source code, target code)'],
      [6, 'source code "M" is already mapped on line 2'],
      [7, 'source code is empty'],
      [8, 'expected at most 2 columns, found 5'], // the header named two columns
    ]);
  });

  it('reports an unclosed quote at the line it opens, a bad id and empty input', () => {
    expect(conceptMapFromCsv('M,male\nF,"female\nU,unknown\n', { id: 'x' })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid-csv', message: 'quoted value is not closed', at: { line: 2 } }],
    });
    expect(conceptMapFromCsv('M,male', { id: 'not an id' })).toMatchObject({
      ok: false,
      errors: [{ code: 'invalid-option' }],
    });
    expect(conceptMapFromCsv('source,target\n', { id: 'x' })).toMatchObject({
      ok: false,
      errors: [{ message: 'no mappings found', at: { line: 1 } }],
    });
  });
});
