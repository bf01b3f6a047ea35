import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import { parseToTree, type Hl7Message } from '@mapwright/hl7v2';
import { csvColumnsRead } from '../coverage/csv-columns';
import { engineError, type EngineError } from '../errors';
import type { Mapping } from '../model';
import { parseJsonText } from '../util/json-text';

export type ParsedInput =
  | { ok: true; root: unknown; hl7?: Hl7Message; warnings: EngineError[] }
  | { ok: false; errors: EngineError[] };

/** Turns the input text into the tree the program reads: HL7 v2 tree, `{ rows: [...] }` for CSV, or the JSON value. */
export function parseInput(mapping: Mapping, text: string): ParsedInput {
  switch (mapping.source.format) {
    case 'hl7v2':
      return parseHl7Input(mapping, text);
    case 'csv':
      return parseCsvInput(mapping, text);
    case 'json':
      return parseJsonInput(text);
  }
}

function parseHl7Input(mapping: Mapping, text: string): ParsedInput {
  const result = parseToTree(text);
  const warnings = result.warnings.map((w) => engineError(`hl7-${w.code}`, w.message, w.at));
  if (!result.ok)
    return { ok: false, errors: result.errors.map((e) => engineError(`hl7-${e.code}`, e.message, e.at)) };
  const accepted = mapping.source.messageTypes;
  if (accepted.length > 0) {
    const type = `${result.message.messageType}^${result.message.triggerEvent}`;
    if (!accepted.includes(type) && !accepted.includes(result.message.messageType))
      return {
        ok: false,
        errors: [
          engineError(
            'message-type-not-accepted',
            `Message type ${type} is not accepted by mapping "${mapping.id}" (accepts ${accepted.join(', ')}).`,
            { segment: 'MSH', field: 9 },
          ),
        ],
      };
  }
  return { ok: true, root: result.tree, hl7: result.message, warnings };
}

function parseCsvInput(mapping: Mapping, text: string): ParsedInput {
  const options = mapping.source.csv ?? { delimiter: ',', quote: '"' };
  let header: string[] = [];
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text, {
      columns: (names: string[]) => (header = names),
      delimiter: options.delimiter,
      quote: options.quote,
      skip_empty_lines: true,
      bom: true,
    }) as Record<string, string>[];
  } catch (e) {
    return { ok: false, errors: [csvSyntaxError(e, text, options)] };
  }
  const contract = checkCsvHeader(mapping, header, text, options.delimiter);
  if (!contract.ok) return contract;
  return { ok: true, root: { rows }, warnings: contract.warnings };
}

/**
 * The header against the columns the mapping reads. None of them there is almost always the wrong file or the
 * wrong delimiter, and would map to an empty bundle: an error. Some missing: a warning per column, since
 * their values would silently be empty.
 */
function checkCsvHeader(
  mapping: Mapping,
  header: string[],
  text: string,
  delimiter: string,
): { ok: true; warnings: EngineError[] } | { ok: false; errors: EngineError[] } {
  const read = csvColumnsRead(mapping);
  if (read.size === 0 || header.length === 0) return { ok: true, warnings: [] };
  const present = new Set(header);
  const missing = [...read.keys()].filter((column) => !present.has(column));
  if (missing.length === read.size) {
    const found = header.map((h) => `"${h}"`).join(', ');
    return {
      ok: false,
      errors: [
        engineError(
          'csv-columns-not-found',
          `None of the columns the mapping reads (${missing.join(', ')}) is in the CSV header (found ${found}). ${delimiterHint(text, delimiter, read)}`,
          { line: 1, column: 1, path: 'source.csv.delimiter' },
        ),
      ],
    };
  }
  return {
    ok: true,
    warnings: missing.map((column) =>
      engineError(
        'csv-column-missing',
        `Column "${column}" is not in the CSV header, so node "${read.get(column)}" reads nothing from it.`,
        { line: 1, nodeId: read.get(column) },
      ),
    ),
  };
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Which other delimiter would make the header name the columns the mapping reads, if any. */
function delimiterHint(text: string, delimiter: string, read: Map<string, string>): string {
  const firstLine = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\n|\r/, 1)[0] ?? '';
  let best: { delimiter: string; hits: number } | undefined;
  for (const d of DELIMITERS) {
    if (d === delimiter) continue;
    const hits = firstLine.split(d).filter((cell) => read.has(cell.trim().replace(/^"|"$/g, ''))).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { delimiter: d, hits };
  }
  const name = (d: string) => (d === '\t' ? 'tab' : `"${d}"`);
  return best
    ? `The file looks ${name(best.delimiter)}-delimited: set the mapping's CSV delimiter (source.csv.delimiter, now ${name(delimiter)}) to ${name(best.delimiter)}.`
    : `Check that this is the file the mapping expects, and its delimiter (source.csv.delimiter, now ${name(delimiter)}).`;
}

/** csv-parse reports the line and the index of the field it was reading; the column is where that field starts. */
function csvSyntaxError(
  e: unknown,
  text: string,
  options: { delimiter: string; quote: string },
): EngineError {
  const err = e as { code?: string; lines?: number; index?: number };
  const at: EngineError['at'] = {};
  if (typeof err.lines === 'number' && err.lines > 0) {
    at.line = err.lines;
    if (typeof err.index === 'number') {
      const column = fieldStart(lineOf(text, err.lines), err.index, options);
      if (column !== undefined) at.column = column;
    }
  }
  // csv-parse's own message quotes the offending field value (patient data): only its code is used.
  return engineError('csv-syntax', `The input is not valid CSV: ${csvProblem(err.code)}`, at);
}

const CSV_PROBLEMS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'a quote appears inside an unquoted field',
  CSV_RECORD_INCONSISTENT_COLUMNS: 'a row has a different number of fields than the header',
  CSV_MAX_RECORD_SIZE: 'a row is longer than the maximum record size',
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field has text after its closing quote',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: 'a row has a different number of fields than the header',
  CSV_RECORD_DONT_MATCH_COLUMNS_LENGTH: 'a row has a different number of fields than the header',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a quoted field has text after its closing quote',
};

function csvProblem(code: string | undefined): string {
  return (code && CSV_PROBLEMS[code]) ?? `the parser stopped (${code ?? 'unknown reason'})`;
}

function lineOf(text: string, line: number): string {
  return text.split(/\r\n|\n|\r/, line)[line - 1] ?? '';
}

/** 1-based column where field `index` of a line starts, counting delimiters outside quotes. */
function fieldStart(
  line: string,
  index: number,
  options: { delimiter: string; quote: string },
): number | undefined {
  let field = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    if (field === index) return i + 1;
    const ch = line[i];
    if (ch === options.quote) quoted = !quoted;
    else if (!quoted && line.startsWith(options.delimiter, i)) {
      field++;
      i += options.delimiter.length - 1;
    }
  }
  return field === index ? line.length + 1 : undefined;
}

function parseJsonInput(text: string): ParsedInput {
  const parsed = parseJsonText(text);
  if (parsed.ok) return { ok: true, root: parsed.value, warnings: [] };
  const { line, column, offset } = parsed.error.at;
  return {
    ok: false,
    errors: [
      engineError('json-syntax', `The input is not valid JSON: ${parsed.error.message}`, {
        line,
        column,
        position: offset,
      }),
    ],
  };
}
