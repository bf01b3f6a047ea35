import { REVIEW_STATE_TEXT, type ReviewState } from './review-state';

export function ReviewBadge({ state }: { state: ReviewState }) {
  return (
    <span className={`review-badge review-${state}`} data-review-state={state}>
      {REVIEW_STATE_TEXT[state]}
    </span>
  );
}
