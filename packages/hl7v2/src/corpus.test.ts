import { describe, expect, it } from 'vitest';
import { corpusMessage, corpusMessages } from './corpus-fixture.test-helper';
import { parseHl7 } from './parse';
import { serializeHl7 } from './serialize';
import { toTree } from './tree';

/** The input as our serializer writes it: no BOM, CR after every segment, blank lines dropped. */
function normalized(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\r|\n/)
      .filter((line) => line.trim() !== '')
      .join('\r') + '\r'
  );
}

const DOUBLED_ESCAPE_FILES = [
  'ADT/lfhres__sample_unix.hl7',
  'OMP/lfh__Hl7MedicationRequestFHIRConversionTest__dosageInstructionTestDoseQuantityRXO__1.hl7',
  'OMP/lfh__Hl7MedicationRequestFHIRConversionTest__dosageInstructionTestMaxDosePerPeriodRXO__1.hl7',
  'OMP/lfh__Hl7MedicationRequestFHIRConversionTest__dosageInstructionTestRateRatioRXO__1.hl7',
  'OMP/lfh__Hl7MedicationRequestFHIRConversionTest__dosageInstructionTestRouteRXO__1.hl7',
  'OMP/lfh__Hl7MedicationRequestFHIRConversionTest__dosageInstructionTestTextRXO__1.hl7',
  'ORU/lfh__Hl7ORUMessageTest__test_oru_patient_diagReport__1.hl7',
  'ORU/lfh__Hl7ORUMessageTest__test_oru_with_multiple_observations__1.hl7',
  'ORU/lfh__Hl7ORUMessageTest__test_oru_with_multiple_reports__1.hl7',
  'ORU/lfh__SegmentUtilTest__test_child_segment_with_additional_parent_segment__1.hl7',
];

describe('corpus', () => {
  const messages = corpusMessages();

  it('holds the 368 messages', () => {
    expect(messages).toHaveLength(368);
  });

  it('parses every message (no fatal errors) and builds its tree', () => {
    const failed = messages.filter((m) => !parseHl7(m.text).ok).map((m) => m.name);
    expect(failed).toEqual([]);
    for (const m of messages) {
      const r = parseHl7(m.text);
      if (!r.ok) continue;
      expect(() => JSON.stringify(toTree(r.message))).not.toThrow();
      expect(r.message.segments.length).toBeGreaterThan(0);
    }
  });

  it('locates the doubled escape character in MSH-2 as a repaired-encoding warning', () => {
    const repaired = messages
      .filter((m) => {
        const r = parseHl7(m.text);
        return r.warnings.some((w) => w.code === 'ENCODING_CHARACTERS_REPAIRED');
      })
      .map((m) => m.name);
    expect(repaired).toEqual(DOUBLED_ESCAPE_FILES);
    const r = parseHl7(corpusMessage('ADT/lfhres__sample_unix.hl7'));
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.code === 'ENCODING_CHARACTERS_REPAIRED')?.at).toEqual({
      segmentIndex: 0,
      segment: 'MSH',
      field: 2,
      offset: 4,
      line: 1,
    });
    if (r.ok)
      expect(r.message.encoding).toMatchObject({
        component: '^',
        repetition: '~',
        escape: '\\',
        subcomponent: '&',
      });
  });

  it('locates the literal "\\r" text of sample_unix as unterminated escapes', () => {
    const r = parseHl7(corpusMessage('ADT/lfhres__sample_unix.hl7'));
    const unterminated = r.warnings.filter((w) => w.code === 'UNTERMINATED_ESCAPE').map((w) => w.at);
    expect(unterminated).toEqual([
      { segmentIndex: 4, segment: 'OBX', field: 17, repetition: 1, component: 1, offset: 735, line: 5 },
      { segmentIndex: 6, segment: 'AL1', field: 5, repetition: 2, component: 1, offset: 828, line: 7 },
    ]);
    // The value is kept, backslash included, so nothing is lost.
    if (r.ok) expect(r.message.segments[6].fields.F5[1].C1).toBe('VOMITING\\r');
  });

  it('round-trips every message through parse and serialize', () => {
    for (const m of messages) {
      const r = parseHl7(m.text);
      if (!r.ok) throw new Error(m.name);
      expect(serializeHl7(r.message), m.name).toBe(normalized(m.text));
    }
  });
});
