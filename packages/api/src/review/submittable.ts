import type { ReviewState } from '@mapwright/db';

/** A version may go (back) to review when it was never submitted or the reviewer asked for changes. */
export const SUBMITTABLE_STATES: readonly ReviewState[] = ['none', 'changes-requested'];
