import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Mapping } from '@mapwright/engine';
import { loadMappingFolder, readMappingFolder, writeMappingFolder } from './mapping-folder';

const mapping = Mapping.parse({
  id: 'tiny',
  name: 'Tiny',
  source: { format: 'csv' },
  nodes: [{ id: 'patient', type: 'target', resourceType: 'Patient' }],
  edges: [],
});
const csv = (n: string) => `id,family\n${n},Smith\n`;

describe('writeMappingFolder', () => {
  it('writes the folder, leaves other files alone and removes the sample and test files it no longer has', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mapwright-folder-'));
    await writeMappingFolder(dir, {
      mapping,
      samples: [
        { name: 'a.csv', text: csv('1') },
        { name: 'b.csv', text: csv('2') },
      ],
      tests: [
        { name: 'a', sampleName: 'a.csv', expectedBundle: { resourceType: 'Bundle' }, assertions: [] },
        { name: 'b', sampleName: 'b.csv', expectedBundle: null, assertions: ['Patient.exists()'] },
      ],
      conceptMaps: [],
    });
    await writeFile(join(dir, 'NOTES.md'), 'why');
    const report = await writeMappingFolder(dir, {
      mapping,
      samples: [{ name: 'a.csv', text: csv('1') }],
      tests: [{ name: 'a', sampleName: 'a.csv', expectedBundle: { resourceType: 'Bundle' }, assertions: [] }],
      conceptMaps: [],
    });
    if (!report.ok) throw new Error(report.error.message);
    expect(report.removed.sort()).toEqual(['samples/b.csv', 'tests/b.json']);
    expect(report.written).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([
      'NOTES.md',
      'expected',
      'layout.json',
      'mapping.json',
      'samples',
      'tests',
    ]);
    expect(await readFile(join(dir, 'NOTES.md'), 'utf8')).toBe('why');

    const read = await readMappingFolder(dir);
    expect(read.ok && read.folder.samples.map((s) => s.name)).toEqual(['a.csv']);
    const legacy = await loadMappingFolder(dir);
    expect(legacy.ok && [...legacy.folder.expected.keys()]).toEqual(['a']);
  });

  it("refuses to write over another mapping's folder and leaves it as it was", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mapwright-folder-'));
    const other = { ...mapping, id: 'other' };
    await writeMappingFolder(dir, {
      mapping: other,
      samples: [{ name: 'o.csv', text: csv('9') }],
      tests: [],
      conceptMaps: [],
    });
    const report = await writeMappingFolder(dir, { mapping, samples: [], tests: [], conceptMaps: [] });
    expect(report).toMatchObject({ ok: false, error: { code: 'folder-in-use' } });
    expect(!report.ok && report.error.message).toContain('"other"');
    expect(await readFile(join(dir, 'samples', 'o.csv'), 'utf8')).toBe(csv('9'));
    const read = await readMappingFolder(dir);
    expect(read.ok && read.folder.mapping.id).toBe('other');
  });

  it('reports errors with the file path under the folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mapwright-folder-'));
    await writeFile(join(dir, 'mapping.json'), '{\n  "id": \n}');
    const read = await readMappingFolder(dir);
    expect(read.ok ? [] : read.errors).toEqual([
      {
        code: 'invalid-json',
        message: expect.stringContaining('line 3'),
        at: { file: join(dir, 'mapping.json'), line: 3 },
      },
    ]);
  });
});
