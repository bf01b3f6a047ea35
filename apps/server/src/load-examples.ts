import {
  createMappingRepository,
  createSampleRepository,
  type Database,
  type JsonObject,
} from '@mapwright/db';
import { findMappingFolders, loadMappingFolder } from '@mapwright/mapping-files';

export interface LoadedExample {
  slug: string;
  /** False when a mapping with that slug was already in the database: it is left as the users made it. */
  created: boolean;
  samples: number;
}

/**
 * Loads the mapping folders under `dir` (the repository's mappings/) into the database at start-up: each
 * becomes a mapping with its graph as version 1 and its samples. A slug already present is never
 * overwritten, so restarting keeps what analysts changed. A folder that does not load is reported, not
 * fatal: the server still starts.
 */
export async function loadExamples(
  db: Database,
  dir: string,
): Promise<{ loaded: LoadedExample[]; problems: string[] }> {
  const mappings = createMappingRepository(db.prisma);
  const samples = createSampleRepository(db.prisma);
  const loaded: LoadedExample[] = [];
  const problems: string[] = [];
  for (const path of await findMappingFolders(dir)) {
    const folder = await loadMappingFolder(path);
    if (!folder.ok) {
      problems.push(...folder.errors.map((e) => `${e.at.file}: ${e.message}`));
      continue;
    }
    const { mapping } = folder.folder;
    if (await mappings.getBySlug(mapping.id)) {
      loaded.push({ slug: mapping.id, created: false, samples: 0 });
      continue;
    }
    const created = await mappings.create({
      slug: mapping.id,
      name: mapping.name,
      description: mapping.description ?? null,
      sourceFormat: mapping.source.format,
    });
    if (!created.ok) {
      problems.push(`${mapping.id}: ${created.error.message}`);
      continue;
    }
    const version = await mappings.addVersion({
      mappingId: created.value.id,
      graph: mapping as unknown as JsonObject,
      author: 'mapwright examples',
      message: `Loaded from ${path}`,
    });
    if (!version.ok) problems.push(`${mapping.id}: ${version.error.message}`);
    for (const sample of folder.folder.samples) {
      const stored = await samples.create({
        mappingId: created.value.id,
        name: sample.path.split('/').at(-1) ?? sample.name,
        content: sample.text,
        contentType: mapping.source.format,
      });
      if (!stored.ok) problems.push(`${mapping.id}/${sample.name}: ${stored.error.message}`);
    }
    loaded.push({ slug: mapping.id, created: true, samples: folder.folder.samples.length });
  }
  return { loaded, problems };
}
