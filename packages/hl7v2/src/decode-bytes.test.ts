import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHl7, firstInvalidUtf8 } from './decode-bytes';
import { leafText } from './field-access';
import { parseHl7 } from './parse';

/** An ADT^A01 with MSH-18 (omitted when undefined) and the patient name in PID-5. */
function adt(name: string, charset?: string): string {
  const msh18 = charset === undefined ? '' : `||||||${charset}`;
  return `MSH|^~\\&|APP|FAC|RAPP|RFAC|20240101||ADT^A01|C1|P|2.5${msh18}\rEVN|A01\rPID|1||123^^^H^MR||${name}^Hans\rPV1|1|I\r`;
}

/** One byte per character: the text as a Latin-1 (ISO-8859-1) file holds it. */
const latin1Bytes = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf8Bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function decoded(bytes: Uint8Array) {
  const r = decodeHl7(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r;
}

function patientName(text: string): string {
  const r = parseHl7(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return leafText(r.message.segments[2].fields, 5, 1);
}

describe('decodeHl7', () => {
  it('the test message declares what it says in MSH-18', () => {
    const r = parseHl7(adt('X', '8859/1'));
    expect(r.ok && leafText(r.message.segments[0].fields, 18)).toBe('8859/1');
  });

  it('reads a Latin-1 file without MSH-18 as windows-1252, with a warning at the first non-UTF-8 byte', () => {
    const text = adt('Müller');
    const bytes = latin1Bytes(text);
    // What reading the file as UTF-8 does: the name is silently corrupted.
    expect(new TextDecoder().decode(bytes)).toContain('M\uFFFDller');
    const r = decoded(bytes);
    expect(r.text).toBe(text);
    expect(r.charset).toBe('windows-1252');
    expect(patientName(r.text)).toBe('Müller');
    expect(r.warnings).toEqual([
      expect.objectContaining({ code: 'INVALID_UTF8', at: { offset: text.indexOf('ü'), line: 3 } }),
    ]);
  });

  it('decodes by MSH-18 8859/1 and 8859/2 without warnings', () => {
    const latin = decoded(latin1Bytes(adt('Müller', '8859/1')));
    expect(latin).toMatchObject({ charset: 'windows-1252', declaredCharset: '8859/1', warnings: [] });
    expect(patientName(latin.text)).toBe('Müller');
    // Łódź in ISO-8859-2: Ł A3, ó F3, ź BC.
    const polish = latin1Bytes(adt('\u00a3\u00f3d\u00bc', '8859/2'));
    const r = decoded(polish);
    expect(r).toMatchObject({ charset: 'iso-8859-2', warnings: [] });
    expect(patientName(r.text)).toBe('Łódź');
  });

  it('reads valid UTF-8, declared or not, and removes a UTF-8 BOM', () => {
    for (const charset of [undefined, 'UNICODE UTF-8', 'UNICODE', 'UTF-8']) {
      const r = decoded(utf8Bytes(adt('Müller', charset)));
      expect(r).toMatchObject({ charset: 'utf-8', warnings: [] });
      expect(patientName(r.text)).toBe('Müller');
    }
    const withBom = decoded(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8Bytes(adt('Müller'))]));
    expect(withBom.text.startsWith('MSH|')).toBe(true);
    expect(patientName(withBom.text)).toBe('Müller');
  });

  it('warns, located, when the bytes contradict MSH-18, and keeps every character', () => {
    // Declared UTF-8, sent as Latin-1: decoded as windows-1252.
    const text = adt('Müller', 'UNICODE UTF-8');
    const asLatin = decoded(latin1Bytes(text));
    expect(asLatin.charset).toBe('windows-1252');
    expect(patientName(asLatin.text)).toBe('Müller');
    expect(asLatin.warnings).toEqual([
      expect.objectContaining({ code: 'CHARSET_MISMATCH', at: { offset: text.indexOf('ü'), line: 3 } }),
    ]);
    // Declared 8859/1, sent as UTF-8: "MÃ¼ller" would be the silent result of believing MSH-18.
    const asUtf8 = decoded(utf8Bytes(adt('Müller', '8859/1')));
    expect(asUtf8.charset).toBe('utf-8');
    expect(patientName(asUtf8.text)).toBe('Müller');
    expect(asUtf8.warnings.map((w) => w.code)).toEqual(['CHARSET_MISMATCH']);
    // Declared ASCII, sent as Latin-1.
    const ascii = decoded(latin1Bytes(adt('Müller', 'ASCII')));
    expect(patientName(ascii.text)).toBe('Müller');
    expect(ascii.warnings.map((w) => w.code)).toEqual(['CHARSET_MISMATCH']);
  });

  it('uses the first repetition of MSH-18 and accepts common spellings', () => {
    expect(decoded(latin1Bytes(adt('Müller', '8859/1~ISO IR87')))).toMatchObject({ warnings: [] });
    expect(decoded(latin1Bytes(adt('Müller', 'ISO-8859-1')))).toMatchObject({ charset: 'windows-1252' });
    // Pure ASCII declared ASCII: nothing to report.
    expect(decoded(utf8Bytes(adt('Muller', 'ASCII')))).toMatchObject({ charset: 'utf-8', warnings: [] });
  });

  it('rejects an MSH-18 it cannot decode with an error located on MSH-18', () => {
    const text = adt('Müller', 'ISO IR87');
    const r = decodeHl7(latin1Bytes(text));
    expect(r).toMatchObject({
      ok: false,
      errors: [
        {
          code: 'UNSUPPORTED_CHARSET',
          at: { segment: 'MSH', field: 18, offset: text.indexOf('ISO IR87'), line: 1 },
          detail: { value: 'ISO IR87' },
        },
      ],
    });
    expect(decodeHl7(latin1Bytes(adt('x', 'UNICODE UTF-16')))).toMatchObject({ ok: false });
  });

  it('returns an error value for input that is not bytes', () => {
    expect(decodeHl7('MSH|' as unknown as Uint8Array)).toMatchObject({
      ok: false,
      errors: [{ code: 'INVALID_INPUT' }],
    });
    expect(decoded(new Uint8Array())).toMatchObject({ text: '', warnings: [] });
  });
});

describe('firstInvalidUtf8', () => {
  it('finds overlong, surrogate, out-of-range and truncated sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xf4, 0x90, 0x80, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
    expect(firstInvalidUtf8(utf8Bytes('a€😀ü'))).toBe(-1);
  });

  it('agrees with the strict TextDecoder on random bytes', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array): boolean => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        const bad = firstInvalidUtf8(bytes);
        expect(bad === -1).toBe(valid(bytes));
        if (bad >= 0) expect(valid(bytes.subarray(0, bad))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
