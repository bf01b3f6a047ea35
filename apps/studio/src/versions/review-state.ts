/** A version's review state, derived on the server from its review actions. */
export type ReviewState = 'none' | 'in-review' | 'approved' | 'changes-requested';

export const REVIEW_STATE_TEXT: Record<ReviewState, string> = {
  none: 'Not submitted',
  'in-review': 'In review',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

/** A version may go (back) to review when it was never submitted or the reviewer asked for changes. */
export const canSubmit = (state: ReviewState): boolean => state === 'none' || state === 'changes-requested';

/** "2026-11-22 08:14": the same on every machine, so people can talk about a time. */
export function formatTime(value: string | Date): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
