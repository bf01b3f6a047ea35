import type { ConceptMap } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { emptyRow, rowsMissingSource, rowsOf, sameJson, withRows } from './rows';

const map: ConceptMap = {
  resourceType: 'ConceptMap',
  id: 'sex',
  url: 'http://example.org/sex',
  status: 'draft',
  group: [
    {
      source: 'http://hospital.example/sex',
      target: 'http://hl7.org/fhir/administrative-gender',
      element: [
        { code: 'F', display: 'Female', target: [{ code: 'female', equivalence: 'equivalent' }] },
        {
          code: 'X',
          target: [
            { code: 'other', equivalence: 'wider' },
            { code: 'unknown', equivalence: 'inexact', comment: 'older systems' },
          ],
        },
        { code: 'N', target: [{ equivalence: 'unmatched' }] },
      ],
    },
    { target: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor', element: [] },
  ],
};

describe('the mapping table of a ConceptMap', () => {
  it('shows one row per target and gives the same map back unchanged', () => {
    const rows = rowsOf(map);
    expect(rows.map((r) => [r.sourceCode, r.targetCode, r.equivalence])).toEqual([
      ['F', 'female', 'equivalent'],
      ['X', 'other', 'wider'],
      ['X', 'unknown', 'inexact'],
      ['N', '', 'unmatched'],
    ]);
    expect(withRows(map, rows)).toEqual(map);
    // So an untouched table offers nothing to save.
    expect(sameJson(withRows(map, rows), map)).toBe(true);
    expect(sameJson(withRows(map, rows.slice(1)), map)).toBe(false);
  });

  it('applies an edited, an added and a deleted row, and drops blank rows', () => {
    const rows = rowsOf(map).filter((r) => r.sourceCode !== 'N');
    rows[0] = { ...rows[0]!, targetCode: ' female2 ' };
    rows.push({ ...emptyRow(), sourceCode: 'U', targetCode: 'unknown' }, emptyRow());
    const saved = withRows(map, rows);
    expect(saved.group[0]!.element).toEqual([
      { code: 'F', display: 'Female', target: [{ code: 'female2', equivalence: 'equivalent' }] },
      map.group[0]!.element[1],
      { code: 'U', target: [{ code: 'unknown', equivalence: 'equivalent' }] },
    ]);
    expect(saved.group[1]).toEqual(map.group[1]);
  });

  it('names the rows that have content but no source code', () => {
    const rows = [...rowsOf(map), emptyRow(), { ...emptyRow(), targetCode: 'female' }];
    expect(rowsMissingSource(rows)).toEqual([6]);
  });
});
