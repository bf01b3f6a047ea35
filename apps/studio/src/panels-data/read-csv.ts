import type { SourceTreeIssue } from './source-tree-types';

export interface CsvDialect {
  delimiter: string;
  quote: string;
}

/**
 * Records of a CSV text (RFC 4180: quoted fields may hold delimiters, quotes doubled, line breaks). The tree
 * only needs the header and the rows, so this small reader stands in for the engine's csv-parse, which the
 * studio does not depend on; the preview itself still maps with the engine's own parser.
 */
export function readCsv(
  text: string,
  dialect: CsvDialect,
): { ok: true; records: string[][] } | { ok: false; error: SourceTreeIssue } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 1;
  const endRecord = (): void => {
    record.push(field);
    field = '';
    // skip empty lines, as the engine does
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === dialect.quote && body[i + 1] === dialect.quote) {
        field += ch;
        i++;
      } else if (ch === dialect.quote) quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === dialect.quote && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === dialect.delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      line++;
      endRecord();
    } else field += ch;
  }
  if (quoted)
    return {
      ok: false,
      error: { code: 'csv-syntax', message: 'A quoted field is never closed.', at: { line: quoteLine } },
    };
  if (field !== '' || record.length > 0) endRecord();
  return { ok: true, records };
}
