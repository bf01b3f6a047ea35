import { parse, type InfoRecord } from 'csv-parse/browser/esm/sync';

/**
 * CSV records with the line each starts on, so import errors can say "line 12". Read with csv-parse's
 * browser build (the default entry's sync API needs Node's Buffer, and this code also runs in a browser
 * worker); the browser build runs under Node as well.
 */

export interface CsvRecord {
  /** 1-based line of the record's first character. */
  line: number;
  cells: string[];
}

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Picks ",", ";" or tab: whichever occurs most outside quotes on the first non-empty line. */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => [d, unquoted.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

const LEADING_BREAKS = /^(?:\r\n|\n|\r)+/;
const TRAILING_BREAK = /(?:\r\n|\n|\r)$/;
const LINE_BREAK = /\r\n|\n|\r/g;

export function readCsv(input: string, delimiter = ','): CsvReadResult {
  const records: CsvRecord[] = [];
  let lastLine = 0;
  try {
    parse(input, {
      delimiter,
      bom: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      // `lines` is the line a record ends on; its raw text (with the blank lines skipped before it) says
      // how many lines it spans, so where it starts
      on_record: (record: string[] | { record: string[] }, { lines, raw = '' }: InfoRecord) => {
        const cells = Array.isArray(record) ? record : record.record; // `raw: true` wraps the record
        const body = raw.replace(LEADING_BREAKS, '').replace(TRAILING_BREAK, '');
        records.push({ line: lines - (body.match(LINE_BREAK)?.length ?? 0), cells });
        lastLine = lines;
        return null;
      },
    });
  } catch (e) {
    const err = e as { code?: string; message?: string; lines?: number };
    // csv-parse reports an unclosed quote where the text ends; the analyst needs the record it opens in
    if (err.code === 'CSV_QUOTE_NOT_CLOSED')
      return { ok: false, line: nextRecordLine(input, lastLine), message: 'quoted value is not closed' };
    return { ok: false, line: err.lines ?? lastLine + 1, message: err.message ?? String(e) };
  }
  return { ok: true, records };
}

/** The first non-blank line after `line`, where the next record starts. */
function nextRecordLine(input: string, line: number): number {
  const lines = input.split(/\r\n|\n|\r/);
  let next = line + 1;
  while (next <= lines.length && lines[next - 1] === '') next++;
  return next;
}
