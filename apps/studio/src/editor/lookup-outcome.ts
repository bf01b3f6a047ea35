import type { PreviewResult } from '../preview/preview-types';

/**
 * Hit or miss of a lookup for the current sample. A miss is a code the map does not have, whatever the
 * node then did with it (failed, passed it through, used the default), so a passthrough never looks
 * like a hit. Null when the lookup did not run (no value reached it).
 */
export function lookupOutcome(
  result: PreviewResult | null,
  issues: PreviewResult['issues'],
  nodeId: string,
): 'hit' | 'miss' | null {
  if (!result) return null;
  if (issues.some((i) => i.code === 'unmapped-code' || (i.severity === 'error' && i.nodeId === nodeId)))
    return 'miss';
  const value = result.nodeValues[nodeId];
  return value === undefined || value === null ? null : 'hit';
}
