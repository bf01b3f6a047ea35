import { describe, expect, it } from 'vitest';
import { completionEntries, hoverText } from './jsonata-completions';

describe('completionEntries', () => {
  it('offers the inputs first, then $msg, the HL7 datatype functions and the JSONata built-ins', () => {
    const entries = completionEntries(['dob', 'name']);
    const sorted = [...entries].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((e) => e.label);
    expect(sorted.slice(0, 3)).toEqual(['$dob', '$name', '$msg']);
    expect(sorted.indexOf('$toDate')).toBeLessThan(sorted.indexOf('$translate'));
    expect(sorted.indexOf('$translate')).toBeLessThan(sorted.indexOf('$substring'));
  });

  it('inserts functions with the cursor inside the parentheses, `$` escaped for the snippet', () => {
    const toDate = completionEntries([]).find((e) => e.label === '$toDate');
    expect(toDate).toMatchObject({
      insertSnippet: '\\$toDate($0)',
      kind: 'function',
      detail: '$toDate(value) · HL7 datatype',
    });
    expect(toDate!.documentation).toMatch(/FHIR date/);
  });

  it('leaves out the helpers only the generated program calls', () => {
    const labels = completionEntries([]).map((e) => e.label);
    expect(labels).not.toContain('$entry');
    expect(labels).not.toContain('$uuid');
    expect(labels).toContain('$toCodeableConcept');
    expect(labels).toContain('$uppercase');
  });
});

describe('hoverText', () => {
  it('describes inputs, $msg and functions, and nothing else', () => {
    expect(hoverText('dob', ['dob'])).toMatch(/input/);
    expect(hoverText('msg', [])).toMatch(/message/);
    expect(hoverText('substring', [])).toMatch(/^`\$substring\(str, start\[, length\]\)`/);
    expect(hoverText('nope', [])).toBeUndefined();
  });
});
