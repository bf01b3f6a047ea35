import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The shared third-party corpus. Sessions and CI clone the repository with `shared/` beside it, so it is
 * `../shared/corpus` from the repository root; MAPWRIGHT_CORPUS points elsewhere.
 */
export const CORPUS_DIR = resolve(
  process.env.MAPWRIGHT_CORPUS ?? join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus'),
);

/**
 * The corpus folder `sub`, or a thrown error saying where it was looked for: tests that need the corpus
 * fail loudly when it is missing instead of passing without having checked anything.
 */
export function corpusPath(...sub: string[]): string {
  const path = join(CORPUS_DIR, ...sub);
  if (!existsSync(path)) {
    throw new Error(
      `The test corpus is missing: ${path} does not exist (set MAPWRIGHT_CORPUS to its location)`,
    );
  }
  return path;
}
