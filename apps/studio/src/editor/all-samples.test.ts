import { describe, expect, it } from 'vitest';
import type { PreviewResult } from '../preview/preview-types';
import { summarise, unmappedAcross } from './all-samples';

const result = (issues: PreviewResult['issues'], entries = 1): PreviewResult => ({
  requestId: 1,
  status: 'ok',
  bundle: { resourceType: 'Bundle', entry: Array.from({ length: entries }, () => ({})) },
  issues,
  nodeValues: {},
  program: '',
  timings: { totalMs: 1 },
});

describe('checking every sample', () => {
  it('counts errors, warnings and resources, and lists the codes each lookup missed', () => {
    const check = summarise(
      { id: 's1', name: 'admit' },
      result(
        [
          { severity: 'error', code: 'required', message: 'x' },
          { severity: 'warning', code: 'unmapped-code', message: 'y', nodeId: 'gender', value: 'X' },
        ],
        2,
      ),
    );
    expect(check).toMatchObject({
      errors: 1,
      warnings: 1,
      resources: 2,
      unmapped: [{ nodeId: 'gender', code: 'X' }],
    });
  });

  it('gathers one lookup’s unmapped codes across samples, each with the samples it came from', () => {
    const a = summarise(
      { id: 'a', name: 'admit' },
      result([{ severity: 'warning', code: 'unmapped-code', message: '', nodeId: 'gender', value: 'X' }]),
    );
    const b = summarise(
      { id: 'b', name: 'update' },
      result([
        { severity: 'warning', code: 'unmapped-code', message: '', nodeId: 'gender', value: 'X' },
        { severity: 'warning', code: 'unmapped-code', message: '', nodeId: 'gender', value: 'U' },
        { severity: 'warning', code: 'unmapped-code', message: '', nodeId: 'marital', value: 'Q' },
      ]),
    );
    expect(unmappedAcross([a, b], 'gender')).toEqual([
      { code: 'U', samples: ['update'] },
      { code: 'X', samples: ['admit', 'update'] },
    ]);
  });
});
