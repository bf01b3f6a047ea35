import type { PreviewAnswer, PreviewResult } from './preview-types';

export interface PreviewState {
  result: PreviewResult | null;
  /** A request is on its way: `result` is for an earlier version of the mapping or sample. */
  pending: boolean;
  workerError: string | null;
}

/** Request id the worker uses for a failure of its own that no request caused (it did not start). */
export const ANY_REQUEST = -1;

/**
 * The preview state after an answer from the worker, when `latest` is the newest request posted. Answers to
 * older requests are dropped (same state back), so a slow run never overwrites a newer result.
 */
export function applyAnswer(state: PreviewState, answer: PreviewAnswer, latest: number): PreviewState {
  if (answer.kind === 'result')
    return answer.result.requestId === latest
      ? { result: answer.result, pending: false, workerError: null }
      : state;
  if (answer.requestId !== latest && answer.requestId !== ANY_REQUEST) return state;
  return { ...state, pending: false, workerError: answer.message };
}
