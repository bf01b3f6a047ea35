import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openTestDatabase, testBackends } from '@mapwright/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_FILE, LAYOUT_FILE, OWNED_DIRS, readFolderFiles, writeFolderFiles } from '../folder-format';
import { findMappingFolders, readMappingFolder } from '../mapping-folder';
import { exportFolder } from './export-folder';
import { importFolder } from './import-folder';

const MAPPINGS = resolve(import.meta.dirname, '../../../../mappings');
const folders = await findMappingFolders(MAPPINGS);

/** The files of a folder that the format owns, as they are on disk. */
async function ownedFiles(dir: string): Promise<Array<{ path: string; content: string }>> {
  const out: Array<{ path: string; content: string }> = [];
  for (const path of [GRAPH_FILE, LAYOUT_FILE])
    out.push({ path, content: await readFile(join(dir, path), 'utf8').catch(() => '(missing)') });
  for (const sub of OWNED_DIRS) {
    const names = await readdir(join(dir, sub)).catch(() => [] as string[]);
    for (const name of names)
      out.push({ path: `${sub}/${name}`, content: await readFile(join(dir, sub, name), 'utf8') });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

describe.each(testBackends())('mappings/ through the database on $kind', (backend) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
  });
  afterAll(() => handle.close());

  it('finds the example folders', () => {
    expect(folders.length).toBeGreaterThanOrEqual(4);
  });

  it.each(folders.map((dir) => [dir.split('/').at(-1)!, dir] as const))(
    '%s: the files in the repository are what export writes, and export -> import -> export is byte-identical',
    async (_name, dir) => {
      const read = await readMappingFolder(dir);
      if (!read.ok) expect.fail(JSON.stringify(read.errors));
      const imported = await importFolder(handle.db, read.folder, { actor: 'round-trip@example.org' });
      expect(imported).toMatchObject({ ok: true, created: true, versionNumber: 1, problems: [] });

      const first = await exportFolder(handle.db, read.folder.mapping.id);
      if (!first.ok) expect.fail(first.error.message);
      const files = writeFolderFiles(first.folder);
      // already canonical: every file the format owns is on disk exactly as export writes it, and no other
      expect(files).toEqual(await ownedFiles(dir));

      const again = readFolderFiles(files);
      if (!again.ok) expect.fail(JSON.stringify(again.errors));
      const reimported = await importFolder(handle.db, again.folder, { actor: 'round-trip@example.org' });
      expect(reimported).toMatchObject({
        ok: true,
        created: false,
        newVersion: false,
        versionNumber: 1,
        problems: [],
      });
      const second = await exportFolder(handle.db, read.folder.mapping.id);
      if (!second.ok) expect.fail(second.error.message);
      expect(writeFolderFiles(second.folder)).toEqual(files);
    },
  );
});
