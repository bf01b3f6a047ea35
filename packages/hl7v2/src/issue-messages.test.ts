import { describe, expect, it } from 'vitest';
import { buildAck } from './ack';
import { splitBatch } from './batch';
import { decodeHl7 } from './decode-bytes';
import { parseHl7 } from './parse';
import type { ParseIssue } from './types';

// A recognisable patient: neither string may reach an issue's code, message or location.
const NAME = 'Quaxworth';
const MRN = 'MRN884422';
const PHI = [NAME, MRN];

const HEADER = 'MSH|^~\\&|APP|FAC|||20240101||ADT^A01|C1|P|2.5.1';

/** Malformed inputs with the patient's name and MRN exactly where the damage is. */
const DAMAGED: Record<string, string> = {
  'leading text': `${NAME} ${MRN}\r${HEADER}\rEVN|A01\rPID|1\rPV1|1`,
  'bad hex escape': `${HEADER}\rEVN|A01\rPID|1||\\X${MRN}\\||${NAME}\rPV1|1`,
  'unterminated escape': `${HEADER}\rEVN|A01\rPID|1||${MRN}||${NAME}\\is the patient\rPV1|1`,
  'wrapped free-text line': `${HEADER}\rEVN|A01\rPID|1\rPV1|1\r${NAME} ${MRN} called back about the results`,
  'text as segment id': `${HEADER}\rEVN|A01\rPID|1\r${NAME}|${MRN}\rPV1|1`,
  'second MSH': `${HEADER}\rPID|1||${MRN}||${NAME}\rMSH|^~\\&|${NAME}|${MRN}|||||ADT^A01|C2|P|2.5.1\rPID|1||${MRN}`,
  'header fields': `MSH|^~\\&|APP|FAC|||20240101||${NAME}^${MRN}^${NAME}|C1|P|${MRN}\rPID|1`,
  'unknown structure id': `MSH|^~\\&|APP|FAC|||20240101||ADT^A01^${MRN}|C1|P|2.5.1\rEVN|A01\rPID|1\rPV1|1`,
  'MSH-2 made of text': `MSH|${NAME}|APP|FAC|||20240101||ADT^A01|C1|P|2.5.1\rPID|1`,
  'MSH-2 damaged': `MSH~^~${NAME}~x`,
  'field separator is a letter': `MSH${NAME}${MRN}`,
};

function parseIssues(text: string): ParseIssue[] {
  const r = parseHl7(text);
  return r.ok ? r.warnings : [...r.errors, ...r.warnings];
}

/** Everything of an issue that may be logged: all but `detail`. */
const loggable = ({ code, message, at }: ParseIssue): string => JSON.stringify({ code, message, at });

describe('issue messages carry no patient data', () => {
  it.each(Object.entries(DAMAGED))('%s', (_name, text) => {
    const issues = parseIssues(text);
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) for (const phi of PHI) expect(loggable(issue)).not.toContain(phi);
    // ERR segments of an ACK built from them say no more than the issues do.
    const r = parseHl7(text);
    const ack = buildAck(r.ok ? r.message : text, { code: 'AE', errors: issues });
    for (const err of ack.split('\r').filter((s) => s.startsWith('ERR')))
      for (const phi of PHI) expect(err).not.toContain(phi);
  });

  it('keeps what the input said in detail, for the analyst', () => {
    const all = Object.values(DAMAGED).flatMap(parseIssues);
    const codes = new Set(all.map((i) => i.code));
    for (const code of [
      'LEADING_TEXT_SKIPPED',
      'BAD_HEX_ESCAPE',
      'UNTERMINATED_ESCAPE',
      'INVALID_SEGMENT_ID',
      'MULTIPLE_MESSAGES',
      'UNKNOWN_VERSION',
      'UNKNOWN_STRUCTURE',
      'UNKNOWN_STRUCTURE_ID',
      'ENCODING_CHARACTERS_REPAIRED',
      'INVALID_ENCODING_CHARACTERS',
      'INVALID_FIELD_SEPARATOR',
    ])
      expect(codes).toContain(code);
    const details = all.map((i) => i.detail?.value ?? '').join('\n');
    for (const phi of PHI) expect(details).toContain(phi);
  });

  it('holds for splitBatch and decodeHl7 too', () => {
    const split = splitBatch(
      `${NAME} ${MRN}\r${HEADER}\rPID|1\rBHS|^~\\&\r${HEADER}\rBTS|${NAME}\rBHS|^~\\&\r${HEADER}`,
    );
    const bytes = new TextEncoder().encode(`${HEADER}||||||${NAME}\rPID|1||${MRN}`);
    const decoded = decodeHl7(bytes);
    const issues = [...split.warnings, ...(decoded.ok ? decoded.warnings : decoded.errors)];
    expect(issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['TEXT_OUTSIDE_MESSAGE', 'MISSING_BATCH_TRAILER', 'UNSUPPORTED_CHARSET']),
    );
    for (const issue of issues) for (const phi of PHI) expect(loggable(issue)).not.toContain(phi);
  });
});
