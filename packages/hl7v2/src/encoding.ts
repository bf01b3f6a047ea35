import type { EncodingChars, ParseIssue } from './types';

export const DEFAULT_ENCODING: EncodingChars = {
  field: '|',
  component: '^',
  repetition: '~',
  escape: '\\',
  subcomponent: '&',
};

/** Delimiters may be any printable non-alphanumeric character other than CR/LF. */
function isUsableDelimiter(ch: string): boolean {
  return (
    ch.length === 1 && !/[A-Za-z0-9\s]/.test(ch) && ch.charCodeAt(0) >= 0x21 && ch.charCodeAt(0) !== 0x7f
  );
}

/** MSH-2 text of an encoding: component, repetition, escape, subcomponent (+ truncation). */
export function encodingCharsText(enc: EncodingChars): string {
  return enc.component + enc.repetition + enc.escape + enc.subcomponent + (enc.truncation ?? '');
}

/**
 * Reads MSH-1 and MSH-2 from the text of the MSH segment. Recovers from the usual damage
 * (a doubled escape char as in `^~\\&`, a short MSH-2) with a warning; fails only when the
 * field separator itself is unusable, since then no field can be found.
 */
export function readEncoding(
  msh: string,
  offset: number,
  warnings: ParseIssue[],
): { enc: EncodingChars; msh2End: number } | { error: ParseIssue } {
  const at = { segmentIndex: 0, segment: 'MSH', offset, line: 1 };
  const field = msh.charAt(3);
  if (!isUsableDelimiter(field)) {
    return {
      error: {
        code: 'INVALID_FIELD_SEPARATOR',
        message: field ? 'The MSH-1 field separator is not a usable delimiter' : 'MSH has no field separator',
        at: { ...at, field: 1, offset: offset + 3 },
        ...(field ? { detail: { value: field } } : {}),
      },
    };
  }
  let msh2End = msh.indexOf(field, 4);
  if (msh2End < 0) msh2End = msh.length;
  const text = msh.slice(4, msh2End);
  const chars: string[] = [];
  let problem = '';
  for (const ch of text) {
    if (!isUsableDelimiter(ch)) {
      problem = 'a character is not a usable delimiter';
      continue;
    }
    if (ch === field || chars.includes(ch)) {
      problem = 'a character is repeated';
      continue;
    }
    chars.push(ch);
  }
  if (chars.length > 5) problem = 'more than five encoding characters';
  const [component, repetition, escape, subcomponent, truncation] = chars;
  const used = new Set([field, ...chars.slice(0, 5)]);
  const pick = (given: string | undefined, fallback: string): string => {
    if (given !== undefined) return given;
    if (used.has(fallback)) return '';
    used.add(fallback);
    return fallback;
  };
  const enc: EncodingChars = {
    field,
    component: pick(component, DEFAULT_ENCODING.component),
    repetition: pick(repetition, DEFAULT_ENCODING.repetition),
    escape: pick(escape, DEFAULT_ENCODING.escape),
    subcomponent: pick(subcomponent, DEFAULT_ENCODING.subcomponent),
  };
  if (truncation !== undefined) enc.truncation = truncation;
  if (!enc.component || !enc.repetition || !enc.escape || !enc.subcomponent) {
    return {
      error: {
        code: 'INVALID_ENCODING_CHARACTERS',
        message: 'MSH-2 does not give four distinct delimiters',
        at: { ...at, field: 2, offset: offset + 4 },
        detail: { value: text.slice(0, 200) },
      },
    };
  }
  if (problem || chars.length < 4) {
    warnings.push({
      code: 'ENCODING_CHARACTERS_REPAIRED',
      // The delimiters chosen are structure, not data; what MSH-2 said goes in the detail.
      message: `MSH-2: ${problem || 'fewer than four encoding characters'}; using ${JSON.stringify(encodingCharsText(enc))}`,
      at: { ...at, field: 2, offset: offset + 4 },
      detail: { value: text.slice(0, 200) },
    });
  }
  return { enc, msh2End };
}
