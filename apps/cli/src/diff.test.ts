import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath } from '../../../tests/support/corpus';
import { diffCommand } from './commands/diff';
import { bufferIo } from './io';

const EXAMPLE = resolve(import.meta.dirname, '../../../mappings/adt-patient');
let work: string;
let before: string;
let after: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mapwright-diff-'));
  before = join(work, 'before');
  after = join(work, 'after');
  await cp(EXAMPLE, before, { recursive: true });
  await cp(EXAMPLE, after, { recursive: true });
  // The change under review: birthDate now keeps only the year.
  const graph = JSON.parse(await readFile(join(after, 'mapping.json'), 'utf8')) as {
    nodes: Array<{ id: string; expression?: string }>;
  };
  const node = graph.nodes.find((n) => n.id === 'birthDate')!;
  node.expression = `$substring(${node.expression}, 0, 4)`;
  await writeFile(join(after, 'mapping.json'), JSON.stringify(graph, null, 2));
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe('mapwright diff', () => {
  it('names the changed node and groups the output change over every sample', async () => {
    const io = bufferIo();
    const code = await diffCommand(before, after, {}, io);
    const out = io.stdout();
    expect(code).toBe(1);
    expect(out).toContain('node birthDate: expression changed');
    expect(out).toMatch(/Output: (\d+) of 8 messages differ/);
    expect(out).toMatch(/Patient\.birthDate changed in \d+ of 8 messages: sample /);
    // No value of a message is printed: only paths, counts and message names.
    expect(out).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('says there is no difference, and exits 0, for the same mapping', async () => {
    const io = bufferIo();
    expect(await diffCommand(before, before, {}, io)).toBe(0);
    expect(io.stdout()).toContain('Output: 0 of 8 messages differ');
  });

  it('gives the values to tooling as JSON', async () => {
    const io = bufferIo();
    await diffCommand(before, after, { json: true }, io);
    const printed = JSON.parse(io.stdout()) as {
      groups: Array<{ path: string; examples: Array<{ before: unknown; after: unknown }> }>;
    };
    const birth = printed.groups.find((g) => g.path === 'Patient.birthDate')!;
    expect(String(birth.examples[0]!.after)).toHaveLength(4);
    expect(String(birth.examples[0]!.before).startsWith(String(birth.examples[0]!.after))).toBe(true);
  });

  it('finds the changed birthDate in exactly the corpus messages that carry a full PID-7 date', async () => {
    const corpus = corpusPath('hl7v2');
    const io = bufferIo();
    await diffCommand(before, after, { corpus, json: true }, io);
    const printed = JSON.parse(io.stdout()) as {
      groups: Array<{ kind: string; path: string; messages: string[] }>;
    };
    // Only the one change, and it touches only birthDate.
    expect(printed.groups.map((g) => `${g.kind} ${g.path}`)).toEqual(['changed Patient.birthDate']);
    const found = printed.groups[0]!.messages.filter((m) => !m.startsWith('sample ')).map((m) => basename(m));
    // Worked out without the engine: the ADT events the mapping accepts, with more than a year in PID-7.1.
    const expected: string[] = [];
    for (const file of await filesUnder(corpus)) {
      const segments = (await readFile(file, 'latin1'))
        .replace(/^\u00ef\u00bb\u00bf/, '')
        .split(/\r\n|\r|\n/);
      const msh = segments.filter((s) => s.startsWith('MSH'));
      const pid = segments.find((s) => s.startsWith('PID'));
      if (msh.length !== 1 || !pid) continue;
      const sep = msh[0]![3]!;
      const [type, trigger] = (msh[0]!.split(sep)[8] ?? '').split('^');
      if (type !== 'ADT' || !['A01', 'A03', 'A04', 'A08'].includes(trigger ?? '')) continue;
      if (/^\d{5,}/.test((pid.split(sep)[7] ?? '').split('^')[0]!)) expected.push(basename(file));
    }
    expect(expected.length).toBeGreaterThan(40);
    expect(found.sort()).toEqual(expected.sort());
  });
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && ['.hl7', '.txt', '.er7'].includes(extname(e.name).toLowerCase()))
    .map((e) => join(e.parentPath, e.name));
}
