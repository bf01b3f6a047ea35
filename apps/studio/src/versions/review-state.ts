import type { AppRouter } from '@mapwright/api';
import type { inferRouterOutputs } from '@trpc/server';

/** A version's review state, derived on the server from its review actions. */
export type ReviewState = inferRouterOutputs<AppRouter>['versions']['list'][number]['reviewState'];

export const REVIEW_STATE_TEXT: Record<ReviewState, string> = {
  none: 'Not submitted',
  'in-review': 'In review',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

/** "2026-11-22 08:14" in the reader's own time zone, to the minute: what a timeline needs. */
export function formatTime(value: string | Date): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
