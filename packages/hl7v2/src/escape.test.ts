import { describe, expect, it } from 'vitest';
import { DEFAULT_ENCODING } from './encoding';
import { escapeValue, unescapeValue } from './escape';

describe('unescapeValue', () => {
  const enc = DEFAULT_ENCODING;

  it('decodes the delimiter escapes', () => {
    expect(unescapeValue('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f', enc)).toBe('a|b^c&d~e\\f');
  });

  it('decodes line breaks and hexadecimal as UTF-8, falling back to Latin-1', () => {
    expect(unescapeValue('line1\\.br\\line2', enc)).toBe('line1\nline2');
    expect(unescapeValue('caf\\XC3A9\\', enc)).toBe('café');
    expect(unescapeValue('caf\\XE9\\', enc)).toBe('café');
    expect(unescapeValue('\\X0D0A\\', enc)).toBe('\r\n');
  });

  it('drops highlighting and keeps other sequences literally', () => {
    expect(unescapeValue('\\H\\bold\\N\\', enc)).toBe('bold');
    expect(unescapeValue('x\\C2842\\y', enc)).toBe('x\\C2842\\y');
    expect(unescapeValue('\\.ce\\t', enc)).toBe('\\.ce\\t');
  });

  it('reports sequences it cannot decode and keeps them', () => {
    const problems: string[] = [];
    const report = (code: string, _m: string, at: number) => problems.push(`${code}@${at}`);
    expect(unescapeValue('ab\\XZZ\\', enc, report)).toBe('ab\\XZZ\\');
    expect(unescapeValue('a\\r', enc, report)).toBe('a\\r');
    expect(problems).toEqual(['BAD_HEX_ESCAPE@2', 'UNTERMINATED_ESCAPE@1']);
  });

  it('uses the message escape character', () => {
    expect(unescapeValue('a#F#b', { ...enc, escape: '#' })).toBe('a|b');
  });
});

describe('escapeValue', () => {
  it('escapes every delimiter and line breaks, and unescapes back', () => {
    const value = 'a|b^c&d~e\\f\ng';
    const escaped = escapeValue(value, DEFAULT_ENCODING);
    expect(escaped).toBe('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f\\.br\\g');
    expect(unescapeValue(escaped, DEFAULT_ENCODING)).toBe(value);
  });
});
