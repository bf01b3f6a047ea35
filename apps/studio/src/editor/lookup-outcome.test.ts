import { describe, expect, it } from 'vitest';
import type { PreviewResult } from '../preview/preview-types';
import { lookupOutcome } from './lookup-outcome';

const result = (value: unknown): PreviewResult => ({
  requestId: 1,
  status: 'ok',
  issues: [],
  nodeValues: { gender: value },
  program: '',
  timings: { totalMs: 1 },
});

describe('lookupOutcome', () => {
  it('is a hit when the map had the code', () => {
    expect(lookupOutcome(result('male'), [], 'gender')).toBe('hit');
  });
  it('is a miss for a passed-through code even though a value came out', () => {
    const issues = [{ severity: 'warning' as const, code: 'unmapped-code', message: '', nodeId: 'gender' }];
    expect(lookupOutcome(result('X'), issues, 'gender')).toBe('miss');
  });
  it('says nothing when no code reached the lookup', () => {
    expect(lookupOutcome(result(undefined), [], 'gender')).toBeNull();
    expect(lookupOutcome(null, [], 'gender')).toBeNull();
  });
});
