import { resolve } from 'node:path';
import {
  createMappingRepository,
  createSampleRepository,
  createTestCaseRepository,
  openDatabase,
} from '@mapwright/db';
import { describe, expect, it } from 'vitest';
import { loadExamples } from './load-examples';

const MAPPINGS = resolve(import.meta.dirname, '../../../mappings');

describe('loading the example mappings at start-up', () => {
  it('stores each example with its graph as version 1 and its samples, and leaves them alone on restart', async () => {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const first = await loadExamples(db, MAPPINGS);
      expect(first.problems).toEqual([]);
      expect(first.loaded.map((l) => l.slug).sort()).toEqual([
        'adt-patient',
        'csv-lab-results',
        'oru-lab',
        'vxu-immunization',
      ]);
      const repo = createMappingRepository(db.prisma);
      const adt = await repo.getBySlug('adt-patient');
      const version = await repo.latestVersion(adt!.id);
      expect(version).toMatchObject({ number: 1 });
      expect((version!.graph as { nodes: unknown[] }).nodes.length).toBeGreaterThan(100);
      expect((await createSampleRepository(db.prisma).listByMapping(adt!.id)).length).toBeGreaterThanOrEqual(
        5,
      );

      // every sample of an example is a test case with its reviewed expected bundle, and tests/ adds
      // FHIRPath assertion tests
      const tests = await createTestCaseRepository(db.prisma).listByMapping(adt!.id);
      const golden = tests.filter((t) => t.expectedBundle !== null);
      expect(golden.length).toBe(first.loaded.find((l) => l.slug === 'adt-patient')!.samples);
      expect(tests.find((t) => t.name === 'admit-demographics')).toMatchObject({
        expectedBundle: null,
        assertions: expect.arrayContaining(["Patient.name.family = 'EVERYMAN'"]),
      });

      const again = await loadExamples(db, MAPPINGS);
      expect(again.loaded.every((l) => !l.created)).toBe(true);
      expect(await repo.latestVersion(adt!.id)).toMatchObject({ number: 1 });
    } finally {
      await db.close();
    }
  });
});
