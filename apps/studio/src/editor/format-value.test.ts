import { describe, expect, it } from 'vitest';
import { formatValue } from './format-value';

describe('formatValue', () => {
  it('shows absence as a dash, strings quoted, and long values cut with an ellipsis', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue('EVERYMAN')).toBe('"EVERYMAN"');
    expect(formatValue({ family: 'X' })).toBe('{"family":"X"}');
    const long = formatValue('x'.repeat(100), 20);
    expect(long).toHaveLength(20);
    expect(long.endsWith('…')).toBe(true);
  });
});
