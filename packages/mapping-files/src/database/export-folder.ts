import { Mapping } from '@mapwright/engine';
import type { FolderData } from '../folder-format';
import { conceptMapsUsedBy } from './concept-map-records';
import { repositoriesOf, type FolderStore } from './repositories';

export interface ExportOptions {
  /** A version number; the latest version when absent. */
  versionNumber?: number;
  /** Export the mapping's unsaved draft instead of a version. */
  draft?: boolean;
}

export type ExportResult =
  | { ok: true; folder: FolderData; versionNumber: number | null; problems: string[] }
  | { ok: false; error: { code: 'not-found' | 'invalid-graph'; message: string } };

/**
 * A mapping as folder data: the graph of one version (or the draft), every sample, every test case, and the
 * stored ConceptMaps its lookups name. The graph's id is the slug, so importing the folder lands on the
 * same mapping. `problems` lists lookups whose ConceptMap is nowhere to be found.
 */
export async function exportFolder(
  store: FolderStore,
  slug: string,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const repos = repositoriesOf(store);
  const { mappings } = repos;
  const mapping = await mappings.getBySlug(slug);
  if (!mapping) return notFound(`No mapping with slug "${slug}"`);
  let graph: unknown;
  let versionNumber: number | null = null;
  if (options.draft) {
    if (mapping.draft === null) return notFound(`Mapping ${slug} has no draft`);
    graph = mapping.draft;
  } else {
    const versions = await mappings.listVersions(mapping.id);
    const version =
      options.versionNumber === undefined
        ? versions[0]
        : versions.find((v) => v.number === options.versionNumber);
    if (!version)
      return notFound(
        options.versionNumber === undefined
          ? `Mapping ${slug} has no version yet`
          : `Mapping ${slug} has no version ${options.versionNumber}`,
      );
    graph = version.graph;
    versionNumber = version.number;
  }
  const parsed = Mapping.safeParse({ ...(graph as object), id: slug });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      ok: false,
      error: {
        code: 'invalid-graph',
        message: `The graph of ${slug} is not a valid mapping: ${first?.path.join('.')}: ${first?.message}`,
      },
    };
  }
  const samples = await repos.samples.listByMapping(mapping.id);
  const sampleNames = new Map(samples.map((s) => [s.id, s.name]));
  const tests = await repos.testCases.listByMapping(mapping.id);
  const { maps, missing } = await conceptMapsUsedBy(parsed.data, repos.conceptMaps);
  return {
    ok: true,
    versionNumber,
    problems: missing.map(
      (ref) => `lookup ConceptMap ${ref} is not in the database; the folder does not carry it`,
    ),
    folder: {
      mapping: parsed.data,
      samples: samples.map((s) => ({ name: s.name, text: s.content })),
      tests: tests.map((t) => ({
        name: t.name,
        sampleName: sampleNames.get(t.sampleId) ?? '',
        expectedBundle: t.expectedBundle ?? null,
        assertions: Array.isArray(t.assertions)
          ? t.assertions.filter((a): a is string => typeof a === 'string')
          : [],
      })),
      conceptMaps: maps,
    },
  };
}

const notFound = (message: string): ExportResult => ({ ok: false, error: { code: 'not-found', message } });
