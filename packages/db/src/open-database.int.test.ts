import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './open-database';

describe('openDatabase with the embedded default', () => {
  it('creates a missing data directory from MAPWRIGHT_DATA_DIR and migrates it', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'mapwright-first-run-'));
    const dataDir = path.join(root, 'not', 'yet', 'there');
    try {
      const db = await openDatabase({ env: { MAPWRIGHT_DATA_DIR: dataDir } });
      try {
        expect(db.kind).toBe('pglite');
        expect(db.migrations.applied.length).toBeGreaterThan(0);
        expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
        expect(await db.prisma.mapping.count()).toBe(0);
      } finally {
        await db.close();
        await db.close(); // closing twice is harmless
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
