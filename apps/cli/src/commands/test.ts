import { writeFile } from 'node:fs/promises';
import { extname, relative } from 'node:path';
import {
  bundledConceptMaps,
  compileMapping,
  conceptMapFromJson,
  createTerminology,
  describeRunError,
  runTestCases,
  type ConceptMap,
  type TestFailure,
  type TestResult,
} from '@mapwright/engine';
import {
  describeFolderError,
  findMappingFolders,
  readMappingFolder,
  type FolderData,
} from '@mapwright/mapping-files';
import { describeDifference, firstDifference } from '../first-difference';
import type { Io } from '../io';
import { toJunitXml, type JunitCase } from '../junit';

export interface TestOptions {
  junit?: string;
}

/**
 * Runs the test cases of every mapping under `dir`: each sample's expected bundle (expected/) and the
 * FHIRPath assertions of tests/, through the engine's runTestCases, as the server and the studio run them.
 * Every sample must be tested. One line per mapping, then `N passed, N failed` (mappings); exit 1 on any
 * failure.
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
    const started = performance.now();
    const checked = await testFolder(path, name, cases);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (checked.failures.length === 0) {
      passed++;
      io.out(
        `✓ ${name}  ${plural(checked.samples, 'sample')}, ${plural(checked.tests, 'test')}  (${seconds} s)\n`,
      );
    } else {
      failed++;
      io.out(`✗ ${name}  ${plural(checked.failures.length, 'failure')}\n`);
      for (const f of checked.failures) io.out(`    ${f.replace(/\n/g, '\n    ')}\n`);
    }
  }
  if (options.junit) await writeFile(options.junit, toJunitXml(cases));
  io.out(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

async function testFolder(
  path: string,
  suite: string,
  cases: JunitCase[],
): Promise<{ failures: string[]; samples: number; tests: number }> {
  const read = await readMappingFolder(path);
  if (!read.ok) {
    const failures = read.errors.map(describeFolderError);
    cases.push({ suite, name: 'folder', time: 0, failure: failures.join('\n') });
    return { failures, samples: 0, tests: 0 };
  }
  const folder = read.folder;
  const compiled = compileMapping(folder.mapping);
  if (!compiled.ok) {
    const failures = compiled.errors.map(describeRunError);
    cases.push({ suite, name: 'compile', time: 0, failure: failures.join('\n') });
    return { failures, samples: folder.samples.length, tests: folder.tests.length };
  }
  const failures: string[] = [];
  if (folder.samples.length === 0) failures.push('no samples in samples/');
  const tested = new Set(folder.tests.map((t) => t.sampleName));
  for (const sample of folder.samples)
    if (!tested.has(sample.name)) {
      const stem = sample.name.slice(0, sample.name.length - extname(sample.name).length);
      failures.push(`${stem}: no expected/${stem}.json (and no tests/*.json runs ${sample.name})`);
    }
  const texts = new Map(folder.samples.map((s) => [s.name, s.text]));
  const terminology = createTerminology([...bundledConceptMaps(), ...folderConceptMaps(folder)]);
  for (const test of folder.tests) {
    const t0 = performance.now();
    const run = await runTestCases(compiled.value, [{ ...test, text: texts.get(test.sampleName) ?? '' }], {
      terminology,
    });
    const result = run.results[0]!;
    const lines = result.failures.map((f) => `${test.name}: ${describeFailure(f, result)}`);
    failures.push(...lines);
    const failure = lines.length > 0 ? lines.join('\n') : undefined;
    cases.push({ suite, name: test.name, time: (performance.now() - t0) / 1000, failure });
  }
  return { failures, samples: folder.samples.length, tests: folder.tests.length };
}

function folderConceptMaps(folder: FolderData): ConceptMap[] {
  return folder.conceptMaps.flatMap((value) => {
    const checked = conceptMapFromJson(value);
    return checked.ok ? [checked.conceptMap] : [];
  });
}

/** One line per failure; bundle differences as the first differing element, expected against actual. */
function describeFailure(failure: TestFailure, result: TestResult): string {
  switch (failure.kind) {
    case 'run':
      return `not mapped: ${failure.message}`;
    case 'validation':
      return `${failure.count} validation error(s): ${failure.first.join('; ')}`;
    case 'assertion':
      return `assertion ${failure.index + 1} \`${failure.expression}\`: ${failure.message}`;
    case 'bundle': {
      const first = firstDifference(result.expected, JSON.parse(JSON.stringify(result.actual)));
      return first
        ? describeDifference(first)
        : `${failure.differences.length} element(s) differ, first at ${failure.differences[0]?.path ?? 'Bundle'}`;
    }
  }
}
