import { describe, expect, it } from 'vitest';
import { describeDifference, firstDifference } from './first-difference';

describe('firstDifference', () => {
  it('finds nothing in equal bundles whatever the key order', () => {
    expect(firstDifference({ a: 1, b: [{ c: 'x' }] }, { b: [{ c: 'x' }], a: 1 })).toBeUndefined();
  });

  it('addresses the first changed element the way a reviewer reads it', () => {
    const expected = { entry: [{ resource: { name: [{ family: 'Smith' }] } }] };
    const actual = { entry: [{ resource: { name: [{ family: 'Smyth' }] } }] };
    const d = firstDifference(expected, actual);
    expect(d?.path).toBe('Bundle.entry[0].resource.name[0].family');
    expect(describeDifference(d!)).toBe(
      'Bundle.entry[0].resource.name[0].family: expected "Smith", got "Smyth"',
    );
  });

  it('reports an element that is missing or extra', () => {
    expect(describeDifference(firstDifference({ a: 1 }, {})!)).toBe('Bundle.a: expected 1, got nothing');
    expect(firstDifference([1], [1, 2])?.path).toBe('Bundle[1]');
  });
});
