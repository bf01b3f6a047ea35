import { internalError } from './parse';
import type { IssueLocation, ParseIssue } from './types';

export type DecodeResult =
  | {
      ok: true;
      text: string;
      /** WHATWG name of the encoding used: "utf-8", "windows-1252" (also used for 8859/1), "iso-8859-2"... */
      charset: string;
      /** MSH-18 (first repetition) as written, when present. */
      declaredCharset?: string;
      warnings: ParseIssue[];
    }
  | { ok: false; errors: ParseIssue[]; warnings: ParseIssue[] };

const CR = 0x0d;
const LF = 0x0a;

// HL7 table 0211 to WHATWG labels. 8859/n is handled by pattern; UTF-16/32 and the JIS sets are not
// readable here (the MSH line of such a message would not be ASCII).
const TABLE_0211: Record<string, string> = {
  ASCII: 'ascii',
  'UNICODE UTF-8': 'utf-8',
  UNICODE: 'utf-8',
  'UTF-8': 'utf-8',
  'GB 18030-2000': 'gb18030',
  'BIG-5': 'big5',
  'KS X 1001': 'euc-kr',
};

const decoders = new Map<string, TextDecoder>();
function decoder(label: string, fatal = false): TextDecoder {
  const key = `${label}|${fatal}`;
  let d = decoders.get(key);
  if (!d) {
    d = new TextDecoder(label, { fatal });
    decoders.set(key, d);
  }
  return d;
}

/** The WHATWG label for an MSH-18 value, or undefined when it cannot be decoded here. */
function labelFor(declared: string): string | undefined {
  const name = declared.toUpperCase().replace(/\s+/g, ' ');
  if (Object.hasOwn(TABLE_0211, name)) return TABLE_0211[name];
  const iso = /^(?:ISO[ _-]?)?8859[/_-](\d{1,2})$/.exec(name);
  const label = iso ? `iso-8859-${iso[1]}` : name.toLowerCase();
  try {
    const encoding = new TextDecoder(label).encoding;
    // These could not have given an ASCII-readable MSH line, or decode nothing at all.
    return encoding.startsWith('utf-16') || encoding === 'replacement' ? undefined : label;
  } catch {
    return undefined;
  }
}

/** 1-based line of a byte offset (CR, LF and CRLF each end a line, as in parsing). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const c = bytes[i];
    if (c === LF || (c === CR && bytes[i + 1] !== LF)) line++;
  }
  return line;
}

function firstNonAscii(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return i;
  return -1;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= n) return i;
    const c1 = b[i + 1];
    // Second-byte limits exclude overlong forms, surrogates and code points above U+10FFFF.
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    if (c1 < lo || c1 > hi) return i;
    for (let k = 2; k <= need; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

interface Msh18 {
  value: string;
  at: IssueLocation;
}

/** MSH-18 (first repetition) read from the raw bytes of the first MSH line, which are ASCII. */
function readMsh18(bytes: Uint8Array): Msh18 | undefined {
  let start = -1;
  for (let i = 0; i + 3 < bytes.length; i++) {
    if ((i === 0 || bytes[i - 1] === CR || bytes[i - 1] === LF) && bytes[i] === 0x4d) {
      if (bytes[i + 1] === 0x53 && bytes[i + 2] === 0x48) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return undefined;
  const fs = bytes[start + 3];
  if (fs === CR || fs === LF) return undefined;
  const repetition = bytes[start + 5];
  // MSH-2 starts at start + 4 and the 16th separator after it starts MSH-18.
  let separators = 0;
  let i = start + 4;
  for (; i < bytes.length && separators < 16; i++) {
    const c = bytes[i];
    if (c === CR || c === LF) return undefined;
    if (c === fs) separators++;
  }
  if (separators < 16) return undefined;
  let value = '';
  for (let j = i; j < bytes.length; j++) {
    const c = bytes[j];
    if (c === fs || c === CR || c === LF || (c === repetition && repetition !== fs)) break;
    value += String.fromCharCode(c);
  }
  value = value.trim();
  if (!value) return undefined;
  return { value, at: { segmentIndex: 0, segment: 'MSH', field: 18, offset: i, line: lineAt(bytes, start) } };
}

/**
 * Decodes the bytes of an HL7 v2 message (or batch) to text by its declared character set: the
 * UTF-8 BOM is removed, MSH-18 of the first MSH chooses the decoder, and without MSH-18 the bytes
 * are read as strict UTF-8, falling back to windows-1252 (Latin-1; one character per byte, so
 * nothing is lost) with a located warning. Offsets in issues are byte offsets after the BOM, equal
 * to the offsets in the decoded text. Pure; never throws.
 */
export function decodeHl7(bytes: Uint8Array): DecodeResult {
  const warnings: ParseIssue[] = [];
  try {
    if (!(bytes instanceof Uint8Array)) {
      return {
        ok: false,
        errors: [{ code: 'INVALID_INPUT', message: 'Input is not a Uint8Array', at: {} }],
        warnings,
      };
    }
    return decodeUnchecked(bytes, warnings);
  } catch (err) {
    return { ok: false, errors: [internalError(err)], warnings };
  }
}

function decodeUnchecked(input: Uint8Array, warnings: ParseIssue[]): DecodeResult {
  if (input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf) {
    return decodeUtf8(input.subarray(3), undefined, warnings);
  }
  const msh18 = readMsh18(input);
  if (!msh18) return decodeUtf8(input, undefined, warnings);
  const declared = msh18.value;
  const label = labelFor(declared);
  if (label === undefined) {
    return {
      ok: false,
      errors: [
        {
          code: 'UNSUPPORTED_CHARSET',
          message:
            'MSH-18 names a character set that cannot be decoded here; convert the message to UTF-8 or correct MSH-18',
          at: msh18.at,
          detail: { value: declared },
        },
      ],
      warnings,
    };
  }
  if (label === 'utf-8') return decodeUtf8(input, declared, warnings);
  const high = firstNonAscii(input);
  if (high < 0)
    return {
      ok: true,
      text: decoder('utf-8').decode(input),
      charset: 'utf-8',
      declaredCharset: declared,
      warnings,
    };
  const single = decoder(label);
  // A multi-byte UTF-8 character in text declared ASCII or single-byte is near-certain proof of a
  // wrong MSH-18 (Latin-1 names almost never form valid UTF-8): trust the bytes, and say so.
  if (label === 'ascii' || single.encoding === 'windows-1252' || single.encoding.startsWith('iso-8859')) {
    const utf8 = tryUtf8(input);
    if (utf8 !== undefined) {
      warnings.push(mismatch(declared, 'the bytes are valid UTF-8; decoded as UTF-8', input, high));
      return { ok: true, text: utf8, charset: 'utf-8', declaredCharset: declared, warnings };
    }
  }
  if (label === 'ascii') {
    warnings.push(mismatch(declared, 'a byte is not ASCII; decoded as windows-1252', input, high));
    return latin1(input, declared, warnings);
  }
  return {
    ok: true,
    text: single.decode(input),
    charset: single.encoding,
    declaredCharset: declared,
    warnings,
  };
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder('utf-8', true).decode(bytes);
  } catch {
    return undefined;
  }
}

function latin1(bytes: Uint8Array, declared: string | undefined, warnings: ParseIssue[]): DecodeResult {
  const text = decoder('windows-1252').decode(bytes);
  return {
    ok: true,
    text,
    charset: 'windows-1252',
    ...(declared ? { declaredCharset: declared } : {}),
    warnings,
  };
}

function decodeUtf8(bytes: Uint8Array, declared: string | undefined, warnings: ParseIssue[]): DecodeResult {
  const text = tryUtf8(bytes);
  if (text !== undefined) {
    return { ok: true, text, charset: 'utf-8', ...(declared ? { declaredCharset: declared } : {}), warnings };
  }
  const bad = firstInvalidUtf8(bytes);
  warnings.push(
    declared
      ? mismatch(declared, 'a byte is not valid UTF-8; decoded as windows-1252 (Latin-1)', bytes, bad)
      : {
          code: 'INVALID_UTF8',
          message: `No character set in MSH-18 and the byte at offset ${bad} is not valid UTF-8; decoded as windows-1252 (Latin-1)`,
          at: { offset: bad, line: lineAt(bytes, bad) },
        },
  );
  return latin1(bytes, declared, warnings);
}

function mismatch(declared: string, what: string, bytes: Uint8Array, offset: number): ParseIssue {
  return {
    code: 'CHARSET_MISMATCH',
    message: `The bytes do not match the character set MSH-18 declares: at offset ${offset} ${what}`,
    at: { offset, line: lineAt(bytes, offset) },
    detail: { value: declared },
  };
}
