/**
 * Test support for packages that need a real database: `describe.each(testBackends())` runs the
 * same assertions on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { quoteIdent } from './migrate';
import { openDatabase, type Database, type OpenDatabaseOptions } from './open-database';
import { createMappingRepository } from './repositories/mapping-repository';
import { createReviewActionRepository } from './repositories/review-action-repository';

export interface TestBackend {
  kind: 'pglite' | 'postgres';
  /** Reserves an empty, isolated database (temp data dir, or a unique PostgreSQL schema). */
  reserve(): Promise<TestDatabaseTarget>;
}

export interface TestDatabaseTarget {
  /** Pass to openDatabase; opening it again reaches the same data. */
  options: OpenDatabaseOptions;
  /** Runs SQL directly, bypassing openDatabase and its migration checks (to set up odd states). */
  execute(statements: string[]): Promise<void>;
  /** Deletes the data dir or drops the schema. */
  dispose(): Promise<void>;
}

export function testBackends(env: NodeJS.ProcessEnv = process.env): TestBackend[] {
  const backends: TestBackend[] = [pgliteBackend];
  const url = env.TEST_DATABASE_URL?.trim();
  if (url) backends.push(postgresBackend(url));
  return backends;
}

const pgliteBackend: TestBackend = {
  kind: 'pglite',
  async reserve() {
    const root = await mkdtemp(path.join(tmpdir(), 'mapwright-db-'));
    const dataDir = path.join(root, 'data');
    // Copying an initialised, empty cluster takes ~0.3 s; initialising a new one takes seconds.
    await cp(await pgliteTemplate(), dataDir, { recursive: true });
    return {
      options: { dataDir },
      async execute(statements) {
        const pglite = new PGlite(dataDir);
        try {
          for (const sql of statements) await pglite.exec(sql);
        } finally {
          await pglite.close();
        }
      },
      dispose: () => rm(root, { recursive: true, force: true }),
    };
  },
};

let template: Promise<string> | undefined;

/**
 * An empty PGlite data directory (no migrations applied), created once per PGlite build and
 * shared by test files through the temp directory; the rename makes its appearance atomic.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const build = createHash('sha256')
      .update(import.meta.resolve('@electric-sql/pglite'))
      .digest('hex');
    const dir = path.join(tmpdir(), `mapwright-pglite-template-${build.slice(0, 16)}`);
    if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
    const staging = await mkdtemp(`${dir}-staging-`);
    const pglite = new PGlite(path.join(staging, 'data'));
    await pglite.waitReady;
    await pglite.close();
    try {
      await rename(path.join(staging, 'data'), dir);
    } catch (error) {
      // Another test file won the race; its template is just as good.
      if (!existsSync(path.join(dir, 'PG_VERSION'))) throw error;
    } finally {
      await rm(staging, { recursive: true, force: true });
    }
    return dir;
  })();
  return template;
}

function postgresBackend(baseUrl: string): TestBackend {
  return {
    kind: 'postgres',
    async reserve() {
      const schema = `mw_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
      const url = new URL(baseUrl);
      url.searchParams.set('schema', schema);
      const run = async (statements: string[]) => {
        const admin = new URL(baseUrl);
        admin.searchParams.delete('schema');
        const client = new pg.Client({
          connectionString: admin.toString(),
          options: `-c search_path=${quoteIdent(schema)}`,
        });
        await client.connect();
        try {
          for (const sql of statements) await client.query(sql);
        } finally {
          await client.end();
        }
      };
      return {
        options: { url: url.toString() },
        execute: run,
        dispose: () => run([`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`]),
      };
    },
  };
}

/** A fresh, migrated database on `backend`, and the one call that closes and removes it. */
export async function openTestDatabase(
  backend: TestBackend,
): Promise<{ db: Database; close: () => Promise<void> }> {
  const target = await backend.reserve();
  const db = await openDatabase(target.options);
  return {
    db,
    close: async () => {
      await db.close();
      await target.dispose();
    },
  };
}

/**
 * A mapping with one version that was submitted by its author and approved by someone else, written
 * straight through the repositories: what runtime tests need before they can deploy anything.
 */
export async function seedApprovedVersion(
  db: Database,
  slug: string,
): Promise<{ mappingId: string; versionId: string }> {
  const mappings = createMappingRepository(db.prisma);
  const mapping = await mappings.create({ slug, name: slug, sourceFormat: 'hl7v2' });
  if (!mapping.ok) throw new Error(mapping.error.message);
  const version = await mappings.addVersion({
    mappingId: mapping.value.id,
    graph: { nodes: [] },
    author: 'ana@hospital.example',
  });
  if (!version.ok) throw new Error(version.error.message);
  const reviews = createReviewActionRepository(db.prisma);
  for (const step of [
    { kind: 'submit', actor: 'ana@hospital.example', body: 'ready' },
    { kind: 'approve', actor: 'rex@hospital.example', body: 'fine' },
  ] as const) {
    const recorded = await reviews.record({ versionId: version.value.id, ...step });
    if (!recorded.ok) throw new Error(recorded.error.message);
  }
  return { mappingId: mapping.value.id, versionId: version.value.id };
}
