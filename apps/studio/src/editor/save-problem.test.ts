import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './save-problem';

describe('retryDelayMs', () => {
  it('retries only what may pass by itself, backing off from 5 s to at most 30 s', () => {
    const down = { kind: 'unreachable' } as const;
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(down, n))).toEqual([
      5_000, 10_000, 20_000, 30_000, 30_000,
    ]);
    expect(retryDelayMs({ kind: 'server-error' }, 1)).toBe(5_000);
  });
  it('never retries a conflict, an expired session or a refused draft: the analyst acts first', () => {
    expect(retryDelayMs({ kind: 'conflict', message: 'x' }, 1)).toBeNull();
    expect(retryDelayMs({ kind: 'session-expired' }, 1)).toBeNull();
    expect(retryDelayMs({ kind: 'rejected', message: 'x' }, 1)).toBeNull();
  });
});
