import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed migrations of this package: packages/db/migrations/NNNN_name/migration.sql. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations', import.meta.url));

export const MIGRATION_FILE = 'migration.sql';
const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+$/;

export interface MigrationFile {
  /** Directory name, e.g. `0001_init`; migrations apply in this order. */
  name: string;
  sql: string;
  /** sha256 of the SQL with line endings normalised, so a checkout with CRLF still matches. */
  checksum: string;
}

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: MigrationFile[] = [];
  for (const name of names) {
    if (!MIGRATION_NAME.test(name)) {
      throw new Error(`Migration directory "${name}" in ${dir} must be named NNNN_snake_case_name`);
    }
    const sql = await readFile(path.join(dir, name, MIGRATION_FILE), 'utf8');
    migrations.push({ name, sql, checksum: migrationChecksum(sql) });
  }
  const numbers = migrations.map((migration) => migration.name.slice(0, 4));
  const duplicate = numbers.find((number, index) => numbers.indexOf(number) !== index);
  if (duplicate) throw new Error(`Two migrations in ${dir} share the number ${duplicate}`);
  return migrations;
}
