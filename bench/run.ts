import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { benchEngine } from './engine-bench';

/**
 * `pnpm bench`: runs every benchmark in this process (one core: nothing here spawns workers),
 * prints the figures and writes them to bench/results/<name>.json.
 */
const results = join(import.meta.dirname, 'results');
mkdirSync(results, { recursive: true });

const machine = { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length };
const engine = { measuredAt: new Date().toISOString(), machine, ...(await benchEngine()) };
writeFileSync(join(results, 'engine.json'), JSON.stringify(engine, null, 2) + '\n');
console.log(`\nwrote ${join('bench', 'results', 'engine.json')}`);
