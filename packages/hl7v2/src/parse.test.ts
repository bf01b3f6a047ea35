import { describe, expect, it } from 'vitest';
import { parseHl7 } from './parse';
import { toTree } from './tree';
import type { Hl7Message } from './types';

function parsed(text: string): Hl7Message {
  const r = parseHl7(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.message;
}

describe('parseHl7', () => {
  it('splits repetitions, components and subcomponents into the tree shape', () => {
    const m = parsed(
      'MSH|^~\\&|APP|FAC|||20240101||ADT^A01|1|P|2.5.1\rPID|1||123^^^HOSP^MR~456^^^SSA^SS||DOE^JOHN&Q||19800101|M',
    );
    const pid = toTree(m).PID[0];
    expect(pid).toEqual({
      F1: [{ C1: '1' }],
      F3: [
        { C1: '123', C4: 'HOSP', C5: 'MR' },
        { C1: '456', C4: 'SSA', C5: 'SS' },
      ],
      F5: [{ C1: 'DOE', C2: { S1: 'JOHN', S2: 'Q' } }],
      F7: [{ C1: '19800101' }],
      F8: [{ C1: 'M' }],
    });
  });

  it('keeps MSH-1 and MSH-2 whole and numbers MSH fields as the standard does', () => {
    const m = parsed('MSH|^~\\&|APP|FAC|||20240101||ORU^R01^ORU_R01|CTRL1|P|2.5.1^^^^\r');
    const msh = toTree(m).MSH[0];
    expect(msh).toMatchObject({
      F1: [{ C1: '|' }],
      F2: [{ C1: '^~\\&' }],
      F3: [{ C1: 'APP' }],
      F9: [{ C1: 'ORU', C2: 'R01', C3: 'ORU_R01' }],
      F10: [{ C1: 'CTRL1' }],
      F12: [{ C1: '2.5.1' }],
    });
    expect(m.version).toBe('2.5.1');
    expect(m.structureId).toBe('ORU_R01');
  });

  it('tells explicit null "" from empty at every level', () => {
    const m = parsed('MSH|^~\\&|||||||ADT^A01|1|P|2.5\rPID|""||a^""||b&""|~""');
    const pid = toTree(m).PID[0];
    expect(pid.F1).toEqual([{ C1: null }]);
    expect(pid.F2).toBeUndefined();
    expect(pid.F3).toEqual([{ C1: 'a', C2: null }]);
    expect(pid.F5).toEqual([{ C1: { S1: 'b', S2: null } }]);
    // An empty repetition keeps its place so PID-6[2] stays the second repetition.
    expect(pid.F6).toEqual([{}, { C1: null }]);
  });

  it('decodes escapes in values with the message delimiters', () => {
    const m = parsed('MSH|^~\\&|||||||ORU^R01|1|P|2.5\rOBX|1|TX|||A\\T\\B \\F\\ 5\\S\\6\\.br\\next');
    expect(m.segments[1].fields.F5).toEqual([{ C1: 'A&B | 5^6\nnext' }]);
  });

  it('reads custom encoding characters from MSH-1/MSH-2', () => {
    const m = parsed('MSH#*!%@#APP#FAC#####ADT*A01#9#P#2.4\rPID#1##X1*Y1!X2*Y2##DOE*JANE@M#A%F%B');
    const pid = toTree(m).PID[0];
    expect(m.encoding).toEqual({
      field: '#',
      component: '*',
      repetition: '!',
      escape: '%',
      subcomponent: '@',
    });
    expect(pid.F3).toEqual([
      { C1: 'X1', C2: 'Y1' },
      { C1: 'X2', C2: 'Y2' },
    ]);
    expect(pid.F5).toEqual([{ C1: 'DOE', C2: { S1: 'JANE', S2: 'M' } }]);
    expect(pid.F6).toEqual([{ C1: 'A#B' }]);
  });

  it('accepts CR, LF and CRLF endings and a BOM, and locates segments by line', () => {
    for (const nl of ['\r', '\n', '\r\n']) {
      const r = parseHl7(`\uFEFFMSH|^~\\&|||||||ADT^A01|1|P|2.5${nl}EVN|A01${nl}PID|1${nl}PV1|1|I${nl}`);
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.message.segments.map((s) => `${s.id}@${s.line}`)).toEqual([
          'MSH@1',
          'EVN@2',
          'PID@3',
          'PV1@4',
        ]);
        expect(r.warnings).toEqual([]);
      }
    }
  });

  it('keeps Z-segments where they appear without a warning', () => {
    const r = parseHl7('MSH|^~\\&|||||||ADT^A01|1|P|2.5\rEVN|A01\rPID|1\rZPI|custom\rPV1|1|I');
    expect(r.ok && Object.keys(toTree(r.message))).toEqual(['MSH', 'EVN', 'PID', 'ZPI', 'PV1']);
    expect(r.warnings).toEqual([]);
  });

  it('returns located fatal errors instead of throwing', () => {
    expect(parseHl7('')).toMatchObject({ ok: false, errors: [{ code: 'EMPTY_MESSAGE' }] });
    expect(parseHl7('PID|1|2')).toMatchObject({
      ok: false,
      errors: [{ code: 'MISSING_MSH', at: { line: 1 } }],
    });
    expect(parseHl7('MSHA^~\\&|x')).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_FIELD_SEPARATOR', at: { segment: 'MSH', field: 1, offset: 3, line: 1 } }],
    });
    // Field separator "~" leaves no default for the missing repetition separator.
    expect(parseHl7('MSH~^~x')).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_ENCODING_CHARACTERS', at: { segment: 'MSH', field: 2, offset: 4 } }],
    });
    expect(parseHl7(42 as unknown as string)).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_INPUT' }],
    });
  });

  it('repairs damaged MSH-2 with defaults and a located warning', () => {
    const r = parseHl7('MSH|^^^^|||||||ADT^A01|1|P|2.5\rEVN|A01\rPID|1\rPV1|1');
    expect(r.ok && r.message.encoding).toEqual({
      field: '|',
      component: '^',
      repetition: '~',
      escape: '\\',
      subcomponent: '&',
    });
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'ENCODING_CHARACTERS_REPAIRED',
        at: expect.objectContaining({ field: 2, offset: 4 }),
      }),
    ]);
  });

  it('skips text before MSH with a warning', () => {
    const r = parseHl7('garbage\rMSH|^~\\&|||||||ADT^A01|1|P|2.5\rEVN|A01\rPID|1\rPV1|1');
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'LEADING_TEXT_SKIPPED', at: { offset: 0, line: 1 } }),
    ]);
    if (r.ok) expect(r.message.segments[0].line).toBe(2);
  });

  it('refuses a segment whose id cannot be read, locating it', () => {
    const r = parseHl7('MSH|^~\\&|||||||ADT^A01||P|\rEVN|A01\rpid|1\rPID|1\rPV1|1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_SEGMENT_ID',
        at: { segmentIndex: 2, segment: 'pid', offset: 35, line: 3 },
      }),
    ]);
  });

  it('accepts the NUL padding and DOS end-of-file byte legacy file drops end with', () => {
    const message = 'MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5.1\rPID|1||123^^^H^MR||Doe^Jo\r';
    for (const tail of ['\x1a', '\r\x1a', '\x00\x00\x00', '\r\n\x1a\r\n']) {
      const r = parseHl7(message + tail);
      expect(r.ok).toBe(true);
      if (r.ok) expect(toTree(r.message).PID).toHaveLength(1);
    }
  });

  it('refuses a stray quote glued to a segment id rather than losing that segment', () => {
    const r = parseHl7('MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5.1\r"PID|1||123^^^H^MR||Doe^Jo\r');
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({ code: 'INVALID_SEGMENT_ID', at: { segmentIndex: 1, line: 2 } });
  });

  it('refuses a second MSH instead of folding two patients into one message', () => {
    const first = 'MSH|^~\\&|A|F|||20240101||ADT^A04|1|P|2.5.1\rEVN|A04\rPID|1||111^^^H^MR||ONE^ANN\rPV1|1|O';
    const second =
      'MSH|^~\\&|A|F|||20240101||ADT^A04|2|P|2.5.1\rEVN|A04\rPID|1||222^^^H^MR||TWO^BEN\rPV1|1|O';
    for (const nl of ['\r', '\n', '\r\n']) {
      const text = `${first}\r${second}`.replaceAll('\r', nl);
      const r = parseHl7(text);
      expect(r).toMatchObject({
        ok: false,
        errors: [
          {
            code: 'MULTIPLE_MESSAGES',
            at: { segmentIndex: 4, segment: 'MSH', line: 5, offset: text.indexOf('MSH', 1) },
          },
        ],
      });
      expect(r.ok || r.errors[0].message).toContain('splitBatch');
    }
    // A second header with a damaged separator still ends the message.
    expect(parseHl7(`${first}\rMSHA^~\\&|x\rPID|1||222`)).toMatchObject({
      ok: false,
      errors: [{ code: 'MULTIPLE_MESSAGES', at: { line: 5 } }],
    });
  });

  it('refuses batch envelope segments (FHS/BHS before, BTS/FTS after) with a located error', () => {
    const m = 'MSH|^~\\&|||||||ADT^A01|1|P|2.5\rEVN|A01\rPID|1\rPV1|1';
    expect(parseHl7(`FHS|^~\\&\rBHS|^~\\&\r${m}`)).toMatchObject({
      ok: false,
      errors: [{ code: 'BATCH_ENVELOPE', at: { segment: 'FHS', offset: 0, line: 1 } }],
    });
    expect(parseHl7(`BHS|^~\\&\r${m}`)).toMatchObject({
      ok: false,
      errors: [{ code: 'BATCH_ENVELOPE', at: { segment: 'BHS', line: 1 } }],
    });
    const trailed = `${m}\rBTS|1\rFTS|1`;
    expect(parseHl7(trailed)).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'BATCH_ENVELOPE',
          at: { segmentIndex: 4, segment: 'BTS', line: 5, offset: trailed.indexOf('BTS') },
        },
      ],
    });
    // A segment that merely starts with those letters is an ordinary segment.
    expect(parseHl7(`${m}\rFTX|1`).ok).toBe(true);
  });

  it('uses the 2.7.1 dictionary for 2.8 messages', () => {
    const m = parsed('MSH|^~\\&|||||||ADT^A01^ADT_A01|1|P|2.8\rEVN|A01\rPID|1\rPV1|1');
    expect(m.dictionaryVersion).toBe('2.7.1');
    expect(m.structureId).toBe('ADT_A01');
  });
});
