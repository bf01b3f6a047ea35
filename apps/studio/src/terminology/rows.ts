import type { ConceptMap, ConceptMapEquivalence, ConceptMapTarget } from '@mapwright/engine';

/** FHIR R4 ConceptMap equivalences, most used first (the order of the table's drop-down). */
export const EQUIVALENCES = [
  'equivalent',
  'equal',
  'wider',
  'subsumes',
  'narrower',
  'specializes',
  'inexact',
  'relatedto',
  'unmatched',
  'disjoint',
] as const satisfies readonly ConceptMapEquivalence[];

/**
 * One line of the mapping table: a source code and one of its targets. A source code with two targets is two
 * rows; one with none is a row with an empty target. `group` keeps a row in its source -> target system
 * group, and `comment` carries the target's comment through an edit.
 */
export interface MappingRow {
  key: string;
  group: number;
  sourceCode: string;
  sourceDisplay: string;
  targetCode: string;
  targetDisplay: string;
  equivalence: ConceptMapEquivalence;
  comment?: string;
}

let nextKey = 0;
/** Stable React keys for rows, which have no id of their own (codes are edited and may repeat). */
const newKey = () => `row-${nextKey++}`;

export function rowsOf(map: ConceptMap): MappingRow[] {
  return map.group.flatMap((group, g) =>
    group.element.flatMap((element) => {
      const base = { group: g, sourceCode: element.code, sourceDisplay: element.display ?? '' };
      const targets: ConceptMapTarget[] = element.target?.length
        ? element.target
        : [{ equivalence: 'unmatched' }];
      return targets.map((target) => ({
        ...base,
        key: newKey(),
        targetCode: target.code ?? '',
        targetDisplay: target.display ?? '',
        equivalence: target.equivalence,
        ...(target.comment !== undefined && { comment: target.comment }),
      }));
    }),
  );
}

export function emptyRow(group = 0): MappingRow {
  return {
    key: newKey(),
    group,
    sourceCode: '',
    sourceDisplay: '',
    targetCode: '',
    targetDisplay: '',
    equivalence: 'equivalent',
  };
}

const isBlank = (row: MappingRow) =>
  [row.sourceCode, row.sourceDisplay, row.targetCode, row.targetDisplay].every((v) => v.trim() === '');

/** 1-based numbers of rows that have something in them but no source code: the map cannot hold them. */
export function rowsMissingSource(rows: readonly MappingRow[]): number[] {
  return rows.flatMap((row, i) => (!isBlank(row) && row.sourceCode.trim() === '' ? [i + 1] : []));
}

/**
 * The map with its groups' elements replaced by the rows (everything else kept). Rows of the same source
 * code in a group become one element with several targets, in the order the rows first name the code;
 * blank rows are dropped. Groups keep their systems even when their last row was deleted.
 */
export function withRows(map: ConceptMap, rows: readonly MappingRow[]): ConceptMap {
  const groups = map.group.length > 0 ? map.group : [{ element: [] }];
  return {
    ...map,
    group: groups.map((group, g) => {
      const elements = new Map<string, ConceptMap['group'][number]['element'][number]>();
      for (const row of rows) {
        if (row.group !== g || isBlank(row)) continue;
        const code = row.sourceCode.trim();
        const element = elements.get(code) ?? { code, target: [] };
        if (!element.display && row.sourceDisplay.trim()) element.display = row.sourceDisplay.trim();
        element.target!.push({
          ...(row.targetCode.trim() && { code: row.targetCode.trim() }),
          ...(row.targetDisplay.trim() && { display: row.targetDisplay.trim() }),
          equivalence: row.equivalence,
          ...(row.comment !== undefined && { comment: row.comment }),
        });
        elements.set(code, element);
      }
      return { ...group, element: [...elements.values()] };
    }),
  };
}

/** `http://hl7.org/fhir/administrative-gender` -> `administrative-gender`: enough to tell systems apart. */
export const shortSystem = (systems: string | null | undefined): string =>
  systems
    ? systems
        .split(', ')
        .map((system) => system.split(/[/#]/).filter(Boolean).at(-1) ?? system)
        .join(', ')
    : '(any)';

/** Equal as JSON whatever the key order: whether the table holds unsaved changes. */
export function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}
