import { createMappingRepository, type Database } from '@mapwright/db';
import {
  describeFolderError,
  findMappingFolders,
  importFolder,
  readMappingFolder,
} from '@mapwright/mapping-files';

export interface LoadedExample {
  slug: string;
  /** False when a mapping with that slug was already in the database: it is left as the users made it. */
  created: boolean;
  samples: number;
  tests: number;
}

/**
 * Loads the mapping folders under `dir` (the repository's mappings/) into the database at start-up through
 * the same import as `mapwright import`: each becomes a mapping with its graph as version 1, its samples,
 * test cases and ConceptMaps. A slug already present is never touched, so restarting keeps what analysts
 * changed. A folder that does not load is reported, not fatal: the server still starts.
 */
export async function loadExamples(
  db: Database,
  dir: string,
): Promise<{ loaded: LoadedExample[]; problems: string[] }> {
  const mappings = createMappingRepository(db.prisma);
  const loaded: LoadedExample[] = [];
  const problems: string[] = [];
  for (const path of await findMappingFolders(dir)) {
    const read = await readMappingFolder(path);
    if (!read.ok) {
      problems.push(...read.errors.map(describeFolderError));
      continue;
    }
    const folder = read.folder;
    const slug = folder.mapping.id;
    if (await mappings.getBySlug(slug)) {
      loaded.push({ slug, created: false, samples: 0, tests: 0 });
      continue;
    }
    const report = await importFolder(db, folder, {
      actor: 'mapwright examples',
      message: `Loaded from ${path}`,
    });
    problems.push(...report.problems.map((p) => `${slug}: ${p}`));
    if (report.ok)
      loaded.push({ slug, created: true, samples: folder.samples.length, tests: folder.tests.length });
  }
  return { loaded, problems };
}
