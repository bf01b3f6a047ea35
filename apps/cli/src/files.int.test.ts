import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand, importCommand } from './commands/files';
import { bufferIo } from './io';

//  ┌──────────┐   ┌─────────┐
//  │ family   ├──►│ patient │ name.family
//  │ PID.F5.C1│   │ Patient │
//  └──────────┘   └─────────┘
const mapping = {
  id: 'family-files',
  name: 'Family',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 300, y: 40 } },
    { id: 'family', type: 'source', path: 'PID.F5.C1', position: { x: 0, y: 40 } },
  ],
  edges: [{ id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' }],
};
const message = 'MSH|^~\\&|S|F|R|F|20240101||ADT^A01|1|P|2.5.1\rPID|1||1^^^H^MR||Smith^Anna\r';

let root: string;
let database: string;
let source: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mapwright-files-'));
  database = join(root, 'data');
  source = join(root, 'source');
  await mkdir(join(source, 'samples'), { recursive: true });
  await mkdir(join(source, 'tests'), { recursive: true });
  await writeFile(join(source, 'mapping.json'), JSON.stringify(mapping));
  await writeFile(join(source, 'samples', 'smith.hl7'), message);
  await writeFile(
    join(source, 'tests', 'smith.json'),
    JSON.stringify({ sample: 'smith.hl7', assertions: ['Patient.exists()'] }),
  );
  await writeFile(join(source, 'NOTES.md'), 'not part of the format');
});

afterAll(() => rm(root, { recursive: true, force: true }));

const readAll = async (dir: string): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  return out;
};

describe('mapwright import and export', () => {
  it('imports a folder into the database named by --database, then exports it in the canonical format', async () => {
    const io = bufferIo();
    expect(await importCommand(source, { database }, io)).toBe(0);
    expect(io.stdout()).toContain('created mapping family-files with version 1');

    const out = join(root, 'exported');
    const exported = bufferIo();
    expect(await exportCommand('family-files', out, { database }, exported)).toBe(0);
    expect(exported.stdout()).toContain('Exported family-files version 1');
    const files = await readAll(out);
    expect(Object.keys(files).sort()).toEqual([
      'layout.json',
      'mapping.json',
      'samples/smith.hl7',
      'tests/smith.json',
    ]);
    expect(files['samples/smith.hl7']).toBe(message);
    expect(JSON.parse(files['layout.json']!)).toEqual({
      family: { x: 0, y: 40 },
      patient: { x: 300, y: 40 },
    });
    expect(files['mapping.json']).not.toContain('position');

    // export -> import -> export changes nothing, and adds no version
    const again = bufferIo();
    expect(await importCommand(out, { database }, again)).toBe(0);
    expect(again.stdout()).toContain('family-files: the graph is unchanged (version 1)');
    const second = bufferIo();
    expect(await exportCommand('family-files', out, { database }, second)).toBe(0);
    expect(second.stdout()).toContain('0 files written');
    expect(await readAll(out)).toEqual(files);
  });

  it('adds a version for a changed graph and exports any version on request', async () => {
    const out = join(root, 'exported');
    const graph = JSON.parse(await readFile(join(out, 'mapping.json'), 'utf8'));
    graph.name = 'Family, renamed';
    await writeFile(join(out, 'mapping.json'), JSON.stringify(graph));
    const io = bufferIo();
    expect(await importCommand(out, { database }, io)).toBe(0);
    expect(io.stdout()).toContain('added version 2 to family-files');

    const old = join(root, 'v1');
    expect(await exportCommand('family-files', old, { database, version: 1 }, bufferIo())).toBe(0);
    expect(JSON.parse(await readFile(join(old, 'mapping.json'), 'utf8')).name).toBe('Family');
  });

  it('exits 1 with the file and line of a broken folder, and with the reason for an unknown mapping', async () => {
    const broken = join(root, 'broken');
    await mkdir(broken);
    await writeFile(join(broken, 'mapping.json'), '{\n  "id": "x",\n  "nodes": [,]\n}\n');
    const io = bufferIo();
    expect(await importCommand(broken, { database }, io)).toBe(1);
    expect(io.stderr()).toMatch(/broken\/mapping\.json:3: .*line 3/);

    const missing = bufferIo();
    expect(await exportCommand('no-such-mapping', join(root, 'none'), { database }, missing)).toBe(1);
    expect(missing.stderr()).toContain('No mapping with slug "no-such-mapping"');
  });
});
