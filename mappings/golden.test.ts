import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bundleFileText,
  errorIssues,
  expectedPath,
  loadFolder,
  mapText,
  mappingFolderNames,
  plainBundle,
} from './harness';

// Every sample of every mapping folder maps to its reviewed expected bundle, with no validation errors.
// After a deliberate change: `pnpm exec tsx mappings/regenerate-expected.ts`, then review the diff.
describe.each(mappingFolderNames())('mapping %s', (name) => {
  const folder = loadFolder(name);

  it('has at least five samples', () => {
    expect(folder.samples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(folder.samples.map((s) => [s.name, s] as const))(
    '%s maps to its expected bundle',
    async (_name, sample) => {
      const result = await mapText(folder, sample.text);
      if (!result.ok) expect.fail(`mapping failed: ${JSON.stringify(result.errors, null, 2)}`);
      expect(errorIssues(result)).toEqual([]);
      const file = expectedPath(folder, sample);
      expect(existsSync(file), `${file} is missing`).toBe(true);
      // Compare the canonical text, as regenerate-expected.ts and `mapwright export` write it.
      expect(bundleFileText(plainBundle(result))).toBe(readFileSync(file, 'utf8'));
    },
  );
});
