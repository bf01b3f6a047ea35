import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../open-database';
import { openTestDatabase, testBackends } from '../testing';
import { createMappingRepository } from './mapping-repository';
import { createSampleRepository } from './sample-repository';
import { createTestCaseRepository, type TestCaseRecord } from './test-case-repository';

describe.each(testBackends())('test case edits on $kind', (backend) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  async function twoTestCases(slug: string): Promise<[TestCaseRecord, TestCaseRecord]> {
    const mapping = await createMappingRepository(db.prisma).create({
      slug,
      name: slug,
      sourceFormat: 'csv',
    });
    if (!mapping.ok) throw new Error(mapping.error.message);
    const sample = await createSampleRepository(db.prisma).create({
      mappingId: mapping.value.id,
      name: 'a.csv',
      content: 'id\n1\n',
      contentType: 'csv',
    });
    if (!sample.ok) throw new Error(sample.error.message);
    const testCases = createTestCaseRepository(db.prisma);
    const make = async (name: string) => {
      const created = await testCases.create({
        mappingId: mapping.value.id,
        sampleId: sample.value.id,
        name,
      });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    };
    return [await make('first'), await make('second')];
  }

  it('updates the given fields only, when nobody changed the test case since it was read', async () => {
    const testCases = createTestCaseRepository(db.prisma);
    const [first] = await twoTestCases('tc-update');
    const bundle = { resourceType: 'Bundle', type: 'transaction' };
    const updated = await testCases.update(
      first.id,
      { expectedBundle: bundle, assertions: ["Patient.name.family = 'Smith'"] },
      { expectedUpdatedAt: first.updatedAt },
    );
    expect(updated).toMatchObject({
      ok: true,
      value: { name: 'first', expectedBundle: bundle, assertions: ["Patient.name.family = 'Smith'"] },
    });
    if (!updated.ok) return;
    expect(updated.value.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
    expect(await testCases.get(first.id)).toEqual(updated.value);

    // The stamp the writer read is gone: a second writer with it changes nothing.
    const stale = await testCases.update(
      first.id,
      { name: 'renamed' },
      { expectedUpdatedAt: first.updatedAt },
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', stale: true } });
    expect((await testCases.get(first.id))?.name).toBe('first');

    const cleared = await testCases.update(first.id, { expectedBundle: null, name: 'renamed' });
    expect(cleared).toMatchObject({ ok: true, value: { name: 'renamed', expectedBundle: null } });
  });

  it('refuses a duplicate name, an unknown id and bad input as values', async () => {
    const testCases = createTestCaseRepository(db.prisma);
    const [first] = await twoTestCases('tc-refusals');
    expect(await testCases.update(first.id, { name: 'second' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: 'The mapping already has a test case named "second"' },
    });
    expect(await testCases.update('00000000-0000-4000-8000-000000000000', { name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await testCases.update(first.id, { name: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('removes a test case once', async () => {
    const testCases = createTestCaseRepository(db.prisma);
    const [first, second] = await twoTestCases('tc-remove');
    expect(await testCases.remove(first.id)).toEqual({ ok: true, value: { id: first.id } });
    expect(await testCases.get(first.id)).toBeNull();
    expect(await testCases.remove(first.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await testCases.listByMapping(second.mappingId)).map((t) => t.name)).toEqual(['second']);
  });
});
