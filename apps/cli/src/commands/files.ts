import { relative } from 'node:path';
import type { Database } from '@mapwright/db';
import {
  describeFolderError,
  exportFolder,
  importFolder,
  readMappingFolder,
  writeMappingFolder,
} from '@mapwright/mapping-files';
import { openCliDatabase } from '../database';
import type { Io } from '../io';

export interface DatabaseOption {
  database?: string;
  /** Tests pass an open database; the binary opens (and closes) the configured one. */
  db?: Database;
}

/** `mapwright export <slug> <dir>`: writes a version (latest by default) of a mapping as a folder. */
export async function exportCommand(
  slug: string,
  dir: string,
  options: DatabaseOption & { version?: number },
  io: Io,
): Promise<number> {
  return withDatabase(options, io, async (db) => {
    const exported = await exportFolder(
      db,
      slug,
      options.version === undefined ? {} : { versionNumber: options.version },
    );
    if (!exported.ok) {
      io.err(`${exported.error.message}\n`);
      return 1;
    }
    const report = await writeMappingFolder(dir, exported.folder);
    if (!report.ok) {
      io.err(`${report.error.at.file}: ${report.error.message}\n`);
      return 1;
    }
    const where = relative(process.cwd(), dir) || dir;
    const { samples, tests } = exported.folder;
    io.out(
      `Exported ${slug} version ${exported.versionNumber} to ${where}: ${samples.length} samples, ${tests.length} tests ` +
        `(${report.written.length} files written, ${report.unchanged.length} unchanged, ${report.removed.length} removed)\n`,
    );
    for (const path of report.removed) io.out(`  removed ${path}\n`);
    for (const problem of exported.problems) io.err(`warning: ${problem}\n`);
    return 0;
  });
}

/** `mapwright import <dir>`: adds the folder's mapping, samples and tests; never overwrites what is stored. */
export async function importCommand(
  dir: string,
  options: DatabaseOption & { actor?: string },
  io: Io,
): Promise<number> {
  const read = await readMappingFolder(dir);
  if (!read.ok) {
    for (const error of read.errors) io.err(`${describeFolderError(error)}\n`);
    return 1;
  }
  return withDatabase(options, io, async (db) => {
    const report = await importFolder(db, read.folder, { actor: options.actor ?? actorName() });
    if (!report.ok) {
      for (const problem of report.problems) io.err(`${problem}\n`);
      return 1;
    }
    const what = report.created
      ? `created mapping ${report.slug} with version ${report.versionNumber}`
      : report.newVersion
        ? `added version ${report.versionNumber} to ${report.slug}`
        : `${report.slug}: the graph is unchanged (version ${report.versionNumber})`;
    io.out(`Imported ${relative(process.cwd(), dir) || dir}: ${what}\n`);
    for (const problem of report.problems) io.err(`kept the database's: ${problem}\n`);
    return 0;
  });
}

async function withDatabase(
  options: DatabaseOption,
  io: Io,
  work: (db: Database) => Promise<number>,
): Promise<number> {
  if (options.db) return work(options.db);
  let db: Database;
  try {
    db = await openCliDatabase(options.database);
  } catch (error) {
    io.err(`cannot open the database: ${(error as Error).message}\n`);
    return 1;
  }
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** The author recorded on an imported version: who ran the command. */
const actorName = (): string =>
  process.env.MAPWRIGHT_ACTOR?.trim() || process.env.USER?.trim() || 'mapwright cli';
