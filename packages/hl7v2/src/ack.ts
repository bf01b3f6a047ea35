import { compareVersions } from './dictionary';
import { DEFAULT_ENCODING, encodingCharsText } from './encoding';
import { escapeValue } from './escape';
import { parseHl7 } from './parse';
import type { EncodingChars, Hl7Message, IssueLocation } from './types';

export type AckCode = 'AA' | 'AE' | 'AR';

/** A problem to report in an ERR segment: a ParseIssue, or anything shaped like one. */
export interface AckIssue {
  code: string;
  message: string;
  at: IssueLocation;
  severity?: 'E' | 'W' | 'I';
  /** HL7 table 0357 code; derived from `code` when absent. */
  hl7ErrorCode?: string;
}

export interface AckOptions {
  code: AckCode;
  errors?: AckIssue[];
  warnings?: AckIssue[];
  /** Free text for MSA-3. */
  text?: string;
  /** MSH-10 of the ACK; by default derived from the original control id ("ACK" + id). */
  controlId?: string | ((originalControlId: string) => string);
  /** MSH-7; defaults to the current time. */
  timestamp?: Date | string;
}

const TABLE_0357: Record<string, string> = {
  '0': 'Message accepted',
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '103': 'Table value not found',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '202': 'Unsupported processing id',
  '203': 'Unsupported version id',
  '207': 'Application internal error',
};

const CODE_TO_0357: Record<string, string> = {
  MISSING_MSH: '100',
  EMPTY_MESSAGE: '100',
  BLANK_SEGMENT: '100',
  INVALID_SEGMENT_ID: '100',
  MISSING_REQUIRED_SEGMENT: '100',
  MISSING_REQUIRED_GROUP: '100',
  MULTIPLE_MESSAGES: '100',
  BATCH_ENVELOPE: '100',
  MISSING_GROUP_ANCHOR: '100',
  SEGMENT_OUT_OF_ORDER: '100',
  UNEXPECTED_SEGMENT: '100',
  MISSING_CONTROL_ID: '101',
  MISSING_MESSAGE_TYPE: '101',
  MISSING_VERSION: '101',
  INVALID_FIELD_SEPARATOR: '102',
  INVALID_ENCODING_CHARACTERS: '102',
  ENCODING_CHARACTERS_REPAIRED: '102',
  UNTERMINATED_ESCAPE: '102',
  BAD_HEX_ESCAPE: '102',
  EMPTY_ESCAPE: '102',
  // Table 0357 has no character-set code; 102 is the nearest.
  UNSUPPORTED_CHARSET: '102',
  CHARSET_MISMATCH: '102',
  INVALID_UTF8: '102',
  UNKNOWN_STRUCTURE: '200',
  UNKNOWN_STRUCTURE_ID: '200',
  UNKNOWN_VERSION: '203',
  INTERNAL_ERROR: '207',
};

/** MSH-12 of an ACK when the original message gives no readable version. */
const DEFAULT_ACK_VERSION = '2.5.1';
const VERSION_ID = /\d+(?:\.\d+)+/;

/**
 * MSH-12 for the ACK: the original MSH-12 when its first component is a version id, else the
 * version id found in it (e.g. "V2.4"), else 2.5.1. Never copies arbitrary text from a damaged header.
 */
function ackVersion(msh12: string, cs: string): string {
  const first = msh12.split(cs)[0].trim();
  if (/^\d+(?:\.\d+)*$/.test(first)) return msh12;
  return VERSION_ID.exec(first)?.[0] ?? DEFAULT_ACK_VERSION;
}

/** MSH-11 for the ACK: the original when it starts with a processing id (D, P, T), else P. */
function ackProcessingId(msh11: string, cs: string): string {
  return /^[DPT]$/.test(msh11.split(cs)[0].trim()) ? msh11 : 'P';
}

/** The table 0357 code for an issue code (207 for anything unknown). */
export function hl7ErrorCodeFor(code: string): string {
  return Object.hasOwn(CODE_TO_0357, code) ? CODE_TO_0357[code] : '207';
}

/** Raw MSH field texts (as written, still escaped) and the delimiters in use. */
interface Header {
  enc: EncodingChars;
  field: (n: number) => string;
  /** Occurrence (1-based) of the segment at an index, for ERR locations. */
  occurrence: (segmentIndex: number | undefined) => number;
}

function headerFromMessage(message: Hl7Message): Header {
  const msh = message.segments[0];
  const parts = msh.raw.split(message.encoding.field);
  return {
    enc: message.encoding,
    // parts[1] is MSH-2, so MSH-n sits at parts[n - 1].
    field: (n) => (n === 1 ? message.encoding.field : (parts[n - 1] ?? '')),
    occurrence: (index) => {
      if (index === undefined || !message.segments[index]) return 1;
      const id = message.segments[index].id;
      let n = 0;
      for (let i = 0; i <= index; i++) if (message.segments[i].id === id) n++;
      return n;
    },
  };
}

/** Best effort for text that did not parse: read the first MSH line, split on MSH-1. */
function headerFromText(text: string): Header {
  const clean = typeof text === 'string' ? text.replace(/^\uFEFF/, '') : '';
  const start = clean.startsWith('MSH') ? 0 : clean.search(/[\r\n]MSH/) + 1;
  const line = start > 0 || clean.startsWith('MSH') ? clean.slice(start).split(/\r\n|\r|\n/)[0] : '';
  const fs = line.charAt(3);
  const usable = fs !== '' && !/[A-Za-z0-9\s]/.test(fs);
  const parts = usable ? line.split(fs) : [];
  const chars = parts[1] ?? '';
  const enc: EncodingChars =
    usable && chars.length >= 4 && new Set(fs + chars.slice(0, 4)).size === 5
      ? { field: fs, component: chars[0], repetition: chars[1], escape: chars[2], subcomponent: chars[3] }
      : DEFAULT_ENCODING;
  // Copied fields are written with the ACK's own delimiters, so foreign delimiters must not leak in.
  const safe = (v: string): string =>
    enc === DEFAULT_ENCODING && usable && fs !== '|' ? v.split('|').join('') : v;
  return {
    enc,
    field: (n) => (n < 2 ? enc.field : safe(parts[n - 1] ?? '')),
    occurrence: () => 1,
  };
}

function formatTimestamp(ts: Date | string | undefined): string {
  if (typeof ts === 'string') return ts;
  const d = ts ?? new Date();
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}+0000`;
}

function errSegment(issue: AckIssue, severity: string, header: Header, version: string): string {
  const { enc } = header;
  const e = (v: string): string => escapeValue(v, enc);
  const code = issue.hl7ErrorCode ?? hl7ErrorCodeFor(issue.code);
  const codeText = TABLE_0357[code] ?? issue.code;
  const at = issue.at ?? {};
  const seq = at.segment ? String(header.occurrence(at.segmentIndex)) : '';
  const num = (n: number | undefined): string => (n === undefined ? '' : String(n));
  const fs = enc.field;
  const cs = enc.component;
  // Before v2.5 location and code share ERR-1 (ELD); from v2.5 ERR-2 (ERL), ERR-3, ERR-4.
  if (version && compareVersions(version, '2.5') < 0) {
    const eld = [e(at.segment ?? ''), seq, num(at.field), num(at.component)].join(cs);
    return `ERR${fs}${eld}${cs}${code}${enc.subcomponent}${e(codeText)}${enc.subcomponent}HL70357`;
  }
  const erl = [
    e(at.segment ?? ''),
    seq,
    num(at.field),
    num(at.repetition),
    num(at.component),
    num(at.subcomponent),
  ]
    .join(cs)
    .replace(new RegExp(`\\${cs}+$`), '');
  const err3 = [code, e(codeText), 'HL70357'].join(cs);
  return ['ERR', '', erl, err3, severity, '', '', '', e(`${issue.code}: ${issue.message}`)].join(fs);
}

/**
 * Builds an ACK for a parsed message, or for raw text (even text that failed to parse:
 * whatever header fields can be read are used). Never throws.
 */
export function buildAck(source: Hl7Message | string, options: AckOptions): string {
  try {
    return buildAckUnchecked(source, options);
  } catch (err) {
    // Last resort: a well-formed rejection that still says why (the exception's class only: its
    // text may quote the input).
    const kind = err instanceof Error ? err.name : typeof err;
    const text = escapeValue(`INTERNAL_ERROR: Unexpected internal error (${kind})`, DEFAULT_ENCODING);
    return `MSH|^~\\&|||||${formatTimestamp(options?.timestamp)}||ACK^^ACK|ACK|P|${DEFAULT_ACK_VERSION}\rMSA|AR|\rERR|||207^Application internal error^HL70357|E||||${text}\r`;
  }
}

function buildAckUnchecked(source: Hl7Message | string, options: AckOptions): string {
  let header: Header;
  if (typeof source === 'string') {
    const parsed = parseHl7(source);
    header = parsed.ok ? headerFromMessage(parsed.message) : headerFromText(source);
  } else {
    header = headerFromMessage(source);
  }
  const { enc, field } = header;
  const fs = enc.field;
  const cs = enc.component;
  const originalId = field(10);
  const event = field(9).split(cs)[1] ?? '';
  const controlId =
    typeof options.controlId === 'function'
      ? options.controlId(originalId)
      : (options.controlId ?? `ACK${originalId}`.slice(0, 199));
  const msh12 = ackVersion(field(12), cs);
  const version = msh12.split(cs)[0];
  const msh = [
    'MSH',
    encodingCharsText({ ...enc, truncation: undefined }),
    field(5),
    field(6),
    field(3),
    field(4),
    formatTimestamp(options.timestamp),
    '',
    ['ACK', event, 'ACK'].join(cs),
    escapeValue(controlId, enc),
    ackProcessingId(field(11), cs),
    msh12,
  ].join(fs);
  const msa = ['MSA', options.code, originalId];
  if (options.text) msa.push(escapeValue(options.text, enc));
  const segments = [msh, msa.join(fs)];
  for (const issue of options.errors ?? [])
    segments.push(errSegment(issue, issue.severity ?? 'E', header, version));
  for (const issue of options.warnings ?? [])
    segments.push(errSegment(issue, issue.severity ?? 'W', header, version));
  return segments.join('\r') + '\r';
}
