import { parseJsonText } from '@mapwright/engine';
import { readCsv, type CsvDialect } from './read-csv';
import type { SourceTree, SourceTreeNode } from './source-tree-types';

/** A JSONata name step: plain names as they are, anything else in backticks (`` `first name` ``). */
export function nameStep(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key.replace(/`/g, '')}\``;
}

/**
 * A CSV sample: the engine reads it as `{ rows: [...] }`, targets iterate over `rows` and source nodes read
 * a column by its name on the row. So: one `rows` row (×row count) with a child per column of the header,
 * valued from the first data row.
 */
export function csvSourceTree(content: string, dialect: CsvDialect): SourceTree {
  const csv = readCsv(content, dialect);
  if (!csv.ok) return { roots: [], issues: [csv.error] };
  const [header = [], first = []] = csv.records;
  const rowCount = Math.max(0, csv.records.length - 1);
  const columns: SourceTreeNode[] = header.map((column, i) => ({
    key: `rows/${i}`,
    label: column,
    name: column,
    path: nameStep(column),
    field: `rows.${column}`,
    ...(first[i] !== undefined ? { value: first[i] } : {}),
    ...(rowCount > 0 ? { repetitions: rowCount } : {}),
    children: [],
  }));
  const rows: SourceTreeNode = {
    key: 'rows',
    label: 'rows',
    name: 'rows',
    datatype: 'row',
    path: 'rows',
    ...(rowCount > 0 ? { repetitions: rowCount } : {}),
    children: columns,
  };
  return { roots: [rows], issues: [] };
}

/** A JSON sample: one row per key; arrays show their length and the keys of all their items. */
export function jsonSourceTree(content: string): SourceTree {
  const parsed = parseJsonText(content);
  if (!parsed.ok)
    return {
      roots: [],
      issues: [
        {
          code: 'json-syntax',
          message: `The sample is not valid JSON: ${parsed.error.message}`,
          at: { line: parsed.error.at.line, column: parsed.error.at.column },
        },
      ],
    };
  return { roots: jsonChildren(itemsOf(parsed.value), '', '', 'json'), issues: [] };
}

function itemsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value.flatMap(itemsOf) : [value];
}

function jsonChildren(items: unknown[], path: string, field: string, parentKey: string): SourceTreeNode[] {
  const keys = new Map<string, unknown[]>();
  for (const item of items) {
    if (item === null || typeof item !== 'object') continue;
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) {
      const list = keys.get(k) ?? [];
      list.push(v);
      keys.set(k, list);
    }
  }
  return [...keys].map(([key, values]) => {
    const childPath = path === '' ? nameStep(key) : `${path}.${nameStep(key)}`;
    const childField = field === '' ? key : `${field}.${key}`;
    const first = values[0];
    const node: SourceTreeNode = {
      key: `${parentKey}/${key}`,
      label: key,
      name: key,
      datatype: Array.isArray(first) ? 'array' : first === null ? 'null' : typeof first,
      path: childPath,
      field: childField,
      children: jsonChildren(values.flatMap(itemsOf), childPath, childField, `${parentKey}/${key}`),
    };
    if (Array.isArray(first)) node.repetitions = first.length;
    const scalar = itemsOf(first).find((v) => v === null || typeof v !== 'object');
    if (scalar !== undefined && node.children.length === 0)
      node.value = scalar as string | number | boolean | null;
    return node;
  });
}
