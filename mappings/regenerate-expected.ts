/**
 * Rewrites mappings/<folder>/expected/<sample>.json from the current engine output.
 *
 *   pnpm exec tsx mappings/regenerate-expected.ts [folder...]
 *
 * The expected files are reviewed truths, not snapshots: run this only after a deliberate change, then read
 * every changed bundle against its message and the HL7 v2-to-FHIR tables before committing the diff.
 * Samples that fail to map or have validation errors are reported and not written.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  bundleFileText,
  errorIssues,
  expectedPath,
  loadFolder,
  mapText,
  mappingFolderNames,
  plainBundle,
} from './harness';

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : mappingFolderNames();
let failed = 0;
for (const name of names) {
  const folder = loadFolder(name);
  for (const sample of folder.samples) {
    const result = await mapText(folder, sample.text);
    if (!result.ok) {
      failed++;
      process.stderr.write(`${name}/${sample.name}: mapping failed: ${JSON.stringify(result.errors)}\n`);
      continue;
    }
    const errors = errorIssues(result);
    if (errors.length > 0) {
      failed++;
      process.stderr.write(
        `${name}/${sample.name}: ${errors.length} validation errors: ${JSON.stringify(errors)}\n`,
      );
      continue;
    }
    const file = expectedPath(folder, sample);
    const text = bundleFileText(plainBundle(result));
    const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    process.stdout.write(
      `${before === text ? 'unchanged' : before === undefined ? 'written  ' : 'CHANGED  '} ${name}/${sample.name}\n`,
    );
  }
}
if (failed > 0) process.exitCode = 1;
