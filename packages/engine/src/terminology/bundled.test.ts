import { describe, expect, it } from 'vitest';
import { staleBundledFiles } from '../../scripts/generate-concept-maps';

describe('bundled ConceptMaps', () => {
  it('match what scripts/generate-concept-maps.ts generates (rerun it instead of editing bundled/)', () => {
    expect(staleBundledFiles()).toEqual([]);
  });
});
