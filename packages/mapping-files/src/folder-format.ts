import {
  conceptMapFromJson,
  inputMessages,
  Mapping,
  parseJsonText,
  type TestCaseSpec,
} from '@mapwright/engine';
import type { Mapping as MappingT, SourceFormat } from '@mapwright/engine';
import { canonicalJsonText } from './canonical-json';

/**
 * The folder format (mappings/<name>/), one file per concern so a git diff reads well:
 *   mapping.json                the graph without node positions (nodes and edges in graph order)
 *   layout.json                 { "<nodeId>": { "x", "y" } } sorted by id: moving a node leaves mapping.json be
 *   samples/<file>              one message per file; the file name is the sample's name
 *   expected/<test>.json        the expected bundle of test <test>
 *   tests/<test>.json           { "sample", "assertions" }; absent when the test is "expected/<test>.json on
 *                               samples/<test>.<ext>", the form mappings/ has always had
 *   conceptmaps/<name>.json     ConceptMaps the lookups use that are not bundled with the engine
 * Every JSON file is canonical (canonicalJsonText). Other files (NOTES.md, *.test.ts) are not the format's.
 */
export const GRAPH_FILE = 'mapping.json';
export const LAYOUT_FILE = 'layout.json';
/** Folders whose every file belongs to the format: a writer may remove files there that it did not write. */
export const OWNED_DIRS = ['samples', 'expected', 'tests', 'conceptmaps'] as const;

export interface FolderData {
  mapping: MappingT;
  samples: Array<{ name: string; text: string }>;
  tests: TestCaseSpec[];
  conceptMaps: unknown[];
}

export interface FolderFile {
  path: string;
  content: string;
}

export type FolderErrorCode =
  | 'missing-graph'
  | 'invalid-graph'
  | 'invalid-json'
  | 'invalid-sample'
  | 'invalid-layout'
  | 'invalid-test'
  | 'invalid-conceptmap';

/** A problem with one file of the folder; `file` is relative to the folder, `line` is 1-based. */
export interface FolderError {
  code: FolderErrorCode;
  message: string;
  at: { file: string; line?: number; path?: string };
}

export type ReadFolderResult = { ok: true; folder: FolderData } | { ok: false; errors: FolderError[] };

/** The files of a folder for `data`, sorted by path. */
export function writeFolderFiles(data: FolderData): FolderFile[] {
  const files: FolderFile[] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  // Nodes and edges keep the graph's order: the compiler emits repeated elements (two extensions, two
  // identifiers) in wire order, so sorting them would change the mapping's output.
  const nodes = data.mapping.nodes.map(({ position, ...node }) => {
    if (position) layout[node.id] = position;
    return node;
  });
  files.push({
    path: GRAPH_FILE,
    content: canonicalJsonText({ ...data.mapping, nodes }),
  });
  files.push({ path: LAYOUT_FILE, content: canonicalJsonText(layout) });
  // names come from the database, where any text goes: each becomes a file name that is safe and unique
  const sampleFiles = new Map<string, string>();
  const taken = new Set<string>();
  for (const sample of data.samples) {
    const file = uniqueName(safeFileName(sample.name), taken);
    sampleFiles.set(sample.name, file);
    files.push({ path: `samples/${file}`, content: sample.text });
  }
  const testNames = new Set<string>();
  for (const original of data.tests) {
    const test = {
      ...original,
      name: uniqueName(safeFileName(original.name), testNames),
      sampleName: sampleFiles.get(original.sampleName) ?? original.sampleName,
    };
    if (test.expectedBundle !== null && test.expectedBundle !== undefined)
      files.push({ path: `expected/${test.name}.json`, content: canonicalJsonText(test.expectedBundle) });
    if (!isImplicitTest(test, [...sampleFiles.values()]))
      files.push({
        path: `tests/${test.name}.json`,
        content: canonicalJsonText({ assertions: test.assertions, sample: test.sampleName }),
      });
  }
  const mapNames = new Set<string>();
  for (const map of data.conceptMaps) {
    const name = uniqueName(conceptMapFileName(map), mapNames);
    files.push({ path: `conceptmaps/${name}.json`, content: canonicalJsonText(map) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * expected/<name>.json alone says it all: the test runs samples/<name>.<ext> and has no assertions. Only
 * when exactly one sample has that stem: with `adt.hl7` and `adt.txt` the reader could not tell which.
 */
const isImplicitTest = (test: TestCaseSpec, sampleFiles: readonly string[]): boolean =>
  test.assertions.length === 0 &&
  test.expectedBundle != null &&
  stem(test.sampleName) === test.name &&
  sampleFiles.filter((file) => stem(file) === test.name).length === 1;

/** Reads a folder's files (paths relative to it). Every problem is reported, each with its file. */
export function readFolderFiles(
  files: ReadonlyArray<{ path: string; content: string | Uint8Array }>,
): ReadFolderResult {
  const errors: FolderError[] = [];
  const byPath = new Map(files.map((f) => [normalizePath(f.path), f.content]));
  const graphContent = byPath.get(GRAPH_FILE);
  if (graphContent === undefined)
    return {
      ok: false,
      errors: [
        { code: 'missing-graph', message: `no ${GRAPH_FILE} in the folder`, at: { file: GRAPH_FILE } },
      ],
    };
  const graphJson = readJson(GRAPH_FILE, graphContent, errors);
  if (graphJson === undefined) return { ok: false, errors };
  const parsed = Mapping.safeParse(graphJson);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({
        code: 'invalid-graph',
        message: issue.message,
        at: { file: GRAPH_FILE, path: jsonPath(issue.path) },
      });
    return { ok: false, errors };
  }
  const mapping = withLayout(parsed.data, byPath.get(LAYOUT_FILE), errors);

  const samples: FolderData['samples'] = [];
  const expected = new Map<string, unknown>();
  const testFiles = new Map<string, { sample: string; assertions: string[] }>();
  const conceptMaps: unknown[] = [];
  for (const [path, content] of [...byPath].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [dir, name, ...deeper] = path.split('/');
    if (!dir || !name || deeper.length > 0 || name.startsWith('.')) continue;
    if (dir === 'samples') {
      const text = readSample(path, content, mapping.source.format, errors);
      if (text !== undefined) samples.push({ name, text });
    } else if (dir === 'expected' && name.endsWith('.json')) {
      const value = readJson(path, content, errors);
      if (value !== undefined) expected.set(stem(name), value);
    } else if (dir === 'tests' && name.endsWith('.json')) {
      const test = readTestFile(path, content, errors);
      if (test) testFiles.set(stem(name), test);
    } else if (dir === 'conceptmaps' && name.endsWith('.json')) {
      const value = readJson(path, content, errors);
      if (value === undefined) continue;
      const checked = conceptMapFromJson(value);
      if (checked.ok) conceptMaps.push(value);
      else
        for (const issue of checked.errors)
          errors.push({
            code: 'invalid-conceptmap',
            message: issue.message,
            at: { file: path, path: issue.at.path },
          });
    }
  }
  const tests = collectTests(samples, expected, testFiles, errors);
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, folder: { mapping, samples, tests, conceptMaps } };
}

function collectTests(
  samples: FolderData['samples'],
  expected: Map<string, unknown>,
  testFiles: Map<string, { sample: string; assertions: string[] }>,
  errors: FolderError[],
): TestCaseSpec[] {
  const sampleNames = new Set(samples.map((s) => s.name));
  const tests: TestCaseSpec[] = [];
  for (const name of [...new Set([...expected.keys(), ...testFiles.keys()])].sort()) {
    const file = testFiles.get(name);
    const expectedBundle = expected.has(name) ? expected.get(name) : null;
    if (file) {
      if (!sampleNames.has(file.sample))
        errors.push({
          code: 'invalid-test',
          message: `test ${name} runs sample "${file.sample}", which is not in samples/`,
          at: { file: `tests/${name}.json`, path: 'sample' },
        });
      tests.push({ name, sampleName: file.sample, expectedBundle, assertions: file.assertions });
      continue;
    }
    const matching = samples.filter((s) => stem(s.name) === name);
    if (matching.length !== 1) {
      errors.push({
        code: 'invalid-test',
        message:
          matching.length === 0
            ? `no sample ${name}.<ext> in samples/ and no tests/${name}.json saying which sample it tests`
            : `samples ${matching.map((s) => s.name).join(' and ')} both match; say which in tests/${name}.json`,
        at: { file: `expected/${name}.json` },
      });
      continue;
    }
    tests.push({ name, sampleName: matching[0]!.name, expectedBundle, assertions: [] });
  }
  return tests;
}

function withLayout(
  mapping: MappingT,
  content: string | Uint8Array | undefined,
  errors: FolderError[],
): MappingT {
  if (content === undefined) return mapping;
  const value = readJson(LAYOUT_FILE, content, errors);
  if (value === undefined) return mapping;
  const isPoint = (p: unknown): p is { x: number; y: number } =>
    typeof p === 'object' &&
    p !== null &&
    Number.isFinite((p as { x?: unknown }).x) &&
    Number.isFinite((p as { y?: unknown }).y);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({
      code: 'invalid-layout',
      message: 'must be an object of node id -> { x, y }',
      at: { file: LAYOUT_FILE },
    });
    return mapping;
  }
  const layout = value as Record<string, unknown>;
  const ids = new Set(mapping.nodes.map((n) => n.id));
  for (const [id, point] of Object.entries(layout)) {
    if (!ids.has(id))
      errors.push({
        code: 'invalid-layout',
        message: `node ${id} is not in ${GRAPH_FILE}`,
        at: { file: LAYOUT_FILE, path: id },
      });
    else if (!isPoint(point))
      errors.push({
        code: 'invalid-layout',
        message: `node ${id}: position must be { "x": number, "y": number }`,
        at: { file: LAYOUT_FILE, path: id },
      });
  }
  return {
    ...mapping,
    nodes: mapping.nodes.map((n) => {
      const point = layout[n.id];
      return isPoint(point) ? { ...n, position: { x: point.x, y: point.y } } : n;
    }),
  };
}

function readTestFile(
  path: string,
  content: string | Uint8Array,
  errors: FolderError[],
): { sample: string; assertions: string[] } | undefined {
  const value = readJson(path, content, errors) as { sample?: unknown; assertions?: unknown } | undefined;
  if (value === undefined) return undefined;
  const problems: FolderError[] = [];
  if (typeof value !== 'object' || value === null || typeof value.sample !== 'string' || value.sample === '')
    problems.push({
      code: 'invalid-test',
      message: '"sample" must name a file in samples/',
      at: { file: path, path: 'sample' },
    });
  const assertions = value?.assertions ?? [];
  if (!Array.isArray(assertions) || assertions.some((a) => typeof a !== 'string'))
    problems.push({
      code: 'invalid-test',
      message: '"assertions" must be a list of FHIRPath strings',
      at: { file: path, path: 'assertions' },
    });
  errors.push(...problems);
  return problems.length > 0
    ? undefined
    : { sample: value.sample as string, assertions: assertions as string[] };
}

function readSample(
  path: string,
  content: string | Uint8Array,
  format: SourceFormat,
  errors: FolderError[],
): string | undefined {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  const read = inputMessages(bytes, format);
  if (!read.ok || read.messages.length !== 1) {
    const why = read.ok
      ? `holds ${read.messages.length} messages; a sample holds one`
      : read.errors[0]?.message;
    errors.push({ code: 'invalid-sample', message: `sample ${why ?? 'cannot be read'}`, at: { file: path } });
    return undefined;
  }
  // UTF-8 is kept byte for byte, but for a leading byte-order mark: the engine ignores it and the database
  // drops it, so keeping it would make export -> import -> export differ. Other charsets become the text
  // the runtime decodes.
  const text =
    typeof content === 'string'
      ? content
      : read.charset === 'utf-8'
        ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
        : read.messages[0]!.text;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readJson(file: string, content: string | Uint8Array, errors: FolderError[]): unknown {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  errors.push({
    code: 'invalid-json',
    message: parsed.error.message,
    at: { file, line: parsed.error.at.line },
  });
  return undefined;
}

const normalizePath = (path: string): string => path.replace(/\\/g, '/').replace(/^\.\//, '');

const stem = (name: string): string =>
  name.lastIndexOf('.') > 0 ? name.slice(0, name.lastIndexOf('.')) : name;

/** `nodes[3].expression`, as the analyst finds it in the file. */
const jsonPath = (path: ReadonlyArray<PropertyKey>): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');

function conceptMapFileName(map: unknown): string {
  const m = map as { id?: unknown; name?: unknown; url?: unknown };
  const raw = [m.id, m.name, typeof m.url === 'string' ? m.url.split('/').at(-1) : undefined].find(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  return safeFileName(raw ?? 'conceptmap');
}

/** A name usable as a file name on every system: no separators, no leading dot. */
export const safeFileName = (name: string): string =>
  [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '/\\:*?"<>|'.includes(c) ? '-' : c))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/^\.+/, '_') || '_';

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}-${n}`;
  taken.add(candidate);
  return candidate;
}
