import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createRunner } from '../engine-port';
import type { Io } from '../io';
import { findMappingFolders, loadMappingFolder } from '@mapwright/mapping-files';

/**
 * The README's first line: maps every sample of every example mapping, writes each bundle to
 * `<out>/<mapping>/<sample>.json` and prints what came out. Exit status 1 if any sample failed.
 */
export async function examplesCommand(dir: string, out: string, io: Io): Promise<number> {
  let failures = 0;
  let messages = 0;
  for (const path of await findMappingFolders(dir)) {
    const loaded = await loadMappingFolder(path);
    if (!loaded.ok) {
      failures++;
      io.out(`✗ ${relative(process.cwd(), path)}: ${loaded.errors.map((e) => e.message).join('; ')}\n`);
      continue;
    }
    const { mapping, samples } = loaded.folder;
    const runner = createRunner(mapping);
    if (!runner.ok) {
      failures++;
      io.out(`✗ ${mapping.id}: ${runner.errors.join('; ')}\n`);
      continue;
    }
    io.out(`${mapping.name} (${mapping.id})\n`);
    await mkdir(join(out, mapping.id), { recursive: true });
    for (const sample of samples) {
      messages++;
      const outcome = await runner.run(sample.text);
      if (!outcome.ok) {
        failures++;
        io.out(`  ✗ ${sample.name}: ${outcome.errors.join('; ')}\n`);
        continue;
      }
      const target = join(out, mapping.id, `${sample.name}.json`);
      await writeFile(target, JSON.stringify(outcome.bundle, null, 2) + '\n');
      const errors = outcome.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length;
      if (errors > 0) failures++;
      io.out(
        `  ${errors ? '✗' : '✓'} ${sample.name} -> ${summarize(outcome.bundle)}; ${errors} validation error${errors === 1 ? '' : 's'}; ${outcome.unusedFields} unused source field${outcome.unusedFields === 1 ? '' : 's'}\n`,
      );
    }
  }
  io.out(
    `\n${messages} messages mapped, ${failures} with problems; bundles written to ${relative(process.cwd(), out) || out}/\n`,
  );
  return failures === 0 ? 0 : 1;
}

/** "Patient, Encounter, 2 Observation" */
function summarize(bundle: unknown): string {
  const entries = (bundle as { entry?: { resource?: { resourceType?: string } }[] }).entry ?? [];
  const counts = new Map<string, number>();
  for (const e of entries) {
    const type = e.resource?.resourceType ?? '?';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, n]) => (n === 1 ? type : `${n} ${type}`)).join(', ') || 'empty bundle';
}
