// Test-only helper: reads the shared corpus (tests may do I/O, the package code does not).
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { corpusPath } from '../../../tests/support/corpus';

export const CORPUS_DIR = corpusPath('hl7v2');

export interface CorpusMessage {
  /** Path relative to the corpus folder, e.g. "ADT/lfhres__sample_unix.hl7". */
  name: string;
  text: string;
}

let cache: CorpusMessage[] | undefined;

export function corpusMessages(): CorpusMessage[] {
  cache ??= globSync('**/*.hl7', { cwd: CORPUS_DIR })
    .sort()
    .map((name) => ({
      name: relative(CORPUS_DIR, join(CORPUS_DIR, name)),
      text: readFileSync(join(CORPUS_DIR, name), 'utf8'),
    }));
  return cache;
}

export function corpusMessage(name: string): string {
  return readFileSync(join(CORPUS_DIR, name), 'utf8');
}
