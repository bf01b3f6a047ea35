import { describe, expect, it } from 'vitest';
import { parseJsonText } from './json-text';

describe('parseJsonText', () => {
  it('locates a syntax error by line and column', () => {
    const result = parseJsonText('{\n  "resourceType": "Patient",\n  "gender": male\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.at).toMatchObject({ line: 3, column: 13 });
      expect(result.error.message).toContain('line 3, column 13');
    }
  });

  it('locates a missing closing brace at the end', () => {
    const result = parseJsonText('{"a": [1, 2]');
    expect(result.ok ? undefined : result.error.at.line).toBe(1);
  });

  it('parses valid JSON, also after a UTF-8 byte order mark', () => {
    expect(parseJsonText('\uFEFF{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
