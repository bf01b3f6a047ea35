import { decodeHl7, firstInvalidUtf8, splitBatch, type ParseIssue } from '@mapwright/hl7v2';
import { engineError, type EngineError } from '../errors';
import type { SourceFormat } from '../model';

/** One message of an input file, with where it starts in that file. */
export interface InputMessage {
  text: string;
  /** 0-based position in the file's messages (a batch file holds several). */
  index: number;
  /** 0-based character offset and 1-based line of the message in the decoded file. */
  offset: number;
  line: number;
}

export type InputMessages =
  | { ok: true; messages: InputMessage[]; charset: string; warnings: EngineError[] }
  | { ok: false; errors: EngineError[]; warnings: EngineError[] };

const fromIssue = (issue: ParseIssue): EngineError =>
  engineError(`hl7-${issue.code}`, issue.message, issue.at);

/**
 * The messages in a file's bytes, decoded as the sender says: HL7 v2 by MSH-18 (Latin-1 is never read as
 * UTF-8), batch files (FHS/BHS, or messages back to back) split into their messages; CSV and JSON as UTF-8,
 * or, when the bytes are not UTF-8, as windows-1252 with a warning located at the first byte that is not,
 * so no character is lost or replaced. Text with no MSH at all stays one message, for the parser to
 * reject with its own located error.
 */
export function inputMessages(bytes: Uint8Array, format: SourceFormat): InputMessages {
  if (format !== 'hl7v2') return textInput(bytes);
  const decoded = decodeHl7(bytes);
  if (!decoded.ok)
    return { ok: false, errors: decoded.errors.map(fromIssue), warnings: decoded.warnings.map(fromIssue) };
  const split = splitBatch(decoded.text);
  const warnings = [...decoded.warnings, ...split.warnings].map(fromIssue);
  const messages =
    split.messages.length > 0
      ? split.messages.map((m, index) => ({ text: m.text, index, offset: m.offset, line: m.line }))
      : [{ text: decoded.text, index: 0, offset: 0, line: 1 }];
  return { ok: true, messages, charset: decoded.charset, warnings };
}

function textInput(bytes: Uint8Array): InputMessages {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const invalid = firstInvalidUtf8(body);
  if (invalid < 0) {
    const text = new TextDecoder('utf-8').decode(body);
    return { ok: true, messages: [{ text, index: 0, offset: 0, line: 1 }], charset: 'utf-8', warnings: [] };
  }
  const text = new TextDecoder('windows-1252').decode(body);
  const line = text.slice(0, invalid).split('\n').length;
  const warning = engineError(
    'invalid-utf8',
    'The file is not UTF-8; it was read as windows-1252 (Latin-1), which keeps every byte. Check the characters from here on.',
    { position: invalid, line },
  );
  return {
    ok: true,
    messages: [{ text, index: 0, offset: 0, line: 1 }],
    charset: 'windows-1252',
    warnings: [warning],
  };
}
