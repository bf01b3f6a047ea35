import { z } from 'zod';

export const reviewActionKindSchema = z.enum(['submit', 'comment', 'approve', 'request_changes']);
export type ReviewActionKind = z.infer<typeof reviewActionKindSchema>;

export const reviewStateSchema = z.enum(['none', 'in-review', 'approved', 'changes-requested']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/**
 * Where a version's review stands, from its actions in the order they happened: 'none' before the
 * first submit; after the last submit, the last decision taken since then, else 'in-review'. Derived,
 * never stored, so the append-only record is the only truth and cannot disagree with a status column.
 */
export function reviewState(actions: ReadonlyArray<{ kind: ReviewActionKind }>): ReviewState {
  let state: ReviewState = 'none';
  for (const { kind } of actions) {
    if (kind === 'submit') state = 'in-review';
    else if (state === 'none' || kind === 'comment') continue;
    else state = kind === 'approve' ? 'approved' : 'changes-requested';
  }
  return state;
}
