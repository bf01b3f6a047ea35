import { describe, expect, test } from 'vitest';
import { HISTORY_LIMIT, canRedo, canUndo, createHistory, push, redo, undo } from './history';

describe('history', () => {
  test('undo and redo walk back and forth through the pushed states', () => {
    let h = createHistory('a');
    h = push(h, 'b');
    h = push(h, 'c');
    expect(canUndo(h)).toBe(true);
    expect(canRedo(h)).toBe(false);
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  test('a push after undo drops the undone future', () => {
    const h = push(undo(push(push(createHistory('a'), 'b'), 'c')), 'd');
    expect(h).toMatchObject({ past: ['a', 'b'], present: 'd', future: [] });
    expect(canRedo(h)).toBe(false);
  });

  test('pushing the present again adds no step', () => {
    const h = push(createHistory('a'), 'b');
    expect(push(h, 'b')).toBe(h);
  });

  test('keystrokes in one field make one undo step; another field starts a new one', () => {
    let h = createHistory('');
    for (const text of ['$', '$t', '$to', '$toDate'])
      h = push(h, text, { coalesceKey: 'transform.expression' });
    expect(h.past).toEqual(['']);
    h = push(h, '$toDate label', { coalesceKey: 'transform.label' });
    expect(h.past).toEqual(['', '$toDate']);
    expect(undo(undo(h)).present).toBe('');
  });

  test('an undo ends a run of typing: typing again is a new step', () => {
    let h = push(push(createHistory('a'), 'ab', { coalesceKey: 'k' }), 'abc', { coalesceKey: 'k' });
    h = undo(h);
    expect(h.present).toBe('a');
    h = push(h, 'ax', { coalesceKey: 'k' });
    expect(h.past).toEqual(['a']);
    // and an edit without a key ends the run too
    h = push(push(h, 'ax!'), 'ax!y', { coalesceKey: 'k' });
    expect(h.past).toEqual(['a', 'ax', 'ax!']);
  });

  test(`keeps at most ${HISTORY_LIMIT} steps, dropping the oldest`, () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = push(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
    expect(push(push(createHistory(0), 1, { limit: 1 }), 2, { limit: 1 }).past).toEqual([1]);
  });
});
