import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Mapping as MappingT, SourceFormat } from '@mapwright/engine';
import {
  GRAPH_FILE,
  LAYOUT_FILE,
  OWNED_DIRS,
  readFolderFiles,
  writeFolderFiles,
  type FolderData,
  type FolderError,
} from './folder-format';

export interface Sample {
  /** File name without extension; the expected bundle has the same name in expected/. */
  name: string;
  path: string;
  text: string;
}

/** A folder as the older commands read it (samples by stem, expected bundles by sample), plus its data. */
export interface MappingFolder {
  dir: string;
  mapping: MappingT;
  samples: Sample[];
  /** Expected bundle per sample name, when the folder has one. */
  expected: Map<string, unknown>;
  data: FolderData;
}

export type FolderResult = { ok: true; folder: MappingFolder } | { ok: false; errors: FolderError[] };

/** File extensions that hold messages of each source format. */
export const MESSAGE_EXTENSIONS: Record<SourceFormat, ReadonlySet<string>> = {
  hl7v2: new Set(['.hl7', '.txt', '.er7']),
  csv: new Set(['.csv']),
  json: new Set(['.json', '.ndjson']),
};

/** `dir/tests/a.json:3 at sample: message`: the form every command prints a folder problem in. */
export function describeFolderError(error: FolderError): string {
  const { file, line, path } = error.at;
  return `${file}${line === undefined ? '' : `:${line}`}${path ? ` at ${path}` : ''}: ${error.message}`;
}

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Reads the files the folder format owns (see folder-format.ts); error files are under `dir`. */
export async function readMappingFolder(
  dirArg: string,
): Promise<{ ok: true; folder: FolderData } | { ok: false; errors: FolderError[] }> {
  const dir = resolve(dirArg);
  const rootFiles = new Set(await listFiles(dir));
  const files: Array<{ path: string; content: Uint8Array }> = [];
  for (const path of [GRAPH_FILE, LAYOUT_FILE])
    if (rootFiles.has(path)) files.push({ path, content: await readFile(join(dir, path)) });
  for (const sub of OWNED_DIRS)
    for (const name of await listFiles(join(dir, sub)))
      files.push({ path: `${sub}/${name}`, content: await readFile(join(dir, sub, name)) });
  const read = readFolderFiles(files);
  if (read.ok) return read;
  return {
    ok: false,
    errors: read.errors.map((e) => ({ ...e, at: { ...e.at, file: join(dir, e.at.file) } })),
  };
}

export type WriteFolderResult =
  | { ok: true; written: string[]; unchanged: string[]; removed: string[] }
  | { ok: false; error: { code: 'folder-in-use'; message: string; at: { file: string } } };

/**
 * Writes `data` into `dir` in the folder format and removes the files of samples/, expected/, tests/ and
 * conceptmaps/ it did not write (a sample deleted in the studio disappears from the folder). Other files
 * (NOTES.md, *.test.ts) are left alone. A folder holding another mapping is refused, untouched.
 */
export async function writeMappingFolder(dirArg: string, data: FolderData): Promise<WriteFolderResult> {
  const dir = resolve(dirArg);
  // the files it owns are replaced and the stale ones removed: never do that to another mapping's folder
  const existing = await readFile(join(dir, GRAPH_FILE), 'utf8').catch(() => undefined);
  const existingId = existing === undefined ? undefined : graphIdOf(existing);
  if (existing !== undefined && existingId !== data.mapping.id)
    return {
      ok: false,
      error: {
        code: 'folder-in-use',
        message:
          existingId === undefined
            ? `${GRAPH_FILE} there is not a mapping graph; export into an empty folder or the mapping's own`
            : `it holds mapping "${existingId}"; export into an empty folder or the mapping's own`,
        at: { file: join(dir, GRAPH_FILE) },
      },
    };
  const files = writeFolderFiles(data);
  const report = {
    ok: true as const,
    written: [] as string[],
    unchanged: [] as string[],
    removed: [] as string[],
  };
  for (const file of files) {
    const target = join(dir, file.path);
    const before = await readFile(target, 'utf8').catch(() => undefined);
    if (before === file.content) {
      report.unchanged.push(file.path);
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
    report.written.push(file.path);
  }
  const wanted = new Set(files.map((f) => f.path));
  for (const sub of OWNED_DIRS)
    for (const name of await listFiles(join(dir, sub))) {
      const path = `${sub}/${name}`;
      if (wanted.has(path)) continue;
      await rm(join(dir, path));
      report.removed.push(path);
    }
  return report;
}

/** Reads a mapping folder for the commands that run its samples (run, diff, corpus, examples). */
export async function loadMappingFolder(dirArg: string): Promise<FolderResult> {
  const dir = resolve(dirArg);
  const read = await readMappingFolder(dir);
  if (!read.ok) return read;
  const data = read.folder;
  const samples = data.samples.map((s) => ({
    name: basename(s.name, extname(s.name)),
    path: join(dir, 'samples', s.name),
    text: s.text,
  }));
  const expected = new Map<string, unknown>();
  for (const test of data.tests)
    if (test.expectedBundle != null)
      expected.set(basename(test.sampleName, extname(test.sampleName)), test.expectedBundle);
  return { ok: true, folder: { dir, mapping: data.mapping, samples, expected, data } };
}

/** Mapping folders directly under `root` (or `root` itself when it holds a graph file). */
export async function findMappingFolders(root: string): Promise<string[]> {
  const dir = resolve(root);
  if ((await listFiles(dir)).includes(GRAPH_FILE)) return [dir];
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1)))
    if (entry.isDirectory() && (await listFiles(join(dir, entry.name))).includes(GRAPH_FILE))
      found.push(join(dir, entry.name));
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

function graphIdOf(text: string): string | undefined {
  try {
    const value: unknown = JSON.parse(text);
    const id = (value as { id?: unknown } | null)?.id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
