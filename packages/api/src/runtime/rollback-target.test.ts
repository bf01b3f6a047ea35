import { describe, expect, it } from 'vitest';
import { rollbackTarget } from './rollback-target';

// Histories are newest first, as the deployment repository returns them.
const history = (...versionIds: string[]) => versionIds.map((versionId) => ({ versionId }));

describe('rollbackTarget', () => {
  it('goes back to the newest version that is not the live one', () => {
    expect(rollbackTarget(history('v3', 'v2', 'v1'))).toEqual({ versionId: 'v2' });
    // v2 deployed twice in a row: rolling back skips its repeat.
    expect(rollbackTarget(history('v2', 'v2', 'v1'))).toEqual({ versionId: 'v1' });
    // After a rollback to v1, rolling back again returns to v2.
    expect(rollbackTarget(history('v1', 'v2', 'v1'))).toEqual({ versionId: 'v2' });
  });

  it('goes to a requested version only when it ran on the channel before and is not live', () => {
    expect(rollbackTarget(history('v3', 'v2', 'v1'), 'v1')).toEqual({ versionId: 'v1' });
    expect(rollbackTarget(history('v3', 'v2'), 'v9')).toEqual({ refused: 'never-deployed' });
    expect(rollbackTarget(history('v3', 'v2'), 'v3')).toEqual({ refused: 'already-live' });
  });

  it('refuses when there is nothing to go back to', () => {
    expect(rollbackTarget([])).toEqual({ refused: 'nothing-deployed' });
    expect(rollbackTarget(history('v1', 'v1'))).toEqual({ refused: 'no-earlier-version' });
  });
});
