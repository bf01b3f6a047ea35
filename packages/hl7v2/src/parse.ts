import { findStructure, resolveDictionaryVersion } from './dictionary';
import { readEncoding } from './encoding';
import { boundaryId, safeSegmentId, textLines, type BoundaryId } from './envelope';
import { leafText } from './field-access';
import { flatGroup, groupSegments } from './segment-groups';
import { decodeFields, type SegmentContext } from './segment-fields';
import type {
  EncodingChars,
  Hl7Message,
  Hl7Segment,
  Hl7SegmentFields,
  ParseIssue,
  ParseResult,
} from './types';

export interface ParseOptions {
  /**
   * Dictionary version whose message structures name the groups (e.g. "2.7.1" to get
   * PATIENT_RESULT for a v2.3 ORU, whose own structure calls it RESPONSE). Default: the
   * message's own version.
   */
  structureVersion?: string;
}

const CR = 0x0d;
const LF = 0x0a;
const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;

/** Converts anything thrown inside the package into an error value at the boundary. */
export function internalError(err: unknown, at: ParseIssue['at'] = {}): ParseIssue {
  // An exception's text can quote input (a key, a value), so only its class goes in the message.
  const kind = err instanceof Error ? err.name : typeof err;
  return {
    code: 'INTERNAL_ERROR',
    message: `Unexpected internal error (${kind})`,
    at,
    detail: { value: err instanceof Error ? err.message : String(err) },
  };
}

// eslint-disable-next-line no-control-regex -- NUL and SUB are exactly what is matched
const PADDING = /[\s\x00\x1a]+/g;

/** The fatal error for a second message or a batch envelope segment found in one message's text. */
function batchError(id: BoundaryId, at: ParseIssue['at']): ParseIssue {
  const advice = 'split it with splitBatch and parse each message on its own';
  return id === 'MSH'
    ? {
        code: 'MULTIPLE_MESSAGES',
        message: `A second MSH segment at line ${at.line} starts another message: the input is a batch; ${advice}`,
        at,
      }
    : {
        code: 'BATCH_ENVELOPE',
        message: `${id} at line ${at.line} is a batch envelope segment: the input is a batch file; ${advice}`,
        at,
      };
}

/**
 * Parses an HL7 v2 message. Never throws: problems come back as located errors (the message
 * could not be read at all) or warnings (it was read, with the listed repairs or deviations).
 */
export function parseHl7(text: string, options: ParseOptions = {}): ParseResult {
  const warnings: ParseIssue[] = [];
  try {
    return parseUnchecked(text, options, warnings);
  } catch (err) {
    return { ok: false, errors: [internalError(err)], warnings };
  }
}

function findMessageStart(text: string): number {
  if (text.startsWith('MSH')) return 0;
  const m = /[\r\n]MSH/.exec(text);
  return m ? m.index + 1 : -1;
}

function countLines(text: string, end: number): number {
  let lines = 1;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lines++;
  }
  return lines;
}

function parseUnchecked(input: string, options: ParseOptions, warnings: ParseIssue[]): ParseResult {
  if (typeof input !== 'string') {
    return {
      ok: false,
      errors: [{ code: 'INVALID_INPUT', message: 'Input is not a string', at: {} }],
      warnings,
    };
  }
  // Offsets are reported against the text after the BOM, which is not part of the message.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = findMessageStart(text);
  if (start < 0) {
    const empty = text.trim() === '';
    return {
      ok: false,
      errors: [
        {
          code: empty ? 'EMPTY_MESSAGE' : 'MISSING_MSH',
          message: empty ? 'The message is empty' : 'No segment starts with MSH',
          at: { offset: 0, line: 1 },
        },
      ],
      warnings,
    };
  }
  let line = 1;
  if (start > 0) {
    line = countLines(text, start);
    if (text.slice(0, start).trim() !== '') {
      for (const l of textLines(text, 0, start)) {
        const id = boundaryId(text.slice(l.start, l.end));
        if (id) {
          return {
            ok: false,
            errors: [batchError(id, { segment: id, offset: l.start, line: l.line })],
            warnings,
          };
        }
      }
      warnings.push({
        code: 'LEADING_TEXT_SKIPPED',
        message: `${start} characters before the MSH segment were ignored`,
        at: { offset: 0, line: 1 },
        detail: { value: text.slice(0, Math.min(start, 200)) },
      });
    }
  }

  let mshEnd = start;
  while (mshEnd < text.length && text.charCodeAt(mshEnd) !== CR && text.charCodeAt(mshEnd) !== LF) mshEnd++;
  const header = readEncoding(text.slice(start, mshEnd), start, warnings);
  if ('error' in header) {
    header.error.at.line = line;
    return { ok: false, errors: [header.error], warnings };
  }
  const enc = header.enc;
  const segments = splitSegments(text, start, line, enc, warnings);
  if (!Array.isArray(segments)) return { ok: false, errors: [segments], warnings };
  // A segment whose id cannot be read (`pid`, `"PID`, a wrapped line of notes) cannot be placed or mapped:
  // accepting the message would silently drop what it holds, so the message is refused, located.
  const unreadable = warnings.filter((w) => w.code === 'INVALID_SEGMENT_ID');
  if (unreadable.length > 0) {
    return {
      ok: false,
      errors: unreadable,
      warnings: warnings.filter((w) => w.code !== 'INVALID_SEGMENT_ID'),
    };
  }
  return { ok: true, message: buildMessage(segments, enc, options, warnings), warnings };
}

function splitSegments(
  text: string,
  start: number,
  firstLine: number,
  enc: EncodingChars,
  warnings: ParseIssue[],
): Hl7Segment[] | ParseIssue {
  const segments: Hl7Segment[] = [];
  const len = text.length;
  let pos = start;
  let line = firstLine;
  let nextCr = text.indexOf('\r', pos);
  let nextLf = text.indexOf('\n', pos);
  while (pos < len) {
    if (nextCr >= 0 && nextCr < pos) nextCr = text.indexOf('\r', pos);
    if (nextLf >= 0 && nextLf < pos) nextLf = text.indexOf('\n', pos);
    let end = nextCr < 0 ? nextLf : nextLf < 0 ? nextCr : Math.min(nextCr, nextLf);
    if (end < 0) end = len;
    const raw = text.slice(pos, end);
    const segOffset = pos;
    const segLine = line;
    // CRLF counts as one segment terminator.
    pos = end + (text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? 2 : 1);
    line++;
    if (raw.length === 0) continue;
    // Whitespace, and the NUL padding or DOS end-of-file byte (0x1A) legacy file drops end with.
    if (raw.replace(PADDING, '') === '') {
      warnings.push({
        code: 'BLANK_SEGMENT',
        message: 'A line holding only whitespace was ignored',
        at: { offset: segOffset, line: segLine },
      });
      continue;
    }
    // A second message (or batch envelope) must never be folded into this one.
    if (segments.length > 0) {
      const boundary = boundaryId(raw);
      if (boundary) {
        const at = { segmentIndex: segments.length, segment: boundary, offset: segOffset, line: segLine };
        return batchError(boundary, at);
      }
    }
    segments.push(decodeSegment(raw, segments.length, segOffset, segLine, enc, warnings));
  }
  return segments;
}

function decodeSegment(
  raw: string,
  index: number,
  offset: number,
  line: number,
  enc: EncodingChars,
  warnings: ParseIssue[],
): Hl7Segment {
  const idEnd = raw.indexOf(enc.field);
  const id = idEnd < 0 ? raw : raw.slice(0, idEnd);
  let issueId: string | undefined = id;
  if (!SEGMENT_ID.test(id)) {
    // The "id" may be a wrapped line of free text: it goes in the detail, not the message.
    issueId = safeSegmentId(id);
    warnings.push({
      code: 'INVALID_SEGMENT_ID',
      message: `The segment id (${id.length} characters) is not three upper-case letters or digits, so the segment cannot be placed`,
      at: { segmentIndex: index, segment: issueId, offset, line },
      detail: { value: id.slice(0, 200) },
    });
  }
  const ctx: SegmentContext = { warnings, segmentIndex: index, segment: issueId, offset, line };
  const fields: Hl7SegmentFields = {};
  if (id === 'MSH' && idEnd === 3) {
    // MSH-1 is the separator itself and MSH-2 the delimiters: neither is split or unescaped.
    let msh2End = raw.indexOf(enc.field, 4);
    if (msh2End < 0) msh2End = raw.length;
    fields.F1 = [{ C1: enc.field }];
    if (msh2End > 4) fields.F2 = [{ C1: raw.slice(4, msh2End) }];
    if (msh2End < raw.length) decodeFields(raw, msh2End + 1, 3, enc, fields, ctx);
  } else if (idEnd >= 0) {
    decodeFields(raw, idEnd + 1, 1, enc, fields, ctx);
  }
  return { id, raw, fields, offset, line };
}

function buildMessage(
  segments: Hl7Segment[],
  enc: EncodingChars,
  options: ParseOptions,
  warnings: ParseIssue[],
): Hl7Message {
  const msh = segments[0];
  const at = { segmentIndex: 0, segment: 'MSH', offset: msh.offset, line: msh.line };
  const type = leafText(msh.fields, 9, 1);
  const event = leafText(msh.fields, 9, 2);
  const declaredStructure = leafText(msh.fields, 9, 3);
  const version = leafText(msh.fields, 12, 1).trim();

  if (!type)
    warnings.push({ code: 'MISSING_MESSAGE_TYPE', message: 'MSH-9 is empty', at: { ...at, field: 9 } });
  if (!leafText(msh.fields, 10, 1)) {
    warnings.push({ code: 'MISSING_CONTROL_ID', message: 'MSH-10 is empty', at: { ...at, field: 10 } });
  }
  const resolved = resolveDictionaryVersion(version);
  if (!version) {
    warnings.push({
      code: 'MISSING_VERSION',
      message: `MSH-12 is empty; using the ${resolved.version} dictionary`,
      at: { ...at, field: 12 },
    });
  } else if (!resolved.exact && !/^\d+(\.\d+)*$/.test(version)) {
    warnings.push({
      code: 'UNKNOWN_VERSION',
      message: `MSH-12 is not a known version; using the ${resolved.version} dictionary`,
      at: { ...at, field: 12, component: 1 },
      detail: { value: version },
    });
  }
  const structureVersion = options.structureVersion
    ? resolveDictionaryVersion(options.structureVersion).version
    : resolved.version;
  const candidates = [declaredStructure, type && event ? `${type}_${event}` : '', type];
  const found = type ? findStructure(structureVersion, candidates) : undefined;
  let root;
  let structureId = '';
  if (found) {
    structureId = found.id;
    if (declaredStructure && found.id !== declaredStructure) {
      warnings.push({
        code: 'UNKNOWN_STRUCTURE_ID',
        message: `MSH-9.3 is not a structure in the dictionary; using ${found.id}`,
        at: { ...at, field: 9, component: 3 },
        detail: { value: declaredStructure },
      });
    }
    root = groupSegments(found.id, found.node, segments, warnings);
  } else {
    const label = declaredStructure || [type, event].filter(Boolean).join('_');
    warnings.push({
      code: 'UNKNOWN_STRUCTURE',
      message: 'No message structure for MSH-9; segments are kept as a flat list',
      at: { ...at, field: 9 },
      detail: { value: label },
    });
    root = flatGroup(label || 'UNKNOWN', segments);
  }
  return {
    encoding: enc,
    segments,
    version,
    dictionaryVersion: resolved.version,
    messageType: type,
    triggerEvent: event,
    structureId,
    root,
  };
}
