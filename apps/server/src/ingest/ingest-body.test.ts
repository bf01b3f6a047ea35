import { describe, expect, it } from 'vitest';
import { ingestContentType, mshHeader, splitBody } from './ingest-body';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('ingest bodies', () => {
  it('reads the content type by its media type, ignoring parameters and case', () => {
    expect(ingestContentType('Text/Plain; charset=utf-8')).toBe('hl7v2');
    expect(ingestContentType('x-application/hl7-v2+er7')).toBe('hl7v2');
    expect(ingestContentType('application/fhir+ndjson')).toBe('fhir-ndjson');
    expect(ingestContentType('application/xml')).toBeUndefined();
    expect(ingestContentType(undefined)).toBeUndefined();
  });

  it('takes MSH-4 and MSH-10 with the separator the message declares', () => {
    expect(mshHeader('MSH#^~\\&#APP#FAC^1.2.3^ISO#R#RF#2025##ADT^A01#ID-9#P#2.5\rPID#1')).toEqual({
      sendingFacility: 'FAC^1.2.3^ISO',
      controlId: 'ID-9',
    });
    expect(mshHeader('MSH|^~\\&|APP')).toEqual({ sendingFacility: null, controlId: null });
    expect(mshHeader('MSH')).toBeUndefined();
  });

  it('decodes HL7 v2 by MSH-18, so Latin-1 names survive', () => {
    const latin1 = Uint8Array.from(
      [...'MSH|^~\\&|A|F|B|G|2025||ADT^A01|1|P|2.5|||||8859/1\rPID|1||1||M\u00dcLLER\r'].map((c) =>
        c.charCodeAt(0),
      ),
    );
    const split = splitBody(latin1, 'hl7v2');
    expect(split.ok && split.messages[0]!.raw).toContain('MÜLLER');
  });

  it('locates an empty body and a JSON array with nothing in it', () => {
    expect(splitBody(new Uint8Array(), 'csv')).toMatchObject({ ok: false, error: { code: 'empty-body' } });
    expect(splitBody(bytes(' [ ] '), 'json')).toMatchObject({ ok: false, error: { code: 'empty-body' } });
  });

  it('keeps an unreadable body byte for byte, for the failed message', () => {
    const body = Uint8Array.from([0x7b, 0xe9, 0x7d]);
    const split = splitBody(body, 'json');
    expect(split).toMatchObject({ ok: false, raw: '{é}', error: { at: { line: 1 } } });
  });
});
