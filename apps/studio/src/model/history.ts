/** Undo/redo as plain data: what was, what is, what was undone. */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** The coalesce key of the last push; a push with the same key replaces the present instead of adding a step. */
  lastKey?: string;
}

export const HISTORY_LIMIT = 200;

export const createHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

/**
 * Records `next` as the present. Pushes with the same `coalesceKey` in a row (keystrokes in one field)
 * make one undo step; any other push, undo or redo ends the run. The oldest steps go beyond `limit`.
 */
export function push<T>(
  h: History<T>,
  next: T,
  options: { coalesceKey?: string; limit?: number } = {},
): History<T> {
  if (next === h.present) return h;
  const { coalesceKey, limit = HISTORY_LIMIT } = options;
  if (coalesceKey !== undefined && coalesceKey === h.lastKey)
    return { past: h.past, present: next, future: [], lastKey: coalesceKey };
  const past = [...h.past, h.present];
  return {
    past: past.length > limit ? past.slice(past.length - limit) : past,
    present: next,
    future: [],
    ...(coalesceKey === undefined ? {} : { lastKey: coalesceKey }),
  };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0;
export const canRedo = <T>(h: History<T>): boolean => h.future.length > 0;

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) };
}
