import type { JsonObject, JsonValue } from '@mapwright/db';
import { compileMapping } from '@mapwright/engine';
import type { FolderData } from '../folder-format';
import { conceptMapInput } from './concept-map-records';
import { graphIdentity, sameJson } from './graph-identity';
import { repositoriesOf, type FolderRepositories, type FolderStore } from './repositories';

export interface ImportOptions {
  /** Who imports (recorded as the author of a new version). */
  actor: string;
  /** The version message; defaults to "Imported from files". */
  message?: string;
}

/**
 * What an import did. `problems` are what it left as the database had it (a sample or test of the same
 * name with other content, a ConceptMap of the same url that differs): nothing stored is ever overwritten.
 */
export type ImportReport =
  | {
      ok: true;
      slug: string;
      mappingId: string;
      created: boolean;
      /** The version now holding the folder's graph: a new one, or the latest when it already did. */
      versionNumber: number;
      /** True when this import added that version. */
      newVersion: boolean;
      problems: string[];
    }
  | { ok: false; slug: string; problems: string[] };

/**
 * Brings a mapping folder into the database. A new slug becomes a mapping with the graph as version 1; an
 * existing one gets a new version only when the graph differs (by content, not node order) from the latest.
 * Samples and test cases missing by name are added; ConceptMaps missing by url are added.
 */
export async function importFolder(
  store: FolderStore,
  folder: FolderData,
  options: ImportOptions,
): Promise<ImportReport> {
  const repos = repositoriesOf(store);
  const { mappings } = repos;
  const slug = folder.mapping.id;
  const problems: string[] = [];
  // a version is what review and deployment start from: the same rules as committing one in the studio
  const compiled = compileMapping(folder.mapping);
  if (!compiled.ok) {
    const first = compiled.errors[0]!;
    const where = first.at.nodeId ? ` (node ${first.at.nodeId})` : '';
    return {
      ok: false,
      slug,
      problems: [
        `mapping.json: the graph does not compile: ${compiled.errors.length} problem(s), the first${where}: ${first.message}`,
      ],
    };
  }
  let mapping = await mappings.getBySlug(slug);
  if (mapping && mapping.sourceFormat !== folder.mapping.source.format)
    return {
      ok: false,
      slug,
      problems: [
        `mapping.json: ${slug} reads ${mapping.sourceFormat} messages in the database, the folder's graph reads ${folder.mapping.source.format}`,
      ],
    };
  problems.push(...(await importConceptMaps(repos, folder.conceptMaps)));
  const created = mapping === null;
  if (!mapping) {
    const made = await mappings.create({
      slug,
      name: folder.mapping.name,
      description: folder.mapping.description ?? null,
      sourceFormat: folder.mapping.source.format,
    });
    if (!made.ok)
      return { ok: false, slug, problems: [...problems, `mapping ${slug}: ${made.error.message}`] };
    mapping = made.value;
  }
  const latest = await mappings.latestVersion(mapping.id);
  let versionNumber = latest?.number ?? 0;
  const newVersion = !latest || graphIdentity(latest.graph) !== graphIdentity(folder.mapping);
  if (newVersion) {
    const added = await mappings.addVersion({
      mappingId: mapping.id,
      graph: JSON.parse(JSON.stringify(folder.mapping)) as JsonObject,
      author: options.actor,
      message: options.message ?? 'Imported from files',
      parentVersionId: latest?.id ?? null,
    });
    if (!added.ok)
      return { ok: false, slug, problems: [...problems, `mapping ${slug}: ${added.error.message}`] };
    versionNumber = added.value.number;
  }
  problems.push(...(await importSamplesAndTests(repos, mapping.id, folder)));
  return { ok: true, slug, mappingId: mapping.id, created, versionNumber, newVersion, problems };
}

async function importConceptMaps(repos: FolderRepositories, maps: readonly unknown[]): Promise<string[]> {
  const repo = repos.conceptMaps;
  const problems: string[] = [];
  for (const content of maps) {
    const row = conceptMapInput(content);
    const id = String((content as { id?: unknown }).id ?? '?');
    if (!row.ok) {
      problems.push(`conceptmaps/${id}: not imported: ${row.message}`);
      continue;
    }
    const existing = await repo.getByUrl(row.input.url);
    if (existing) {
      if (!sameJson(existing.content, row.input.content))
        problems.push(`ConceptMap ${row.input.url} differs from the one in the database, which was kept`);
      continue;
    }
    const saved = await repo.create(row.input);
    if (!saved.ok) problems.push(`ConceptMap ${row.input.url}: ${saved.error.message}`);
  }
  return problems;
}

async function importSamplesAndTests(
  repos: FolderRepositories,
  mappingId: string,
  folder: FolderData,
): Promise<string[]> {
  const { samples, testCases } = repos;
  const problems: string[] = [];
  const stored = new Map((await samples.listByMapping(mappingId)).map((s) => [s.name, s]));
  for (const sample of folder.samples) {
    const existing = stored.get(sample.name);
    if (existing) {
      if (existing.content !== sample.text)
        problems.push(`sample ${sample.name} differs from the one in the database, which was kept`);
      continue;
    }
    const saved = await samples.create({
      mappingId,
      name: sample.name,
      content: sample.text,
      contentType: folder.mapping.source.format,
    });
    if (saved.ok) stored.set(sample.name, saved.value);
    else problems.push(`sample ${sample.name}: ${saved.error.message}`);
  }
  const sampleNames = new Map([...stored.values()].map((s) => [s.id, s.name]));
  const tests = new Map((await testCases.listByMapping(mappingId)).map((t) => [t.name, t]));
  for (const test of folder.tests) {
    const existing = tests.get(test.name);
    if (existing) {
      const same =
        sampleNames.get(existing.sampleId) === test.sampleName &&
        sameJson(existing.expectedBundle, test.expectedBundle) &&
        sameJson(existing.assertions ?? [], test.assertions);
      if (!same) problems.push(`test ${test.name} differs from the one in the database, which was kept`);
      continue;
    }
    const sample = stored.get(test.sampleName);
    if (!sample) {
      problems.push(`test ${test.name}: its sample ${test.sampleName} is not in the database`);
      continue;
    }
    const saved = await testCases.create({
      mappingId,
      sampleId: sample.id,
      name: test.name,
      expectedBundle: (test.expectedBundle ?? null) as JsonValue,
      assertions: test.assertions,
    });
    if (!saved.ok) problems.push(`test ${test.name}: ${saved.error.message}`);
  }
  return problems;
}
