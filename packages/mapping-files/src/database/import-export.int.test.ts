import { createMappingRepository, createSampleRepository, createTestCaseRepository } from '@mapwright/db';
import { openTestDatabase, testBackends } from '@mapwright/db/testing';
import { Mapping } from '@mapwright/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFolderFiles, type FolderData } from '../folder-format';
import { exportFolder } from './export-folder';
import { importFolder } from './import-folder';

//  ┌──────────┐   ┌─────────────────────┐   ┌─────────┐
//  │ pid8     ├──►│ sex: lookup local-sex├──►│ patient │ gender
//  │ PID.F8.C1│   └─────────────────────┘   │ Patient │
//  └──────────┘                             └─────────┘
const mapping = Mapping.parse({
  id: 'sex-only',
  name: 'Sex only',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01'] },
  nodes: [
    { id: 'pid8', type: 'source', path: 'PID.F8.C1', position: { x: 0, y: 0 } },
    { id: 'sex', type: 'lookup', conceptMap: 'local-sex', position: { x: 200, y: 0 } },
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e2', source: 'sex', target: 'patient', targetHandle: 'gender' },
    { id: 'e1', source: 'pid8', target: 'sex', targetHandle: 'code' },
  ],
});
const localSex = {
  resourceType: 'ConceptMap',
  id: 'local-sex',
  url: 'http://example.org/ConceptMap/local-sex',
  status: 'active',
  group: [
    {
      source: 'urn:local',
      target: 'http://hl7.org/fhir/administrative-gender',
      element: [{ code: '1', target: [{ code: 'female', equivalence: 'equivalent' }] }],
    },
  ],
};
const hl7 = (sex: string) => `MSH|^~\\&|S|F|R|F|20240101||ADT^A01|1|P|2.5.1\rPID|1||1||X||19800101|${sex}\r`;
const folder: FolderData = {
  mapping,
  samples: [{ name: 'one.hl7', text: hl7('1') }],
  tests: [
    { name: 'one', sampleName: 'one.hl7', expectedBundle: null, assertions: ["Patient.gender = 'female'"] },
  ],
  conceptMaps: [localSex],
};

describe.each(testBackends())('folder <-> database on $kind', (backend) => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    handle = await openTestDatabase(backend);
  });
  afterAll(() => handle.close());

  it('creates a new mapping with version 1, its samples, tests and ConceptMaps', async () => {
    const report = await importFolder(handle.db, folder, { actor: 'ann@example.org' });
    expect(report).toMatchObject({
      ok: true,
      slug: 'sex-only',
      created: true,
      versionNumber: 1,
      problems: [],
    });
    const repo = createMappingRepository(handle.db.prisma);
    const stored = await repo.getBySlug('sex-only');
    expect(await repo.latestVersion(stored!.id)).toMatchObject({ number: 1, author: 'ann@example.org' });
    const tests = await createTestCaseRepository(handle.db.prisma).listByMapping(stored!.id);
    expect(tests.map((t) => [t.name, t.assertions])).toEqual([['one', ["Patient.gender = 'female'"]]]);
  });

  it('exports what it imported, and the files are the same after import -> export', async () => {
    const exported = await exportFolder(handle.db, 'sex-only');
    if (!exported.ok) expect.fail(exported.error.message);
    expect(exported.versionNumber).toBe(1);
    expect(writeFolderFiles(exported.folder)).toEqual(writeFolderFiles(folder));
  });

  it('adds no version for the same graph, and a version for a changed one (node order is a change)', async () => {
    expect(await importFolder(handle.db, folder, { actor: 'bob@example.org' })).toMatchObject({
      ok: true,
      created: false,
      newVersion: false,
      versionNumber: 1,
      problems: [],
    });
    const changed = { ...folder, mapping: { ...mapping, name: 'Sex, renamed' } };
    expect(await importFolder(handle.db, changed, { actor: 'bob@example.org' })).toMatchObject({
      ok: true,
      newVersion: true,
      versionNumber: 2,
    });
    // the compiler emits repeated elements in wire order, so reordering edges is a new version too
    const reordered = { ...changed, mapping: { ...changed.mapping, edges: [...mapping.edges].reverse() } };
    expect(await importFolder(handle.db, reordered, { actor: 'bob@example.org' })).toMatchObject({
      newVersion: true,
      versionNumber: 3,
    });
    const v1 = await exportFolder(handle.db, 'sex-only', { versionNumber: 1 });
    expect(v1.ok && v1.folder.mapping.name).toBe('Sex only');
    expect(await exportFolder(handle.db, 'sex-only', { versionNumber: 9 })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Mapping sex-only has no version 9' },
    });
  });

  it('adds missing samples and tests, and reports differing ones without overwriting them', async () => {
    const report = await importFolder(
      handle.db,
      {
        ...folder,
        samples: [
          { name: 'one.hl7', text: hl7('2') },
          { name: 'two.hl7', text: hl7('1') },
        ],
        tests: [
          { name: 'one', sampleName: 'one.hl7', expectedBundle: null, assertions: ['Patient.exists()'] },
          { name: 'two', sampleName: 'two.hl7', expectedBundle: null, assertions: [] },
        ],
        conceptMaps: [{ ...localSex, status: 'retired' }],
      },
      { actor: 'bob@example.org' },
    );
    expect(report.ok && report.problems).toEqual([
      'ConceptMap http://example.org/ConceptMap/local-sex differs from the one in the database, which was kept',
      'sample one.hl7 differs from the one in the database, which was kept',
      'test one differs from the one in the database, which was kept',
    ]);
    const id = (await createMappingRepository(handle.db.prisma).getBySlug('sex-only'))!.id;
    const samples = await createSampleRepository(handle.db.prisma).listByMapping(id);
    expect(samples.map((s) => [s.name, s.content])).toEqual([
      ['one.hl7', hl7('1')],
      ['two.hl7', hl7('1')],
    ]);
  });

  it('exports the unsaved draft on request, and says when there is none', async () => {
    expect(await exportFolder(handle.db, 'sex-only', { draft: true })).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'Mapping sex-only has no draft' },
    });
    const repo = createMappingRepository(handle.db.prisma);
    const stored = (await repo.getBySlug('sex-only'))!;
    const draft = { ...mapping, name: 'Sex, being edited' };
    const saved = await repo.saveDraft({
      mappingId: stored.id,
      draft,
      expectedRevision: stored.draftRevision,
    });
    expect(saved.ok).toBe(true);
    const exported = await exportFolder(handle.db, 'sex-only', { draft: true });
    expect(exported.ok && [exported.versionNumber, exported.folder.mapping.name]).toEqual([
      null,
      'Sex, being edited',
    ]);
  });

  it('refuses a graph that does not compile and one whose format differs from the stored mapping, storing nothing', async () => {
    const versions = async () => {
      const repo = createMappingRepository(handle.db.prisma);
      const stored = await repo.getBySlug('sex-only');
      return (await repo.listVersions(stored!.id)).length;
    };
    const before = await versions();
    const dangling = Mapping.parse({
      ...mapping,
      edges: [
        ...mapping.edges,
        { id: 'e3', source: 'nowhere', target: 'patient', targetHandle: 'birthDate' },
      ],
    });
    const broken = await importFolder(
      handle.db,
      { ...folder, mapping: dangling },
      { actor: 'ann@example.org' },
    );
    expect(broken).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^mapping\.json: the graph does not compile/)],
    });
    const csv = Mapping.parse({ ...mapping, source: { format: 'csv' } });
    const other = await importFolder(
      handle.db,
      { ...folder, mapping: csv, samples: [] },
      { actor: 'ann@example.org' },
    );
    expect(other).toMatchObject({
      ok: false,
      problems: ["mapping.json: sex-only reads hl7v2 messages in the database, the folder's graph reads csv"],
    });
    expect(await versions()).toBe(before);
  });

  it('says which slug is missing', async () => {
    expect(await exportFolder(handle.db, 'nope')).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No mapping with slug "nope"' },
    });
  });
});
