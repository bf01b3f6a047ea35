import { writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { createRunner } from '../engine-port';
import { describeDifference, firstDifference } from '../first-difference';
import type { Io } from '../io';
import { toJunitXml, type JunitCase } from '../junit';
import { findMappingFolders, loadMappingFolder } from '@mapwright/mapping-files';

export interface TestOptions {
  junit?: string;
}

/**
 * Golden tests: every sample of every mapping under `dir` must map to its expected bundle with no
 * validation error. One line per mapping, then `N passed, N failed` (mappings); exit status 1 on any failure.
 */
export async function testCommand(dir: string, options: TestOptions, io: Io): Promise<number> {
  const folders = await findMappingFolders(dir);
  const cases: JunitCase[] = [];
  let passed = 0;
  let failed = 0;
  if (folders.length === 0) {
    io.err(`no mapping folders (with mapping.json) under ${dir}\n`);
    return 1;
  }
  for (const path of folders) {
    const name = relative(process.cwd(), path) || path;
    const loaded = await loadMappingFolder(path);
    const failures: string[] = [];
    const started = performance.now();
    if (!loaded.ok) {
      failures.push(
        ...loaded.errors.map((e) => `${e.at.file}${e.at.path ? ` at ${e.at.path}` : ''}: ${e.message}`),
      );
      cases.push({ suite: name, name: 'mapping.json', time: 0, failure: failures.join('\n') });
    } else {
      const runner = createRunner(loaded.folder.mapping);
      if (!runner.ok) {
        failures.push(...runner.errors);
        cases.push({ suite: name, name: 'compile', time: 0, failure: runner.errors.join('\n') });
      } else {
        if (loaded.folder.samples.length === 0) failures.push('no samples in samples/');
        for (const sample of loaded.folder.samples) {
          const t0 = performance.now();
          const failure = await checkSample(
            await runner.run(sample.text),
            loaded.folder.expected.get(sample.name),
            sample.name,
          );
          if (failure) failures.push(failure);
          cases.push({ suite: name, name: sample.name, time: (performance.now() - t0) / 1000, failure });
        }
      }
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (failures.length === 0) {
      passed++;
      const count = loaded.ok ? loaded.folder.samples.length : 0;
      io.out(`✓ ${name}  ${count} sample${count === 1 ? '' : 's'}  (${seconds} s)\n`);
    } else {
      failed++;
      io.out(`✗ ${name}  ${failures.length} failure${failures.length === 1 ? '' : 's'}\n`);
      for (const f of failures) io.out(`    ${f.replace(/\n/g, '\n    ')}\n`);
    }
  }
  if (options.junit) await writeFile(options.junit, toJunitXml(cases));
  io.out(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

async function checkSample(
  outcome: Awaited<ReturnType<Extract<ReturnType<typeof createRunner>, { ok: true }>['run']>>,
  expected: unknown,
  sample: string,
): Promise<string | undefined> {
  if (!outcome.ok) return `${sample}: not mapped: ${outcome.errors.join('; ')}`;
  const errors = outcome.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (errors.length > 0) {
    return `${sample}: ${errors.length} validation error(s): ${errors
      .slice(0, 3)
      .map((i) => `${i.expression ?? '?'}${i.nodeId ? ` (node ${i.nodeId})` : ''}: ${i.message}`)
      .join('; ')}`;
  }
  if (expected === undefined) return `${sample}: no expected/${sample}.json`;
  const difference = firstDifference(expected, outcome.bundle);
  return difference ? `${sample}: ${describeDifference(difference)}` : undefined;
}
