/**
 * Shared by the mapping tests and regenerate-expected.ts: reads the mapping folders, compiles each mapping
 * once, and maps a message with validation on. The engine is imported by path because the workspace root
 * (where mappings/ lives) does not depend on @mapwright/engine.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileMapping, runMapping } from '@mapwright/engine';
import type { CompiledMapping, RunResult } from '@mapwright/engine';
// by path: the workspace root does not depend on @mapwright/mapping-files, and this file has no imports
import { canonicalJsonText } from '../packages/mapping-files/src/canonical-json';

export const MAPPINGS_DIR = dirname(fileURLToPath(import.meta.url));
export { CORPUS_DIR, corpusPath } from '../tests/support/corpus';

const SAMPLE_EXTENSIONS = new Set(['.hl7', '.csv', '.json', '.txt']);

export interface Sample {
  name: string;
  path: string;
  text: string;
}

export interface MappingFolder {
  name: string;
  dir: string;
  compiled: CompiledMapping;
  samples: Sample[];
}

export function mappingFolderNames(): string[] {
  return readdirSync(MAPPINGS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(MAPPINGS_DIR, d.name, 'mapping.json')))
    .map((d) => d.name)
    .sort();
}

const cache = new Map<string, MappingFolder>();

/** Reads and compiles a mapping folder once per process. Throws with the compile errors when it does not compile. */
export function loadFolder(name: string): MappingFolder {
  const hit = cache.get(name);
  if (hit) return hit;
  const dir = join(MAPPINGS_DIR, name);
  const compiled = compileMapping(JSON.parse(readFileSync(join(dir, 'mapping.json'), 'utf8')));
  if (!compiled.ok) throw new Error(`${name} does not compile: ${JSON.stringify(compiled.errors, null, 2)}`);
  const samplesDir = join(dir, 'samples');
  const samples = readdirSync(samplesDir)
    .filter((f) => SAMPLE_EXTENSIONS.has(extname(f)))
    .sort()
    .map((f) => ({
      name: basename(f, extname(f)),
      path: join(samplesDir, f),
      text: readFileSync(join(samplesDir, f), 'utf8'),
    }));
  const folder = { name, dir, compiled: compiled.value, samples };
  cache.set(name, folder);
  return folder;
}

export function expectedPath(folder: MappingFolder, sample: Sample): string {
  return join(folder.dir, 'expected', `${sample.name}.json`);
}

/** Maps with validation on; coverage and lineage are not needed here. */
export function mapText(folder: MappingFolder, text: string): Promise<RunResult> {
  return runMapping(folder.compiled, text, { coverage: false });
}

export type MappedOk = Extract<RunResult, { ok: true }>;

export const errorIssues = (result: MappedOk) =>
  result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');

/** The bundle as plain JSON (drops the engine's non-enumerable entry tags), as it is written to expected/. */
export const plainBundle = (result: MappedOk): unknown => JSON.parse(JSON.stringify(result.bundle));

/** An expected file as the folder format (and so `mapwright export`) writes it, byte for byte. */
export const bundleFileText = (bundle: unknown): string => canonicalJsonText(bundle);
