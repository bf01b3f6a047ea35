import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, type JsonObject } from '../json';
import type { Database } from '../open-database';
import { openTestDatabase, testBackends } from '../testing';
import { createConceptMapRepository } from './concept-map-repository';
import { createMappingRepository, type MappingRecord } from './mapping-repository';
import { createSampleRepository } from './sample-repository';
import { createTestCaseRepository } from './test-case-repository';

const graph: JsonObject = {
  nodes: [
    { id: 'pid5', type: 'source', data: { path: 'PID.5' } },
    { id: 'patient', type: 'target', data: { resourceType: 'Patient', identity: { system: 'urn:mrn' } } },
  ],
  edges: [{ id: 'e1', source: 'pid5', sourceHandle: null, target: 'patient', targetHandle: 'name' }],
  meta: { unicode: 'Müller–Lüdenscheid ✓', nested: [[1, 2.5, true, null]] },
};

const adt = 'MSH|^~\\&|EPIC|HOSP|||202401011200||ADT^A01|MSG1|P|2.5\rPID|1||123^^^HOSP^MR||DOE^JOHN\r';

describe.each(testBackends())('repositories on $kind', (backend) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  async function newMapping(slug: string): Promise<MappingRecord> {
    const result = await createMappingRepository(db.prisma).create({
      slug,
      name: slug,
      sourceFormat: 'hl7v2',
    });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  describe('mappings', () => {
    it('create, get, get by slug and list round-trip', async () => {
      const mappings = createMappingRepository(db.prisma);
      const created = await mappings.create({
        slug: 'oru-to-observation',
        name: 'ORU to Observation',
        description: 'Lab results',
        sourceFormat: 'hl7v2',
      });
      expect(created).toMatchObject({
        ok: true,
        value: { slug: 'oru-to-observation', draft: null, draftRevision: 0 },
      });
      if (!created.ok) return;
      expect(created.value.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(created.value.createdAt).toBeInstanceOf(Date);

      expect(await mappings.get(created.value.id)).toEqual(created.value);
      expect(await mappings.getBySlug('oru-to-observation')).toEqual(created.value);
      expect(await mappings.get('not-a-uuid')).toBeNull();
      expect(await mappings.get('00000000-0000-4000-8000-000000000000')).toBeNull();

      await newMapping('aaa-first');
      await newMapping('zzz-last');
      const page = await mappings.list({ limit: 2 });
      expect(page.map((m) => m.slug)).toEqual(['aaa-first', 'oru-to-observation']);
      expect(page[0]).not.toHaveProperty('draft');
      const next = await mappings.list({ afterSlug: 'oru-to-observation' });
      expect(next.map((m) => m.slug)).toEqual(['zzz-last']);
    });

    it('report a duplicate slug as a conflict value, not an exception', async () => {
      const mappings = createMappingRepository(db.prisma);
      await newMapping('dup-slug');
      const again = await mappings.create({ slug: 'dup-slug', name: 'Again', sourceFormat: 'csv' });
      expect(again).toEqual({
        ok: false,
        error: expect.objectContaining({
          code: 'conflict',
          message: 'A mapping with slug "dup-slug" already exists',
          at: expect.objectContaining({ entity: 'mapping' }),
        }),
      });
    });

    it('reject invalid input with every issue located', async () => {
      const result = await createMappingRepository(db.prisma).create({
        slug: 'Not A Slug',
        name: '',
        sourceFormat: 'xml' as 'json',
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.at.fields).toEqual(['slug', 'name', 'sourceFormat']);
    });

    it('store versions with numbers, lineage, content hash and the jsonb graph intact', async () => {
      const mappings = createMappingRepository(db.prisma);
      const mapping = await newMapping('versioned');
      expect(await mappings.latestVersion(mapping.id)).toBeNull();

      const v1 = await mappings.addVersion({ mappingId: mapping.id, graph, author: 'ana', message: 'first' });
      expect(v1).toMatchObject({ ok: true, value: { number: 1, parentVersionId: null, author: 'ana' } });
      if (!v1.ok) return;
      expect(v1.value.graph).toEqual(graph);
      expect(v1.value.contentHash).toBe(contentHash(graph));

      const reordered: JsonObject = { meta: graph.meta!, edges: graph.edges!, nodes: graph.nodes! };
      const v2 = await mappings.addVersion({
        mappingId: mapping.id,
        graph: reordered,
        author: 'bo',
        parentVersionId: v1.value.id,
      });
      expect(v2).toMatchObject({
        ok: true,
        value: { number: 2, parentVersionId: v1.value.id, message: null },
      });
      if (!v2.ok) return;
      expect(v2.value.contentHash).toBe(v1.value.contentHash);

      const latest = await mappings.latestVersion(mapping.id);
      expect(latest).toEqual(v2.value);
      expect(latest?.graph).toEqual(graph);
    });

    it('refuse versions of unknown mappings or with a parent from another mapping', async () => {
      const mappings = createMappingRepository(db.prisma);
      const missing = await mappings.addVersion({
        mappingId: '00000000-0000-4000-8000-000000000000',
        graph,
        author: 'ana',
      });
      expect(missing).toMatchObject({ ok: false, error: { code: 'invalid_reference' } });

      const a = await newMapping('lineage-a');
      const b = await newMapping('lineage-b');
      const va = await mappings.addVersion({ mappingId: a.id, graph, author: 'ana' });
      if (!va.ok) throw new Error(va.error.message);
      const crossed = await mappings.addVersion({
        mappingId: b.id,
        graph,
        author: 'ana',
        parentVersionId: va.value.id,
      });
      expect(crossed).toMatchObject({
        ok: false,
        error: { code: 'invalid_reference', at: { fields: ['parentVersionId'] } },
      });
    });

    it('never give two concurrent saves the same number: a loser gets a conflict value', async () => {
      const mappings = createMappingRepository(db.prisma);
      const mapping = await newMapping('racing');
      const results = await Promise.all(
        [1, 2, 3].map((i) => mappings.addVersion({ mappingId: mapping.id, graph: { i }, author: `w${i}` })),
      );
      const saved = results.flatMap((r) => (r.ok ? [r.value.number] : []));
      const conflicts = results.filter((r) => !r.ok);
      expect(conflicts.every((r) => !r.ok && r.error.code === 'conflict')).toBe(true);
      // Whatever the interleaving, numbers never repeat and never skip.
      expect(saved.sort((x, y) => x - y)).toEqual(saved.map((_, index) => index + 1));
    });

    it('save drafts with optimistic concurrency on draftRevision', async () => {
      const mappings = createMappingRepository(db.prisma);
      const mapping = await newMapping('drafty');
      expect(await mappings.saveDraft({ mappingId: mapping.id, draft: graph, expectedRevision: 0 })).toEqual({
        ok: true,
        value: { draftRevision: 1 },
      });
      const stale = await mappings.saveDraft({
        mappingId: mapping.id,
        draft: { stale: true },
        expectedRevision: 0,
      });
      expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await mappings.get(mapping.id)).toMatchObject({ draft: graph, draftRevision: 1 });

      const gone = await mappings.saveDraft({
        mappingId: '00000000-0000-4000-8000-000000000000',
        draft: null,
        expectedRevision: 0,
      });
      expect(gone).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe('samples and test cases', () => {
    it('round-trip, keep message bytes exactly, and enforce names and ownership', async () => {
      const samples = createSampleRepository(db.prisma);
      const testCases = createTestCaseRepository(db.prisma);
      const mapping = await newMapping('with-samples');
      const other = await newMapping('other-samples');

      const sample = await samples.create({
        mappingId: mapping.id,
        name: 'adt-a01.hl7',
        content: adt,
        contentType: 'hl7v2',
      });
      expect(sample).toMatchObject({ ok: true, value: { content: adt, contentType: 'hl7v2' } });
      if (!sample.ok) return;
      expect(await samples.get(sample.value.id)).toEqual(sample.value);
      expect(await samples.listByMapping(mapping.id)).toEqual([sample.value]);
      expect(
        await samples.create({
          mappingId: mapping.id,
          name: 'adt-a01.hl7',
          content: '',
          contentType: 'hl7v2',
        }),
      ).toMatchObject({ ok: false, error: { code: 'conflict' } });

      const bundle = {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [{ resource: { resourceType: 'Patient' } }],
      };
      const testCase = await testCases.create({
        mappingId: mapping.id,
        sampleId: sample.value.id,
        name: 'admits John Doe',
        expectedBundle: bundle,
      });
      expect(testCase).toMatchObject({ ok: true, value: { expectedBundle: bundle, assertions: null } });
      if (!testCase.ok) return;
      expect(await testCases.get(testCase.value.id)).toEqual(testCase.value);
      expect(await testCases.listByMapping(mapping.id)).toEqual([testCase.value]);

      const assertionsOnly = await testCases.create({
        mappingId: mapping.id,
        sampleId: sample.value.id,
        name: 'has an MRN',
        assertions: [{ path: 'entry[0].resource.identifier[0].value', equals: '123' }],
      });
      expect(assertionsOnly).toMatchObject({ ok: true, value: { expectedBundle: null } });

      const duplicate = await testCases.create({
        mappingId: mapping.id,
        sampleId: sample.value.id,
        name: 'has an MRN',
      });
      expect(duplicate).toMatchObject({ ok: false, error: { code: 'conflict' } });

      // A test case may only use a sample of its own mapping.
      const foreign = await testCases.create({
        mappingId: other.id,
        sampleId: sample.value.id,
        name: 'borrowed',
      });
      expect(foreign).toMatchObject({ ok: false, error: { code: 'invalid_reference' } });

      // A sample its test cases still run cannot go; once they are gone it can, once.
      expect(await samples.remove(sample.value.id)).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/test cases/) },
      });
      await db.prisma.testCase.deleteMany({ where: { sampleId: sample.value.id } });
      expect(await samples.remove(sample.value.id)).toEqual({ ok: true, value: { id: sample.value.id } });
      expect(await samples.get(sample.value.id)).toBeNull();
      expect(await samples.remove(sample.value.id)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect(await samples.remove('not-a-uuid')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe('concept maps', () => {
    const conceptMap = {
      resourceType: 'ConceptMap' as const,
      url: 'http://example.org/fhir/ConceptMap/v2-0001-gender',
      status: 'active',
      group: [
        {
          source: 'http://terminology.hl7.org/CodeSystem/v2-0001',
          element: [{ code: 'F', target: [{ code: 'female', equivalence: 'equivalent' }] }],
        },
      ],
    };
    const input = {
      url: conceptMap.url,
      name: 'V2 sex to FHIR gender',
      version: '1.0.0',
      sourceSystem: 'http://terminology.hl7.org/CodeSystem/v2-0001',
      targetSystem: 'http://hl7.org/fhir/administrative-gender',
      content: conceptMap,
    };

    it('create, read, list, update and remove', async () => {
      const maps = createConceptMapRepository(db.prisma);
      const created = await maps.create(input);
      expect(created).toMatchObject({ ok: true, value: { url: input.url, content: conceptMap } });
      if (!created.ok) return;
      expect(await maps.get(created.value.id)).toEqual(created.value);
      expect(await maps.getByUrl(input.url)).toEqual(created.value);
      expect(await maps.list({ sourceSystem: input.sourceSystem })).toEqual([
        expect.objectContaining({ id: created.value.id, name: input.name }),
      ]);
      expect(await maps.list({ sourceSystem: 'http://nowhere' })).toEqual([]);
      expect(await maps.listWithContent()).toEqual([created.value]);

      expect(await maps.create(input)).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(await maps.create({ ...input, content: { resourceType: 'ValueSet' } as never })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', at: { fields: ['content.resourceType'] } },
      });

      const updated = await maps.update(created.value.id, { ...input, version: '1.1.0' });
      expect(updated).toMatchObject({ ok: true, value: { version: '1.1.0' } });
      if (!updated.ok) return;
      expect(updated.value.updatedAt.getTime()).toBeGreaterThanOrEqual(created.value.updatedAt.getTime());

      expect(await maps.remove(created.value.id)).toEqual({ ok: true, value: { id: created.value.id } });
      expect(await maps.get(created.value.id)).toBeNull();
      expect(await maps.remove(created.value.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await maps.update(created.value.id, input)).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });
  });
});
