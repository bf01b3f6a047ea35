import { describe, expect, it } from 'vitest';
import { flattenResource } from './flatten-resource';

describe('flattenResource', () => {
  it('lists every leaf with its path, repetitions indexed, in document order', () => {
    expect(
      flattenResource({
        resourceType: 'Patient',
        name: [{ family: 'EVERYMAN', given: ['ADAM', 'A'] }],
        active: true,
      }),
    ).toEqual([
      { path: 'resourceType', value: 'Patient' },
      { path: 'name[0].family', value: 'EVERYMAN' },
      { path: 'name[0].given[0]', value: 'ADAM' },
      { path: 'name[0].given[1]', value: 'A' },
      { path: 'active', value: true },
    ]);
  });
});
