import { describe, expect, it } from 'vitest';
import { inputMessages } from './input-messages';

const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const msg = (id: string, family: string, charset = '') =>
  `MSH|^~\\&|A|B|C|D|20240101||ADT^A01|${id}|P|2.5.1${charset ? `||||||${charset}` : ''}\rPID|1||${id}^^^H^MR||${family}^Anna\r`;

describe('inputMessages', () => {
  it('reads a Latin-1 HL7 message as the sender declared it, without replacement characters', () => {
    const result = inputMessages(latin1(msg('1', 'Müller', '8859/1')), 'hl7v2');
    expect(result.ok && result.messages[0]!.text).toContain('Müller^Anna');
  });

  it('splits a batch file into its messages, each with its line in the file', () => {
    const file = `FHS|^~\\&|A\rBHS|^~\\&|A\r${msg('1', 'One')}${msg('2', 'Two')}BTS|2\rFTS|1\r`;
    const result = inputMessages(utf8(file), 'hl7v2');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.messages.map((m) => [m.index, m.line])).toEqual([
      [0, 3],
      [1, 5],
    ]);
    expect(result.messages[1]!.text).toContain('Two^Anna');
    expect(result.warnings).toEqual([]);
  });

  it('keeps text with no MSH as one message, for the parser to reject with its location', () => {
    const result = inputMessages(utf8('not HL7 at all'), 'hl7v2');
    expect(result.ok && result.messages.map((m) => m.text)).toEqual(['not HL7 at all']);
  });

  it('reads a CSV that is not UTF-8 as windows-1252 and says where the first such byte is', () => {
    const result = inputMessages(latin1('mrn,family\n1,Weiß\n'), 'csv');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.messages[0]!.text).toBe('mrn,family\n1,Weiß\n');
    expect(result.warnings[0]).toMatchObject({ code: 'invalid-utf8', at: { line: 2, position: 16 } });
  });

  it('reads UTF-8 JSON after a byte order mark with no warning', () => {
    const result = inputMessages(utf8('\uFEFF{"family":"Weiß"}'), 'json');
    expect(result).toMatchObject({
      ok: true,
      charset: 'utf-8',
      warnings: [],
      messages: [{ text: '{"family":"Weiß"}' }],
    });
  });
});
