import { describe, expect, it } from 'vitest';
import { previousVersion } from './previous-version';

describe('previousVersion', () => {
  it('offers nothing before the first deployment or when only one version ever ran', () => {
    expect(previousVersion([])).toBeNull();
    expect(previousVersion([{ versionId: 'v1' }, { versionId: 'v1' }])).toBeNull();
  });

  it('goes back past redeployments of the live version to the one before it', () => {
    const history = [{ versionId: 'v2' }, { versionId: 'v2' }, { versionId: 'v1' }];
    expect(previousVersion(history)).toEqual({ versionId: 'v1' });
  });

  it('after a rollback, goes back to the version rolled back from', () => {
    const history = [{ versionId: 'v1' }, { versionId: 'v2' }, { versionId: 'v1' }];
    expect(previousVersion(history)).toEqual({ versionId: 'v2' });
  });
});
