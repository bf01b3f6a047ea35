import { describe, expect, it } from 'vitest';
import { sortedJson } from './sorted-json';

describe('sortedJson', () => {
  it('prints two bundles that differ only in key order identically', () => {
    const a = { resourceType: 'Patient', name: [{ given: ['ADAM'], family: 'EVERYMAN' }], active: true };
    const b = { active: true, name: [{ family: 'EVERYMAN', given: ['ADAM'] }], resourceType: 'Patient' };
    expect(sortedJson(a)).toBe(sortedJson(b));
    expect(sortedJson(a)).toBe(
      [
        '{',
        '  "active": true,',
        '  "name": [',
        '    {',
        '      "family": "EVERYMAN",',
        '      "given": [',
        '        "ADAM"',
        '      ]',
        '    }',
        '  ],',
        '  "resourceType": "Patient"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps array order: a reordered list is a real difference', () => {
    expect(sortedJson({ given: ['A', 'B'] })).not.toBe(sortedJson({ given: ['B', 'A'] }));
  });

  it('prints nothing for a missing bundle', () => {
    expect(sortedJson(null)).toBe('');
    expect(sortedJson(undefined)).toBe('');
  });
});
