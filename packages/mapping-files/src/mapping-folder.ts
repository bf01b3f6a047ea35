import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { inputMessages, Mapping } from '@mapwright/engine';
import type { Mapping as MappingT, SourceFormat } from '@mapwright/engine';

/** The graph file at the root of every mapping folder. */
export const GRAPH_FILE = 'mapping.json';

export interface Sample {
  /** File name without extension; the expected bundle has the same name in expected/. */
  name: string;
  path: string;
  text: string;
}

export interface MappingFolder {
  dir: string;
  mapping: MappingT;
  samples: Sample[];
  /** Expected bundle per sample name, when the folder has one. */
  expected: Map<string, unknown>;
}

export interface FolderError {
  code: 'missing-graph' | 'invalid-graph' | 'invalid-json' | 'invalid-sample';
  message: string;
  at: { file: string; path?: string };
}

export type FolderResult = { ok: true; folder: MappingFolder } | { ok: false; errors: FolderError[] };

const SAMPLE_EXTENSIONS = new Set(['.hl7', '.txt', '.csv', '.json']);

/** File extensions that hold messages of each source format. */
export const MESSAGE_EXTENSIONS: Record<SourceFormat, ReadonlySet<string>> = {
  hl7v2: new Set(['.hl7', '.txt', '.er7']),
  csv: new Set(['.csv']),
  json: new Set(['.json', '.ndjson']),
};

async function listFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

function parseJson(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; error: FolderError } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: { code: 'invalid-json', message: (e as Error).message, at: { file } } };
  }
}

/** Reads a mapping folder: mapping.json, samples/ and expected/. */
export async function loadMappingFolder(dirArg: string): Promise<FolderResult> {
  const dir = resolve(dirArg);
  const graphPath = join(dir, GRAPH_FILE);
  let graphText: string;
  try {
    graphText = await readFile(graphPath, 'utf8');
  } catch {
    return {
      ok: false,
      errors: [{ code: 'missing-graph', message: `no ${GRAPH_FILE} in ${dir}`, at: { file: graphPath } }],
    };
  }
  const json = parseJson(graphText, graphPath);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const parsed = Mapping.safeParse(json.value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({
        code: 'invalid-graph' as const,
        message: issue.message,
        at: { file: graphPath, path: issue.path.join('.') },
      })),
    };
  }

  const samplesDir = join(dir, 'samples');
  const samples: Sample[] = [];
  for (const file of await listFiles(samplesDir)) {
    if (!SAMPLE_EXTENSIONS.has(extname(file))) continue;
    const path = join(samplesDir, file);
    const read = inputMessages(await readFile(path), parsed.data.source.format);
    if (!read.ok || read.messages.length !== 1) {
      const why = read.ok
        ? `holds ${read.messages.length} messages; a sample holds one`
        : read.errors[0]?.message;
      return {
        ok: false,
        errors: [{ code: 'invalid-sample', message: `sample ${file} ${why}`, at: { file: path } }],
      };
    }
    samples.push({ name: basename(file, extname(file)), path, text: read.messages[0]!.text });
  }

  const expected = new Map<string, unknown>();
  const expectedDir = join(dir, 'expected');
  for (const file of await listFiles(expectedDir)) {
    if (extname(file) !== '.json') continue;
    const path = join(expectedDir, file);
    const value = parseJson(await readFile(path, 'utf8'), path);
    if (!value.ok) return { ok: false, errors: [value.error] };
    expected.set(basename(file, '.json'), value.value);
  }
  return { ok: true, folder: { dir, mapping: parsed.data, samples, expected } };
}

/** Mapping folders directly under `root` (or `root` itself when it holds a graph file). */
export async function findMappingFolders(root: string): Promise<string[]> {
  const dir = resolve(root);
  const entries = await listFiles(dir);
  if (entries.includes(GRAPH_FILE)) return [dir];
  const found: string[] = [];
  for (const entry of entries) {
    if ((await listFiles(join(dir, entry))).includes(GRAPH_FILE)) found.push(join(dir, entry));
  }
  return found;
}

/** Every file under `root` with one of `extensions`, recursively, sorted for stable output. */
export async function listMessageFiles(root: string, extensions: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (extensions.has(extname(entry.name).toLowerCase())) out.push(path);
    }
  };
  await walk(resolve(root));
  return out;
}
