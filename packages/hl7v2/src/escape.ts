import type { EncodingChars } from './types';

/**
 * Called for an escape sequence that cannot be decoded; the value keeps it literally. `message`
 * quotes nothing from the value; `text` is the offending text (it may be patient data).
 */
export type EscapeProblem = (code: string, message: string, offsetInValue: number, text: string) => void;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

function decodeHex(hex: string): string | undefined {
  if (hex.length === 0 || hex.length % 2 !== 0) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const byte = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    if (Number.isNaN(byte)) return undefined;
    bytes[i] = byte;
  }
  try {
    return utf8.decode(bytes);
  } catch {
    // Senders that escape single bytes usually mean Latin-1 (e.g. \XE9\ for é).
    return latin1.decode(bytes);
  }
}

/**
 * Decodes HL7 escape sequences in one leaf value. Highlighting (\H\ \N\) is dropped,
 * character-set and locally defined sequences (\C..\ \M..\ \Z..\) and unknown ones are kept
 * literally so no information is lost.
 */
export function unescapeValue(value: string, enc: EncodingChars, onProblem?: EscapeProblem): string {
  const esc = enc.escape;
  let start = value.indexOf(esc);
  if (start < 0) return value;
  let out = '';
  let last = 0;
  while (start >= 0) {
    const end = value.indexOf(esc, start + 1);
    if (end < 0) {
      onProblem?.(
        'UNTERMINATED_ESCAPE',
        `Escape sequence at ${start} has no closing escape character`,
        start,
        value.slice(start, start + 200),
      );
      break;
    }
    out += value.slice(last, start);
    const body = value.slice(start + 1, end);
    out += decodeSequence(body, enc, value.slice(start, end + 1), start, onProblem);
    last = end + 1;
    start = value.indexOf(esc, last);
  }
  return out + value.slice(last);
}

function decodeSequence(
  body: string,
  enc: EncodingChars,
  literal: string,
  at: number,
  onProblem?: EscapeProblem,
): string {
  switch (body) {
    case 'F':
      return enc.field;
    case 'S':
      return enc.component;
    case 'T':
      return enc.subcomponent;
    case 'R':
      return enc.repetition;
    case 'E':
      return enc.escape;
    case 'P':
      return enc.truncation ?? literal;
    case 'H':
    case 'N':
      return '';
    case '.br':
      return '\n';
    case '':
      onProblem?.('EMPTY_ESCAPE', 'Empty escape sequence kept literally', at, literal);
      return literal;
  }
  const kind = body.charCodeAt(0);
  if (kind === 0x58 /* X */ || kind === 0x78 /* x */) {
    const decoded = decodeHex(body.slice(1));
    if (decoded !== undefined) return decoded;
    onProblem?.(
      'BAD_HEX_ESCAPE',
      'Invalid hexadecimal escape sequence kept literally',
      at,
      literal.slice(0, 200),
    );
    return literal;
  }
  if (body.startsWith('.sp')) return '\n';
  // \Cxxyy\, \Mxxyyzz\, \Zxx\ and formatting commands (.fi, .in ...) have no plain-text meaning.
  return literal;
}

/** Escapes a plain value so it can be written inside a leaf of an HL7 message. */
export function escapeValue(value: string, enc: EncodingChars): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    let rep: string | undefined;
    if (ch === enc.escape) rep = 'E';
    else if (ch === enc.field) rep = 'F';
    else if (ch === enc.component) rep = 'S';
    else if (ch === enc.subcomponent) rep = 'T';
    else if (ch === enc.repetition) rep = 'R';
    else if (ch === '\n') rep = '.br';
    else if (ch === '\r') rep = 'X0D';
    else if (enc.truncation !== undefined && ch === enc.truncation) rep = 'P';
    if (rep !== undefined) {
      out += value.slice(last, i) + enc.escape + rep + enc.escape;
      last = i + 1;
    }
  }
  return last === 0 ? value : out + value.slice(last);
}
