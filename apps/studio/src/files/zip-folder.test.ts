import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { stripSharedFolder, unzipFolder, zipFolder, type FolderFile } from './zip-folder';

const FOLDER: FolderFile[] = [
  { path: 'expected/admit.json', content: '{\n  "resourceType": "Bundle"\n}\n' },
  { path: 'mapping.json', content: '{\n  "id": "adt-patient"\n}\n' },
  // a byte order mark and CR segment separators, as HL7 files come from the field
  { path: 'samples/admit.hl7', content: '\uFEFFMSH|^~\\&|ADT1\rPID|1||PATID1234\r' },
];

const zipOf = (entries: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)])));

describe('zipFolder and unzipFolder', () => {
  it('give back the exported folder byte for byte, the mapping folder unwrapped', () => {
    const zipped = zipFolder('adt-patient', FOLDER);
    expect(unzipFolder(zipped)).toEqual({ ok: true, files: FOLDER });
  });

  it('zip the same folder to the same bytes on every export', () => {
    expect(zipFolder('adt-patient', FOLDER)).toEqual(zipFolder('adt-patient', [...FOLDER].reverse()));
  });

  it('read a zip of the folder contents (no enclosing folder) as well', () => {
    const result = unzipFolder(zipOf({ 'mapping.json': '{}', 'samples/a.hl7': 'MSH|' }));
    expect(result).toEqual({
      ok: true,
      files: [
        { path: 'mapping.json', content: '{}' },
        { path: 'samples/a.hl7', content: 'MSH|' },
      ],
    });
  });

  it("ignore the clutter macOS's zip tool adds", () => {
    const result = unzipFolder(
      zipOf({ 'lab/mapping.json': '{}', '__MACOSX/lab/._mapping.json': 'x', 'lab/.DS_Store': 'x' }),
    );
    expect(result).toEqual({ ok: true, files: [{ path: 'mapping.json', content: '{}' }] });
  });

  it('refuse a zip without mapping.json, saying so', () => {
    const result = unzipFolder(zipOf({ 'lab/samples/a.hl7': 'MSH|' }));
    expect(result).toEqual({
      ok: false,
      message: 'The zip has no mapping.json: it is not a Mapwright mapping folder.',
    });
  });

  it('point at a mapping.json nested too deep', () => {
    const result = unzipFolder(zipOf({ 'work/lab/mapping.json': '{}', 'work/notes.md': '' }));
    expect(result).toEqual({
      ok: false,
      message:
        "The zip has no mapping.json at its top: found lab/mapping.json. Zip the mapping's folder itself.",
    });
  });

  it('refuse what is not a zip, and a file that is not UTF-8 text, naming it', () => {
    expect(unzipFolder(strToU8('mapping.json'))).toEqual({
      ok: false,
      message: 'This file is not a zip archive (or it is damaged).',
    });
    const latin1 = zipSync({ 'mapping.json': strToU8('{}'), 'samples/a.hl7': new Uint8Array([0x4d, 0xe9]) });
    expect(unzipFolder(latin1)).toEqual({
      ok: false,
      message: 'samples/a.hl7: not UTF-8 text; mapping folders hold text files only.',
    });
  });
});

describe('stripSharedFolder', () => {
  it('strips one folder only when every file is inside it', () => {
    const files = (...paths: string[]) => paths.map((path) => ({ path, content: '' }));
    expect(stripSharedFolder(files('a/b/mapping.json', 'a/x.md')).map((f) => f.path)).toEqual([
      'b/mapping.json',
      'x.md',
    ]);
    expect(stripSharedFolder(files('a/mapping.json', 'b/x.md')).map((f) => f.path)).toEqual([
      'a/mapping.json',
      'b/x.md',
    ]);
    expect(stripSharedFolder(files('a/mapping.json', 'a')).map((f) => f.path)).toEqual([
      'a/mapping.json',
      'a',
    ]);
    expect(stripSharedFolder([])).toEqual([]);
  });
});
