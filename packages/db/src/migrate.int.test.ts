import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, MIGRATIONS_TABLE } from './migrate';
import { readMigrations } from './migration-files';
import { openDatabase } from './open-database';
import { createMappingRepository } from './repositories/mapping-repository';
import { testBackends, type TestDatabaseTarget } from './testing';

const allMigrations = (await readMigrations()).map((migration) => migration.name);

describe.each(testBackends())('migrations on $kind', (backend) => {
  let target: TestDatabaseTarget;
  beforeAll(async () => {
    target = await backend.reserve();
  });
  afterAll(async () => {
    await target?.dispose();
  });

  it('apply on an empty database, keep data across restarts, and do nothing the second time', async () => {
    const first = await openDatabase(target.options);
    expect(first.kind).toBe(backend.kind);
    expect(first.migrations.applied).toEqual(allMigrations);
    const created = await createMappingRepository(first.prisma).create({
      slug: 'adt-to-patient',
      name: 'ADT to Patient',
      sourceFormat: 'hl7v2',
    });
    expect(created.ok).toBe(true);
    await first.close();

    const second = await openDatabase(target.options);
    try {
      expect(second.migrations.applied).toEqual([]);
      const found = await createMappingRepository(second.prisma).getBySlug('adt-to-patient');
      expect(found).toMatchObject({ name: 'ADT to Patient', sourceFormat: 'hl7v2', draftRevision: 0 });
      const recorded = await second.prisma.$queryRawUnsafe<{ name: string; checksum: string }[]>(
        `SELECT name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY name`,
      );
      expect(recorded.map((row) => row.name)).toEqual(allMigrations);
      expect(recorded[0]?.checksum).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await second.close();
    }
  });

  it('refuse to start when an applied migration changed or is unknown to this build', async () => {
    const [first] = await readMigrations();
    await target.execute([
      `UPDATE ${MIGRATIONS_TABLE} SET checksum = 'edited' WHERE name = '${first!.name}'`,
    ]);
    const edited = await openDatabase(target.options).catch((error: unknown) => error);
    expect(edited).toBeInstanceOf(MigrationError);
    expect(edited).toMatchObject({ code: 'checksum_mismatch', migration: first!.name });
    expect((edited as Error).message).toMatch(/was changed after it was applied/);

    await target.execute([
      `UPDATE ${MIGRATIONS_TABLE} SET checksum = '${first!.checksum}' WHERE name = '${first!.name}'`,
      `INSERT INTO ${MIGRATIONS_TABLE} (name, checksum, duration_ms) VALUES ('9999_from_the_future', 'x', 0)`,
    ]);
    await expect(openDatabase(target.options)).rejects.toMatchObject({
      code: 'unknown_migration',
      migration: '9999_from_the_future',
    });
  });

  it('roll a failing migration back entirely and do not record it', async () => {
    const failing = await backend.reserve();
    const dir = await mkdtemp(path.join(tmpdir(), 'mapwright-migrations-'));
    try {
      await writeMigration(dir, '0001_good', 'CREATE TABLE good (id int);');
      await writeMigration(
        dir,
        '0002_bad',
        'CREATE TABLE half (id int);\nINSERT INTO missing_table VALUES (1);',
      );
      const error = await openDatabase({ ...failing.options, migrationsDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(MigrationError);
      expect(error).toMatchObject({ code: 'migration_failed', migration: '0002_bad' });
      expect((error as Error).message).toMatch(/missing_table/);

      await rm(path.join(dir, '0002_bad'), { recursive: true });
      const db = await openDatabase({ ...failing.options, migrationsDir: dir });
      try {
        expect(db.migrations.applied).toEqual([]);
        const tables = await db.prisma.$queryRawUnsafe<{ good: string | null; half: string | null }[]>(
          "SELECT to_regclass('good')::text AS good, to_regclass('half')::text AS half",
        );
        expect(tables[0]).toMatchObject({ half: null });
        expect(tables[0]?.good).toMatch(/good/);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
      await failing.dispose();
    }
  });
});

async function writeMigration(dir: string, name: string, sql: string): Promise<void> {
  await mkdir(path.join(dir, name));
  await writeFile(path.join(dir, name, 'migration.sql'), sql);
}

// Two processes sharing one data directory is a PostgreSQL deployment; PGlite is single-process,
// so this suite exists only where a PostgreSQL server is configured (TEST_DATABASE_URL).
const postgres = testBackends().filter((backend) => backend.kind === 'postgres');

describe.each(postgres)('concurrent start-up on $kind', () => {
  it('applies each migration exactly once when two processes open the same empty database', async () => {
    const target = await postgres[0]!.reserve();
    try {
      const [a, b] = await Promise.all([openDatabase(target.options), openDatabase(target.options)]);
      try {
        const applied = [...a.migrations.applied, ...b.migrations.applied];
        expect(applied).toEqual(allMigrations);
        expect([a.migrations.applied.length, b.migrations.applied.length]).toContain(0);
        const rows = await a.prisma.$queryRawUnsafe<{ count: bigint }[]>(
          `SELECT count(*) AS count FROM ${MIGRATIONS_TABLE}`,
        );
        expect(Number(rows[0]?.count)).toBe(allMigrations.length);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    } finally {
      await target.dispose();
    }
  });
});
