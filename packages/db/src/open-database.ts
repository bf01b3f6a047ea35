import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { redact, resolveDatabaseTarget, type DatabaseTarget, type DatabaseTargetOptions } from './config';
import { PrismaClient } from './generated/prisma/client';
import { migrate, quoteIdent, type MigrationReport, type MigrationSession } from './migrate';
import { MIGRATIONS_DIR, readMigrations } from './migration-files';

export interface OpenDatabaseOptions extends DatabaseTargetOptions {
  /** Directory of NNNN_name/migration.sql folders; defaults to this package's migrations. */
  migrationsDir?: string;
  /** Environment to read DATABASE_URL / MAPWRIGHT_DATA_DIR from; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseTarget['kind'];
  /** What start-up did to the schema; useful in logs. */
  migrations: MigrationReport;
  close(): Promise<void>;
}

/**
 * Opens PGlite (embedded, default) or PostgreSQL (when a postgres URL is given), applies pending
 * migrations, and returns a Prisma client. Callers own the result and must `close()` it.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const target = resolveDatabaseTarget(options, options.env);
  const migrations = await readMigrations(options.migrationsDir ?? MIGRATIONS_DIR);
  return target.kind === 'postgres'
    ? openPostgres(target, (session) => migrate(session, migrations))
    : openPglite(target, (session) => migrate(session, migrations));
}

type Migrator = (session: MigrationSession) => Promise<MigrationReport>;

async function openPglite(
  target: Extract<DatabaseTarget, { kind: 'pglite' }>,
  run: Migrator,
): Promise<Database> {
  if (target.dataDir !== 'memory://') await mkdir(path.dirname(target.dataDir), { recursive: true });
  const pglite = new PGlite(target.dataDir);
  try {
    await pglite.waitReady;
    const migrations = await run({
      query: async <Row>(sql: string, params?: unknown[]) => (await pglite.query<Row>(sql, params)).rows,
      exec: async (sql) => {
        await pglite.exec(sql);
      },
      shared: false,
      schema: undefined,
    });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
    return {
      prisma,
      kind: 'pglite',
      migrations,
      close: once(async () => {
        await prisma.$disconnect();
        await pglite.close();
      }),
    };
  } catch (error) {
    await pglite.close().catch(() => undefined);
    throw error;
  }
}

async function openPostgres(
  target: Extract<DatabaseTarget, { kind: 'postgres' }>,
  run: Migrator,
): Promise<Database> {
  const config: pg.PoolConfig = {
    connectionString: target.connectionString,
    ...(target.schema ? { options: `-c search_path=${quoteIdent(target.schema)}` } : {}),
  };
  const migrations = await migratePostgres(config, target, run);
  const pool = new pg.Pool(config);
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined),
  });
  return {
    prisma,
    kind: 'postgres',
    migrations,
    close: once(async () => {
      await prisma.$disconnect();
      await pool.end();
    }),
  };
}

/** Migrates over one dedicated connection: the advisory lock belongs to a session. */
async function migratePostgres(
  config: pg.ClientConfig,
  target: Extract<DatabaseTarget, { kind: 'postgres' }>,
  run: Migrator,
): Promise<MigrationReport> {
  const client = new pg.Client(config);
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to PostgreSQL at ${redact(target.connectionString)}: ${reason}`, {
      cause: error,
    });
  }
  try {
    return await run({
      query: async <Row>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
      exec: async (sql) => {
        await client.query(sql);
      },
      shared: true,
      schema: target.schema,
    });
  } finally {
    await client.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let result: Promise<void> | undefined;
  return () => (result ??= fn());
}
