import { createHash } from 'node:crypto';
import type { MigrationFile } from './migration-files';

export const MIGRATIONS_TABLE = '_mapwright_migrations';

/** The few raw-SQL operations the migrator needs, implemented over pg and over PGlite. */
export interface MigrationSession {
  /** Runs one statement with parameters. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  /** True when other processes may migrate the same database at the same time (PostgreSQL). */
  shared: boolean;
  /** Schema to create and migrate; undefined means the connection's default (public). */
  schema: string | undefined;
}

export type MigrationErrorCode = 'checksum_mismatch' | 'unknown_migration' | 'migration_failed';

/** Thrown at start-up: the process must not run against a database whose history it cannot trust. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    readonly code: MigrationErrorCode,
    readonly migration: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface MigrationReport {
  /** Migrations this call applied, in order; empty when the database was already current. */
  applied: string[];
}

interface AppliedRow {
  name: string;
  checksum: string;
}

/**
 * Applies pending migrations in name order, each in its own transaction together with its row in
 * the migrations table. On PostgreSQL a session advisory lock serialises concurrent start-ups: the
 * second process waits, then finds nothing left to apply.
 */
export async function migrate(
  session: MigrationSession,
  migrations: MigrationFile[],
): Promise<MigrationReport> {
  const lockKey = advisoryLockKey(session.schema);
  if (session.shared) await session.query('SELECT pg_advisory_lock($1::bigint)', [lockKey]);
  try {
    if (session.schema) await session.exec(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(session.schema)}`);
    await session.exec(
      `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
        name text PRIMARY KEY,
        checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        duration_ms integer NOT NULL
      )`,
    );
    const appliedRows = await session.query<AppliedRow>(
      `SELECT name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY name`,
    );
    verifyHistory(appliedRows, migrations);

    const appliedNames = new Set(appliedRows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (appliedNames.has(migration.name)) continue;
      await applyOne(session, migration);
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    if (session.shared) await session.query('SELECT pg_advisory_unlock($1::bigint)', [lockKey]);
  }
}

function verifyHistory(appliedRows: AppliedRow[], migrations: MigrationFile[]): void {
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of appliedRows) {
    const file = byName.get(row.name);
    if (!file) {
      throw new MigrationError(
        'unknown_migration',
        row.name,
        `Database has migration "${row.name}" applied, but this build does not contain it. ` +
          'A newer Mapwright has probably migrated this database; run that version or restore a backup.',
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        'checksum_mismatch',
        row.name,
        `Migration "${row.name}" was changed after it was applied (checksum ${row.checksum.slice(0, 12)}… ` +
          `in the database, ${file.checksum.slice(0, 12)}… on disk). Applied migrations must never be ` +
          'edited: restore the original file and add a new migration instead.',
      );
    }
  }
}

async function applyOne(session: MigrationSession, migration: MigrationFile): Promise<void> {
  const started = performance.now();
  await session.exec('BEGIN');
  try {
    await session.exec(migration.sql);
    await session.query(`INSERT INTO ${MIGRATIONS_TABLE} (name, checksum, duration_ms) VALUES ($1, $2, $3)`, [
      migration.name,
      migration.checksum,
      Math.round(performance.now() - started),
    ]);
    await session.exec('COMMIT');
  } catch (error) {
    // If the connection itself broke, ROLLBACK fails too; report the migration's error, not that.
    await session.exec('ROLLBACK').catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(
      'migration_failed',
      migration.name,
      `Migration "${migration.name}" failed: ${reason}`,
      {
        cause: error,
      },
    );
  }
}

/** A stable 64-bit key per schema, so tests migrating different schemas do not wait for each other. */
function advisoryLockKey(schema: string | undefined): string {
  const digest = createHash('sha256')
    .update(`mapwright:migrations:${schema ?? ''}`)
    .digest();
  return digest.readBigInt64BE(0).toString();
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
