import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBatch } from './batch';
import { corpusMessages } from './corpus-fixture.test-helper';
import { leafText } from './field-access';
import { parseHl7 } from './parse';
import { toTree } from './tree';

const msg = (id: string, mrn: string): string =>
  `MSH|^~\\&|APP|FAC|||20240101||ADT^A04|${id}|P|2.5.1\rEVN|A04\rPID|1||${mrn}^^^H^MR||DOE^${id}\rPV1|1|O\r`;

function mrnOf(text: string): string {
  const r = parseHl7(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return leafText(r.message.segments[2].fields, 3, 1);
}

describe('splitBatch', () => {
  //  FHS ─ BHS ─ MSH(A) MSH(B) MSH(C) ─ BTS|3 ─ FTS|1
  const A = msg('A', 'MRN-A');
  const B = msg('B', 'MRN-B');
  const C = msg('C', 'MRN-C');
  const file = `FHS|^~\\&|SENDER|SFAC|||20240101||F1\rBHS|^~\\&|SENDER|SFAC|||20240101||B1\r${A}${B}${C}BTS|3\rFTS|1\r`;

  it('splits a batch file into its messages, each locatable in the file', () => {
    const split = splitBatch(file);
    expect(split.warnings).toEqual([]);
    expect(split.messages.map((m) => m.text)).toEqual([A, B, C]);
    expect(split.messages.map((m) => m.line)).toEqual([3, 7, 11]);
    for (const m of split.messages) expect(file.slice(m.offset, m.offset + m.text.length)).toBe(m.text);
    expect(split.messages.map((m) => mrnOf(m.text))).toEqual(['MRN-A', 'MRN-B', 'MRN-C']);
  });

  it('decodes the envelope: FHS/BHS numbered like MSH, BTS-1 as the declared count', () => {
    const split = splitBatch(file);
    expect(split.fileHeader).toMatchObject({ id: 'FHS', line: 1, offset: 0 });
    expect(split.fileHeader?.fields).toMatchObject({
      F1: [{ C1: '|' }],
      F2: [{ C1: '^~\\&' }],
      F3: [{ C1: 'SENDER' }],
      F9: [{ C1: 'F1' }],
    });
    expect(split.fileTrailer).toMatchObject({ id: 'FTS', line: 16, fields: { F1: [{ C1: '1' }] } });
    expect(split.batches).toHaveLength(1);
    expect(split.batches[0]).toMatchObject({
      header: { id: 'BHS', line: 2, fields: { F9: [{ C1: 'B1' }] } },
      trailer: { id: 'BTS', line: 15 },
      declaredCount: 3,
      messages: [0, 1, 2],
    });
  });

  it('warns, located on BTS-1 / FTS-1, when the declared counts are wrong', () => {
    const split = splitBatch(file.replace('BTS|3', 'BTS|2').replace('FTS|1', 'FTS|2'));
    expect(split.messages).toHaveLength(3);
    expect(split.warnings).toEqual([
      expect.objectContaining({
        code: 'BATCH_COUNT_MISMATCH',
        message: 'BTS-1 declares 2 messages but the batch holds 3',
        at: { segment: 'BTS', field: 1, offset: file.indexOf('BTS'), line: 15 },
      }),
      expect.objectContaining({
        code: 'BATCH_COUNT_MISMATCH',
        at: expect.objectContaining({ segment: 'FTS' }),
      }),
    ]);
  });

  it('splits plain concatenated messages (LF, blank lines, BOM) with no envelope', () => {
    const text = `\uFEFF${A.replaceAll('\r', '\n')}\n\n${B.replaceAll('\r', '\n')}\n`;
    const split = splitBatch(text);
    expect(split).toMatchObject({ batches: [], warnings: [] });
    expect(split.messages.map((m) => [m.line, mrnOf(m.text)])).toEqual([
      [1, 'MRN-A'],
      [7, 'MRN-B'],
    ]);
    // Offsets count from after the BOM, as parseHl7 does.
    expect(split.messages[0].offset).toBe(0);
  });

  it('reports a batch left open and text outside any message (without quoting it)', () => {
    const split = splitBatch(`Jane Roe 555-0100\rBHS|^~\\&|S\r${A}`);
    expect(split.messages).toHaveLength(1);
    expect(split.warnings).toEqual([
      expect.objectContaining({
        code: 'TEXT_OUTSIDE_MESSAGE',
        at: { offset: 0, line: 1 },
        detail: { value: 'Jane Roe 555-0100' },
      }),
      expect.objectContaining({ code: 'MISSING_BATCH_TRAILER', at: expect.objectContaining({ line: 2 }) }),
    ]);
    expect(split.warnings[0].message).not.toContain('Jane');
  });

  it('gives parseHl7 locations that map back to the file with line - 1', () => {
    const bad = B.replace('PID|1', 'pid|1');
    const split = splitBatch(`${A}${bad}`);
    const second = split.messages[1];
    const r = parseHl7(second.text);
    const issue = r.ok ? undefined : r.errors.find((w) => w.code === 'INVALID_SEGMENT_ID');
    expect(issue && issue.at.line! + second.line - 1).toBe(7);
    expect(issue && issue.at.offset! + second.offset).toBe(`${A}${bad}`.indexOf('pid|1'));
  });

  it('returns the same messages, parsing the same, when corpus messages are batched', () => {
    const corpus = corpusMessages()
      .map((m) => m.text.replace(/^\uFEFF/, ''))
      .filter((t) => t.startsWith('MSH') && parseHl7(t).ok);
    fc.assert(
      fc.property(
        fc.array(fc.nat(corpus.length - 1), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (picks, envelope) => {
          const texts = picks.map((i) => corpus[i].replace(/[\r\n]*$/, '\r'));
          const body = texts.join('');
          const batch = envelope ? `BHS|^~\\&|X\r${body}BTS|${texts.length}\r` : body;
          const split = splitBatch(batch);
          expect(split.warnings).toEqual([]);
          expect(split.messages).toHaveLength(texts.length);
          split.messages.forEach((m, i) => {
            const a = parseHl7(m.text);
            const b = parseHl7(texts[i]);
            expect(a.ok && b.ok && toTree(a.message)).toEqual(b.ok && toTree(b.message));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on odd input', () => {
    expect(splitBatch('')).toEqual({ messages: [], batches: [], warnings: [] });
    expect(splitBatch(7 as unknown as string).messages).toEqual([]);
    expect(splitBatch('BTS|1\rFTS').warnings.map((w) => w.code)).toEqual(['BATCH_COUNT_MISMATCH']);
  });
});
