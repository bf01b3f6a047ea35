import { strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';

/** One file of a mapping folder, path relative to the folder (`samples/admit.hl7`). */
export interface FolderFile {
  path: string;
  content: string;
}

export type UnzipResult = { ok: true; files: FolderFile[] } | { ok: false; message: string };

/**
 * Far above any real mapping folder; stops a zip bomb before it fills the tab's memory. Below the server's
 * 25 MB request limit, since the files travel as JSON strings (escapes make them longer).
 */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;

/**
 * The folder as a zip whose entries sit under `<slug>/`, so unpacking it anywhere gives one folder named
 * like the mapping, the same as `mapwright export`.
 */
export function zipFolder(slug: string, files: readonly FolderFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  // Sorted paths and a fixed time: the same folder zips to the same bytes, whenever it is exported.
  for (const file of [...files].sort(byPath)) entries[`${slug}/${file.path}`] = strToU8(file.content);
  return zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}

/**
 * The files of a zipped mapping folder with paths relative to the folder: a zip of the folder itself
 * (every path starts with `<name>/`) and a zip of its contents both work. Refuses, saying why, what
 * is not a mapping folder.
 */
export function unzipFolder(bytes: Uint8Array): UnzipResult {
  let unzipped: Unzipped;
  let total = 0;
  try {
    unzipped = unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new TooBig();
        return !isClutter(file.name);
      },
    });
  } catch (error) {
    if (error instanceof TooBig)
      return { ok: false, message: `The zip unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB.` };
    return { ok: false, message: 'This file is not a zip archive (or it is damaged).' };
  }
  // ignoreBOM keeps a byte order mark in the text: a sample is stored exactly as given.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const files: FolderFile[] = [];
  for (const [path, data] of Object.entries(unzipped)) {
    if (path.endsWith('/')) continue;
    try {
      files.push({ path, content: decoder.decode(data) });
    } catch {
      return { ok: false, message: `${path}: not UTF-8 text; mapping folders hold text files only.` };
    }
  }
  const stripped = stripSharedFolder(files);
  if (!stripped.some((f) => f.path === 'mapping.json')) {
    const nested = stripped.find((f) => f.path.endsWith('/mapping.json'));
    return {
      ok: false,
      message: nested
        ? `The zip has no mapping.json at its top: found ${nested.path}. Zip the mapping's folder itself.`
        : 'The zip has no mapping.json: it is not a Mapwright mapping folder.',
    };
  }
  return { ok: true, files: stripped.sort(byPath) };
}

/** Removes one leading folder when every file is inside it (`adt-patient/mapping.json` -> `mapping.json`). */
export function stripSharedFolder(files: readonly FolderFile[]): FolderFile[] {
  const first = files[0]?.path.split('/')[0];
  const shared =
    first !== undefined && files.every((f) => f.path.includes('/') && f.path.split('/')[0] === first);
  return shared ? files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) })) : [...files];
}

class TooBig extends Error {}

const byPath = (a: FolderFile, b: FolderFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** What macOS's and Windows' zip tools add beside the files. */
function isClutter(path: string): boolean {
  const name = path.split('/').pop() ?? '';
  return path.startsWith('__MACOSX/') || name === '.DS_Store' || name === 'Thumbs.db';
}
