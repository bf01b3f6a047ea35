import { describe, expect, it } from 'vitest';
import { canSubmit, formatTime } from './review-state';

describe('review state', () => {
  it('lets a version go to review only when never submitted or sent back', () => {
    expect(canSubmit('none')).toBe(true);
    expect(canSubmit('changes-requested')).toBe(true);
    expect(canSubmit('in-review')).toBe(false);
    expect(canSubmit('approved')).toBe(false);
  });

  it('writes a time to the minute and leaves an unreadable one as it came', () => {
    expect(formatTime(new Date(2026, 10, 22, 8, 5))).toBe('2026-11-22 08:05');
    expect(formatTime('not a time')).toBe('not a time');
  });
});
