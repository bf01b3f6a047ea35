import { describe, expect, it } from 'vitest';
import { reviewState, type ReviewActionKind } from './review-state';

const state = (...kinds: ReviewActionKind[]) => reviewState(kinds.map((kind) => ({ kind })));

describe('reviewState', () => {
  it('is none until the version is submitted, whatever was said about it', () => {
    expect(state()).toBe('none');
    expect(state('comment', 'comment')).toBe('none');
    // A decision without a submit (not something the API records) does not start a review.
    expect(state('approve')).toBe('none');
  });

  it('is in review after a submit until a decision, comments included', () => {
    expect(state('submit')).toBe('in-review');
    expect(state('submit', 'comment', 'comment')).toBe('in-review');
  });

  it('takes the decision made after the last submit', () => {
    expect(state('submit', 'approve')).toBe('approved');
    expect(state('submit', 'comment', 'request_changes', 'comment')).toBe('changes-requested');
    expect(state('submit', 'request_changes', 'submit')).toBe('in-review');
    expect(state('submit', 'request_changes', 'submit', 'approve')).toBe('approved');
  });
});
