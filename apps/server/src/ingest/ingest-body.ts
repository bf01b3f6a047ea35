import type { MessageContentType } from '@mapwright/db';
import { inputMessages, parseJsonText } from '@mapwright/engine';

/** The media types HTTP senders may post, and the kind of message each holds. */
export const INGEST_MEDIA_TYPES: Readonly<Record<string, MessageContentType>> = {
  'x-application/hl7-v2+er7': 'hl7v2',
  'text/plain': 'hl7v2',
  'application/json': 'json',
  'text/csv': 'csv',
  'application/fhir+ndjson': 'fhir-ndjson',
};

/** The kind of message a Content-Type header announces; undefined when ingest does not take it. */
export function ingestContentType(header: string | undefined): MessageContentType | undefined {
  const media = header?.split(';')[0]?.trim().toLowerCase() ?? '';
  return Object.hasOwn(INGEST_MEDIA_TYPES, media) ? INGEST_MEDIA_TYPES[media] : undefined;
}

export interface IngestMessage {
  raw: string;
  /** MSH-4 and MSH-10 of an HL7 v2 message: with them a sender's retry is recognised. */
  sendingFacility: string | null;
  controlId: string | null;
}

/** Why a body could not be split into messages; the message never quotes the body (PHI). */
export interface IngestError {
  code: string;
  message: string;
  at: IngestLocation;
}

/** Where in the body: 1-based line and column, HL7 segment and field, or 0-based byte position. */
export interface IngestLocation {
  line?: number;
  column?: number;
  segment?: string;
  segmentIndex?: number;
  field?: number;
  component?: number;
  position?: number;
}

/** Only the coordinates of a parser's location: its `value` and `code` may hold PHI. */
function located(at: IngestLocation | undefined): IngestLocation {
  const keys = ['line', 'column', 'segment', 'segmentIndex', 'field', 'component', 'position'] as const;
  return Object.fromEntries(keys.filter((k) => at?.[k] !== undefined).map((k) => [k, at?.[k]]));
}

export type SplitBody =
  | { ok: true; messages: IngestMessage[] }
  /** `raw` is the whole body as text, kept as one failed message so nothing is lost. */
  | { ok: false; error: IngestError; raw: string };

/** Splits a request body into the messages it carries. Pure; never throws. */
export function splitBody(bytes: Uint8Array, type: MessageContentType): SplitBody {
  const fail = (code: string, message: string, at?: IngestLocation): SplitBody => ({
    ok: false,
    error: { code, message, at: located(at) },
    raw: losslessText(bytes),
  });
  if (bytes.length === 0) return fail('empty-body', 'The body is empty: send at least one message.');
  if (type === 'hl7v2') return splitHl7(bytes, fail);
  // NDJSON is text like JSON: UTF-8, or windows-1252 when the bytes are not.
  const decoded = inputMessages(bytes, type === 'fhir-ndjson' ? 'json' : type);
  const text = decoded.ok ? (decoded.messages[0]?.text ?? '') : losslessText(bytes);
  if (text.trim() === '')
    return fail('empty-body', 'The body holds only white space: send at least one message.');
  if (type === 'csv') return { ok: true, messages: [plain(text)] };
  if (type === 'json') {
    const parsed = parseJsonText(text);
    if (!parsed.ok)
      return fail('invalid-json', `The body is not JSON: ${parsed.error.message}`, parsed.error.at);
    if (!Array.isArray(parsed.value)) return { ok: true, messages: [plain(text)] };
    if (parsed.value.length === 0)
      return fail('empty-body', 'The JSON array is empty: send at least one message.');
    return { ok: true, messages: parsed.value.map((item) => plain(JSON.stringify(item))) };
  }
  return splitNdjson(text, fail);
}

type Fail = (code: string, message: string, at?: IngestLocation) => SplitBody;

function splitHl7(bytes: Uint8Array, fail: Fail): SplitBody {
  const split = inputMessages(bytes, 'hl7v2');
  if (!split.ok) {
    const first = split.errors[0];
    return fail(
      first?.code ?? 'hl7-unreadable',
      first?.message ?? 'The HL7 v2 body cannot be read.',
      first?.at,
    );
  }
  const messages: IngestMessage[] = [];
  for (const m of split.messages) {
    // Without any MSH the whole body comes back as one message that does not start with one.
    if (!m.text.startsWith('MSH'))
      return fail('hl7-no-msh', 'No MSH segment: an HL7 v2 message starts with its MSH segment.', {
        line: m.line,
        segment: 'MSH',
      });
    const header = mshHeader(m.text);
    if (!header)
      return fail('hl7-bad-msh', 'The MSH segment has no field separator after "MSH".', {
        line: m.line,
        segment: 'MSH',
        field: 1,
      });
    messages.push({ raw: m.text, ...header });
  }
  return { ok: true, messages };
}

function splitNdjson(text: string, fail: Fail): SplitBody {
  const messages: IngestMessage[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const record = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (record.trim() === '') continue;
    const parsed = parseJsonText(record);
    if (!parsed.ok)
      return fail('invalid-ndjson', `Line ${index + 1} is not JSON: ${parsed.error.message}`, {
        line: index + 1,
        column: parsed.error.at.column,
      });
    if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value))
      return fail('invalid-ndjson', `Line ${index + 1} is not a JSON object (one FHIR resource per line).`, {
        line: index + 1,
      });
    messages.push(plain(record));
  }
  return { ok: true, messages };
}

const plain = (raw: string): IngestMessage => ({ raw, sendingFacility: null, controlId: null });

// Longer values are not identifiers a sender reuses: such messages are stored without dedupe.
const MAX_ID_LENGTH = 500;

/** MSH-4 and MSH-10 as written (escapes kept: they are compared, not shown); undefined when MSH-1 is missing. */
export function mshHeader(text: string): Pick<IngestMessage, 'sendingFacility' | 'controlId'> | undefined {
  const separator = text[3];
  if (separator === undefined || separator === '\r' || separator === '\n') return undefined;
  const fields = /^[^\r\n]*/.exec(text)![0].split(separator);
  // fields[0] is "MSH" and MSH-1 is the separator itself, so MSH-n is fields[n - 1].
  const field = (n: number) => {
    const value = fields[n - 1]?.trim() ?? '';
    return value === '' || value.length > MAX_ID_LENGTH ? null : value;
  };
  return { sendingFacility: field(4), controlId: field(10) };
}

/** The body as text without losing a byte: UTF-8 when it is, else windows-1252 (one character per byte). */
function losslessText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
