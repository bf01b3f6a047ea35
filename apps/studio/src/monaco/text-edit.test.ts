import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalEdit } from './text-edit';

const apply = (text: string, edit: ReturnType<typeof minimalEdit>) =>
  edit === undefined ? text : text.slice(0, edit.start) + edit.text + text.slice(edit.end);

describe('minimalEdit', () => {
  it('replaces only the changed middle of a bundle', () => {
    const before = '{\n  "gender": "male",\n  "birthDate": "1980-01-01"\n}';
    const after = '{\n  "gender": "female",\n  "birthDate": "1980-01-01"\n}';
    expect(minimalEdit(before, after)).toEqual({ start: 15, end: 15, text: 'fe' });
  });

  it('says nothing changed for equal texts', () => {
    expect(minimalEdit('same', 'same')).toBeUndefined();
  });

  it('never splits an emoji (a surrogate pair)', () => {
    const edit = minimalEdit('a😀b', 'a😃b');
    expect(edit).toEqual({ start: 1, end: 3, text: '😃' });
  });

  it('always turns the old text into the new one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        expect(apply(before, minimalEdit(before, after))).toBe(after);
      }),
    );
  });
});
