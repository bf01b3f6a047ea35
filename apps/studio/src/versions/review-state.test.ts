import { describe, expect, it } from 'vitest';
import { formatTime } from './review-state';

describe('review state', () => {
  it('writes a time to the minute and leaves an unreadable one as it came', () => {
    expect(formatTime(new Date(2026, 10, 22, 8, 5))).toBe('2026-11-22 08:05');
    expect(formatTime('not a time')).toBe('not a time');
  });
});
