import { describe, expect, it } from 'vitest';
import { assertionsToText, locateAssertionRefusal, parseAssertionLines } from './assertion-lines';

const TEXT = "Patient.name.family = 'EVERYMAN'\n\n  Patient.birthDate = @1961-06-15  \r\nPatient.gender = \n";

describe('assertion lines', () => {
  it('takes one FHIRPath per non-blank line, trimmed', () => {
    expect(parseAssertionLines(TEXT)).toEqual([
      "Patient.name.family = 'EVERYMAN'",
      'Patient.birthDate = @1961-06-15',
      'Patient.gender =',
    ]);
    expect(parseAssertionLines(assertionsToText(['a = 1', 'b = 2']))).toEqual(['a = 1', 'b = 2']);
  });

  it("adds the text area's line to the server's refusal of assertion 3 (blank lines skipped)", () => {
    expect(locateAssertionRefusal('Assertion 3: unexpected end of expression', TEXT)).toBe(
      'Line 4: Assertion 3: unexpected end of expression',
    );
  });

  it('leaves other refusals to be shown as they are', () => {
    expect(locateAssertionRefusal('The mapping already has a test case named "admit"', TEXT)).toBeNull();
  });
});
