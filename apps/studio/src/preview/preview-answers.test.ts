import { describe, expect, it } from 'vitest';
import { ANY_REQUEST, applyAnswer, type PreviewState } from './preview-answers';
import type { PreviewResult } from './preview-types';

const result = (requestId: number): PreviewResult => ({
  requestId,
  status: 'ok',
  issues: [],
  nodeValues: {},
  program: '(...)',
  timings: { totalMs: 1 },
});
const waiting: PreviewState = { result: result(1), pending: true, workerError: null };

describe('applyAnswer (latest request wins)', () => {
  it('takes the answer to the newest request and stops waiting', () => {
    expect(applyAnswer(waiting, { kind: 'result', result: result(3) }, 3)).toEqual({
      result: result(3),
      pending: false,
      workerError: null,
    });
  });

  it('drops an answer to an older request that arrives late', () => {
    expect(applyAnswer(waiting, { kind: 'result', result: result(2) }, 3)).toBe(waiting);
    expect(applyAnswer(waiting, { kind: 'worker-error', requestId: 2, message: 'x' }, 3)).toBe(waiting);
  });

  it('shows a failure of the worker for the newest request or for no request, keeping the last result', () => {
    const failed = applyAnswer(
      waiting,
      { kind: 'worker-error', requestId: ANY_REQUEST, message: 'stopped' },
      3,
    );
    expect(failed).toEqual({ result: result(1), pending: false, workerError: 'stopped' });
    // the next good answer clears it
    expect(applyAnswer(failed, { kind: 'result', result: result(3) }, 3).workerError).toBeNull();
  });
});
