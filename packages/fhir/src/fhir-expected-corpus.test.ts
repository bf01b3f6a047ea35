import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../../../tests/support/corpus';
import { validateBundle } from './validate-bundle';

const CORPUS = corpusPath('fhir-expected');

function expectedFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return expectedFiles(path);
    return e.name.endsWith('.expected.json') ? [path] : [];
  });
}

const files = expectedFiles(CORPUS);

// These bundles come from other converters, so they are not asserted clean: the point is that the
// validator copes with real output and locates every problem it finds.
describe('reference converter output (fhir-expected corpus)', () => {
  it('validates every bundle without throwing and locates every issue', () => {
    let issues = 0;
    for (const file of files) {
      const result = validateBundle(JSON.parse(readFileSync(file, 'utf8')));
      for (const issue of result.issues) {
        expect(issue.expression?.[0], file).toMatch(/^Bundle(\.|$)/);
        issues++;
      }
      for (const entry of result.entries) {
        for (const issue of entry.issues)
          expect(issue.expression?.[0]).toMatch(`Bundle.entry[${entry.index}]`);
      }
    }
    expect(files.length).toBeGreaterThan(0);
    expect(issues).toBeGreaterThanOrEqual(0);
  });
});
