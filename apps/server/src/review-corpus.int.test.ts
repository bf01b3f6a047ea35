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

  it('decodes files by MSH-18, splits batches and leaves out files too big to be a message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mapwright-corpus-'));
    const msh = (id: string, charset = '') =>
      `MSH|^~\\&|A|B|C|D|202401011200||ADT^A01|${id}|P|2.5|||||${charset ? `|${charset}` : ''}\r`;
    await writeFile(
      join(dir, 'latin1.hl7'),
      Buffer.from(`${msh('1', '8859/1')}PID|1||1||Mu\xf1oz\r`, 'latin1'),
    );
    await writeFile(join(dir, 'batch.hl7'), `${msh('2')}PID|1\r${msh('3')}PID|2\r`);
    await writeFile(join(dir, 'huge.hl7'), `${msh('4')}NTE|1||${'x'.repeat(3 * 1024 * 1024)}\r`);
    const messages = await folderCorpus(dir).messages('hl7v2', 500);
    expect(messages.map((m) => m.name)).toEqual(['batch.hl7#1', 'batch.hl7#2', 'latin1.hl7']);
    expect(messages[2]!.text).toContain('Muñoz');
    await rm(dir, { recursive: true, force: true });
  });

  it('answers no messages for a folder that does not exist', async () => {
    expect(await folderCorpus(join(root, 'missing')).messages('hl7v2', 500)).toEqual([]);
  });
});
