import { describe, expect, it } from 'vitest';
import { canonicalJsonText } from './canonical-json';

describe('canonicalJsonText', () => {
  it('sorts keys at every level, indents by two, ends with a newline and keeps array order', () => {
    expect(canonicalJsonText({ b: 1, a: { d: [3, 1], c: null } })).toBe(
      '{\n  "a": {\n    "c": null,\n    "d": [3, 1]\n  },\n  "b": 1\n}\n',
    );
  });

  it('puts an array of scalars on one line only while the line, comma included, fits 110 characters', () => {
    const fits = 'x'.repeat(110 - '  "k": [""],'.length);
    expect(canonicalJsonText({ k: [fits], z: 1 })).toBe(`{\n  "k": ["${fits}"],\n  "z": 1\n}\n`);
    const long = `${fits}x`;
    expect(canonicalJsonText({ k: [long], z: 1 })).toBe(`{\n  "k": [\n    "${long}"\n  ],\n  "z": 1\n}\n`);
  });

  it('breaks an array holding objects, one element per line, and writes empty containers short', () => {
    expect(canonicalJsonText([{ a: 1 }, {}, []])).toBe('[\n  {\n    "a": 1\n  },\n  {},\n  []\n]\n');
  });

  it('gives equal text for equal content, whatever the key order', () => {
    expect(canonicalJsonText({ a: 1, b: [{ y: 2, x: 1 }] })).toBe(
      canonicalJsonText({ b: [{ x: 1, y: 2 }], a: 1 }),
    );
  });
});
