import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderCorpus } from './review-corpus';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mapwright-corpus-'));
  await mkdir(join(root, 'site-b', 'deep'), { recursive: true });
  await writeFile(join(root, 'a.hl7'), 'MSH|a');
  await writeFile(join(root, 'site-b', 'deep', 'b.HL7'), 'MSH|b');
  await writeFile(join(root, 'site-b', 'c.txt'), 'MSH|c');
  await writeFile(join(root, 'lab.csv'), 'id\n1\n');
  await writeFile(join(root, 'notes.md'), '# not a message');
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('folderCorpus', () => {
  it("reads the files of the mapping's format at any depth, in path order, up to the limit", async () => {
    const corpus = folderCorpus(root);
    expect(await corpus.messages('hl7v2', 500)).toEqual([
      { name: 'a.hl7', text: 'MSH|a' },
      { name: 'site-b/c.txt', text: 'MSH|c' },
      { name: 'site-b/deep/b.HL7', text: 'MSH|b' },
    ]);
    expect((await corpus.messages('hl7v2', 2)).map((m) => m.name)).toEqual(['a.hl7', 'site-b/c.txt']);
    expect(await corpus.messages('csv', 500)).toEqual([{ name: 'lab.csv', text: 'id\n1\n' }]);
    expect(await corpus.messages('json', 500)).toEqual([]);
  });

  it('answers no messages for a folder that does not exist', async () => {
    expect(await folderCorpus(join(root, 'missing')).messages('hl7v2', 500)).toEqual([]);
  });
});
