import { resolveCodingSystem } from '../datatypes/coding-systems';
import {
  ConceptMap,
  type ConceptMapElement,
  type ConceptMapIssue,
  type ConceptMapResult,
} from './concept-map';
import { detectDelimiter, readCsv } from './csv';

export interface ConceptMapCsvOptions {
  id: string;
  name?: string;
  /** Canonical url; defaults to `http://mapwright.dev/fhir/ConceptMap/<id>`. */
  url?: string;
  /** Source code system: a URI or a v2 name ("HL70001" -> terminology.hl7.org v2-0001). */
  sourceSystem?: string;
  targetSystem?: string;
}

type Column = 'source' | 'target' | 'sourceDisplay' | 'targetDisplay';
const DEFAULT_COLUMNS: Column[] = ['source', 'target', 'sourceDisplay', 'targetDisplay'];

/** Reads a header cell; undefined when it does not look like a header at all. */
function headerColumn(cell: string): Column | undefined {
  const name = cell
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  const display = /display|text|description|label|name/.test(name);
  if (/^(source|from|v2|hl7|input|local)\b/.test(name)) return display ? 'sourceDisplay' : 'source';
  if (/^(target|to|fhir|output|standard)\b/.test(name)) return display ? 'targetDisplay' : 'target';
  return undefined;
}

/**
 * Builds a ConceptMap from a two-column CSV: source code, target code, optional source display and target
 * display (columns 3 and 4). A first row is a header when its first two cells name source and target
 * columns ("source,target", "v2 code,FHIR code", ...); the header may then order columns freely. An
 * empty target records the code as explicitly unmapped. Delimiter ",", ";" or tab is detected.
 */
export function conceptMapFromCsv(text: string, options: ConceptMapCsvOptions): ConceptMapResult {
  const errors: ConceptMapIssue[] = [];
  const parsedId = ConceptMap.shape.id.safeParse(options.id);
  if (!parsedId.success) {
    errors.push({
      code: 'invalid-option',
      message: `id "${options.id}" ${parsedId.error.issues[0]!.message}`,
      at: {},
    });
  }
  const read = readCsv(text, detectDelimiter(text));
  if (!read.ok)
    return {
      ok: false,
      errors: [...errors, { code: 'invalid-csv', message: read.message, at: { line: read.line } }],
    };

  let records = read.records;
  let columns = DEFAULT_COLUMNS;
  const first = records[0];
  if (first) {
    const header = first.cells.map(headerColumn);
    if (
      header[0] !== undefined &&
      header[1] !== undefined &&
      header.includes('source') &&
      header.includes('target')
    ) {
      const unknown = header.findIndex((column) => column === undefined);
      if (unknown >= 0) {
        errors.push({
          code: 'invalid-csv',
          message: `header column "${first.cells[unknown]}" is not one of source, target, source display, target display`,
          at: { line: first.line, column: unknown + 1 },
        });
      }
      columns = header.map((column) => column ?? 'targetDisplay');
      records = records.slice(1);
    }
  }

  const elements = new Map<string, { element: ConceptMapElement; line: number }>();
  for (const record of records) {
    const cells = record.cells.map((cell) => cell.trim());
    if (cells.every((cell) => cell === '')) continue;
    if (cells.length < 2) {
      errors.push({
        code: 'invalid-csv',
        message: 'expected at least 2 columns (source code, target code)',
        at: { line: record.line },
      });
      continue;
    }
    if (cells.length > columns.length && cells.slice(columns.length).some((cell) => cell !== '')) {
      errors.push({
        code: 'invalid-csv',
        message: `expected at most ${columns.length} columns, found ${cells.length}`,
        at: { line: record.line, column: columns.length + 1 },
      });
      continue;
    }
    const row: Partial<Record<Column, string>> = {};
    columns.forEach((column, i) => {
      if (cells[i]) row[column] = cells[i];
    });
    if (row.source === undefined) {
      errors.push({
        code: 'invalid-csv',
        message: 'source code is empty',
        at: { line: record.line, column: columns.indexOf('source') + 1 },
      });
      continue;
    }
    const previous = elements.get(row.source);
    if (previous) {
      errors.push({
        code: 'invalid-csv',
        message: `source code "${row.source}" is already mapped on line ${previous.line}`,
        at: { line: record.line, column: columns.indexOf('source') + 1 },
      });
      continue;
    }
    const element: ConceptMapElement = {
      code: row.source,
      ...(row.sourceDisplay !== undefined && { display: row.sourceDisplay }),
      target: [
        row.target === undefined
          ? { equivalence: 'unmatched' }
          : {
              code: row.target,
              ...(row.targetDisplay !== undefined && { display: row.targetDisplay }),
              equivalence: 'equivalent',
            },
      ],
    };
    elements.set(row.source, { element, line: record.line });
  }
  if (elements.size === 0 && errors.length === 0) {
    errors.push({ code: 'invalid-csv', message: 'no mappings found', at: { line: 1 } });
  }
  if (errors.length > 0) return { ok: false, errors };

  const source = options.sourceSystem
    ? (resolveCodingSystem(options.sourceSystem) ?? options.sourceSystem)
    : undefined;
  const target = options.targetSystem
    ? (resolveCodingSystem(options.targetSystem) ?? options.targetSystem)
    : undefined;
  const conceptMap: ConceptMap = {
    resourceType: 'ConceptMap',
    id: options.id,
    url: options.url ?? `http://mapwright.dev/fhir/ConceptMap/${options.id}`,
    ...(options.name !== undefined && { name: options.name }),
    status: 'draft',
    ...(source !== undefined && { sourceUri: source }),
    ...(target !== undefined && { targetUri: target }),
    group: [
      {
        ...(source !== undefined && { source }),
        ...(target !== undefined && { target }),
        element: [...elements.values()].map((entry) => entry.element),
      },
    ],
  };
  return { ok: true, conceptMap };
}
