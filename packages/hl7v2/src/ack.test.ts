import { describe, expect, it } from 'vitest';
import { buildAck } from './ack';
import { parseHl7 } from './parse';

const MSG =
  'MSH|^~\\&|SENDAPP|SENDFAC|RECVAPP|RECVFAC|20240101||ADT^A01^ADT_A01|CTRL42|P|2.5.1\rEVN|A01\rPID|1\rPID|2\rPV1|1';
const TS = '20240102030405';

describe('buildAck', () => {
  it('swaps sender and receiver and acknowledges MSH-10', () => {
    const r = parseHl7(MSG);
    if (!r.ok) throw new Error('parse');
    const ack = buildAck(r.message, { code: 'AA', timestamp: TS, controlId: () => 'A1' });
    expect(ack).toBe(
      `MSH|^~\\&|RECVAPP|RECVFAC|SENDAPP|SENDFAC|${TS}||ACK^A01^ACK|A1|P|2.5.1\rMSA|AA|CTRL42\r`,
    );
  });

  it('locates errors in ERR segments (v2.5+ ERL, table 0357, severity)', () => {
    const ack = buildAck(MSG, {
      code: 'AE',
      timestamp: TS,
      errors: [
        {
          code: 'MISSING_REQUIRED_FIELD',
          message: 'PID-5 missing',
          at: { segmentIndex: 3, segment: 'PID', field: 5, repetition: 1, component: 1 },
          hl7ErrorCode: '101',
        },
      ],
      warnings: [
        { code: 'UNTERMINATED_ESCAPE', message: 'bad', at: { segmentIndex: 2, segment: 'PID', field: 3 } },
      ],
    });
    const lines = ack.split('\r');
    expect(lines[0]).toContain('|ACK^A01^ACK|ACKCTRL42|P|2.5.1');
    expect(lines[1]).toBe('MSA|AE|CTRL42');
    expect(lines[2]).toBe(
      'ERR||PID^2^5^1^1|101^Required field missing^HL70357|E||||MISSING_REQUIRED_FIELD: PID-5 missing',
    );
    expect(lines[3]).toBe('ERR||PID^1^3|102^Data type error^HL70357|W||||UNTERMINATED_ESCAPE: bad');
  });

  it('uses ERR-1 before v2.5', () => {
    const ack = buildAck(MSG.replace('2.5.1', '2.3'), {
      code: 'AE',
      timestamp: TS,
      errors: [{ code: 'SEGMENT_OUT_OF_ORDER', message: 'x', at: { segmentIndex: 1, segment: 'EVN' } }],
    });
    expect(ack.split('\r')[2]).toBe('ERR|EVN^1^^^100&Segment sequence error&HL70357');
  });

  it('fills MSH-11 and MSH-12 for input that failed to parse', () => {
    const msh = (text: string): string[] =>
      buildAck(text, { code: 'AR', timestamp: TS }).split('\r')[0].split('|');
    // Bad MSH-2 and no MSH-11/12 at all: P and 2.5.1.
    expect(msh('MSH~^~x~S~F~R~RF~2024~~ADT^A04~C8\rPID~1').slice(10, 12)).toEqual(['P', '2.5.1']);
    // Readable header of a batch (second MSH): copied.
    const batch = `${MSG.replace('|P|2.5.1', '|T|2.3')}\r${MSG}`;
    expect(parseHl7(batch).ok).toBe(false);
    expect(msh(batch).slice(9, 12)).toEqual(['ACKCTRL42', 'T', '2.3']);
    // A version written with decoration is read; junk is never copied.
    const junk = 'MSH|^^^^|S|F|R|RF|2024||ADT^A04|C9|Zzyzxwort|V2.4\rMSH|^~\\&';
    expect(msh(junk).slice(10, 12)).toEqual(['P', '2.4']);
    // Unusable field separator: nothing readable.
    expect(msh('MSHA^~\\&|S|F|R|RF|2024||ADT^A04|C9|T|2.3').slice(10, 12)).toEqual(['P', '2.5.1']);
  });

  it('answers a message that failed to parse from whatever header it has', () => {
    const bad = 'MSH~^~x~y~z~~~~ADT^A04~C9~P~2.4\rPID~1';
    const r = parseHl7(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const ack = buildAck(bad, { code: 'AR', timestamp: TS, errors: r.errors });
    const lines = ack.split('\r');
    expect(lines[1]).toBe('MSA|AR|C9');
    // v2.4 from MSH-12: location and code share ERR-1.
    expect(lines[2]).toBe('ERR|MSH^1^2^^102&Data type error&HL70357');
    // Nothing to read: MSH-11 and MSH-12 still get the required values.
    expect(buildAck('', { code: 'AR', timestamp: TS })).toBe(
      `MSH|^~\\&|||||${TS}||ACK^^ACK|ACK|P|2.5.1\rMSA|AR|\r`,
    );
  });
});
