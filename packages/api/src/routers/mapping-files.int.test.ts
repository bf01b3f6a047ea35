import { testBackends } from '@mapwright/db/testing';
import type { MappingInput } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { ADT_A01, backendDatabase, callerAs, failure } from '../test-context';

//  ┌──────┐ name.family ┌───────┐
//  │family├────────────►│patient│
//  └──────┘             └───────┘
const graph: MappingInput = {
  id: 'files-adt',
  name: 'ADT',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1', position: { x: 10, y: 20 } },
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 300, y: 20 } },
  ],
  edges: [{ id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' }],
};

describe.each(testBackends())('mappings as files on $kind', (backend) => {
  const db = backendDatabase(backend);

  const ana = () => callerAs(db(), 'analyst', 'ana@example.org');

  it('exports a mapping as folder files and imports them back under the slug in mapping.json', async () => {
    const mapping = await ana().mappings.create({
      slug: 'files-adt',
      name: 'ADT',
      sourceFormat: 'hl7v2',
      sample: { name: 'a01.hl7', content: ADT_A01 },
    });
    await ana().testCases.create({
      mappingId: mapping.id,
      sampleId: mapping.sampleId!,
      name: 'a01',
      expectedBundle: null,
      assertions: ["Patient.name.family = 'Smith'"],
    });
    const { draftRevision } = await ana().mappings.saveDraft({ id: mapping.id, expectedRevision: 0, graph });
    await ana().versions.commit({ mappingId: mapping.id, expectedRevision: draftRevision, message: 'v1' });

    const exported = await callerAs(db(), 'operator').mappings.exportFiles({ mappingId: mapping.id });
    expect(exported.slug).toBe('files-adt');
    const paths = exported.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['mapping.json', 'layout.json', 'samples/a01.hl7']));
    expect(exported.files.find((f) => f.path === 'samples/a01.hl7')?.content).toBe(ADT_A01);
    const tests = exported.files.filter((f) => f.path.startsWith('tests/'));
    expect(tests.map((f) => JSON.parse(f.content) as unknown)).toEqual([
      { assertions: ["Patient.name.family = 'Smith'"], sample: 'a01.hl7' },
    ]);

    // A copy: the same folder with another id in mapping.json.
    const renamed = exported.files.map((f) =>
      f.path === 'mapping.json'
        ? {
            ...f,
            content: `${JSON.stringify({ ...JSON.parse(f.content), id: 'files-adt-copy' }, null, 2)}\n`,
          }
        : f,
    );
    const imported = await ana().mappings.importFiles({ files: renamed });
    expect(imported).toMatchObject({ slug: 'files-adt-copy', created: true, versionNumber: 1, problems: [] });
    const copy = await ana().mappings.open({ id: imported.mappingId });
    expect(copy.graph.nodes.map((n) => [n.id, n.position])).toEqual([
      ['family', { x: 10, y: 20 }],
      ['patient', { x: 300, y: 20 }],
    ]);
    expect(copy.samples).toEqual([expect.objectContaining({ name: 'a01.hl7', content: ADT_A01 })]);
    expect((await ana().testCases.list({ mappingId: imported.mappingId })).map((t) => t.assertions)).toEqual([
      ["Patient.name.family = 'Smith'"],
    ]);

    // Exporting the copy gives the same files, but for the id.
    const again = await ana().mappings.exportFiles({ mappingId: imported.mappingId });
    expect(again.files).toEqual(renamed);

    // The editor's unsaved draft exports as it is, with no version number.
    await ana().mappings.saveDraft({
      id: mapping.id,
      expectedRevision: draftRevision,
      graph: { ...graph, nodes: [...graph.nodes, { id: 'given', type: 'source', path: 'PID.F5.C2' }] },
    });
    const draft = await ana().mappings.exportFiles({ mappingId: mapping.id, draft: true });
    expect(draft.versionNumber).toBeNull();
    const drawn = JSON.parse(draft.files.find((f) => f.path === 'mapping.json')!.content) as MappingInput;
    expect(drawn.nodes.map((n) => n.id).sort()).toEqual(['family', 'given', 'patient']);
    expect((await ana().mappings.exportFiles({ mappingId: mapping.id })).files).toEqual(exported.files);

    // The same files again change nothing: no new mapping, no new version.
    expect(await ana().mappings.importFiles({ files: renamed })).toMatchObject({
      created: false,
      versionNumber: 1,
    });
  });

  it('refuses files that do not read, saying which file and where', async () => {
    const refused = await failure(
      ana().mappings.importFiles({
        files: [
          { path: 'mapping.json', content: '{\n  "id": "broken",\n  "nodes": [\n' },
          { path: 'samples/a01.hl7', content: ADT_A01 },
        ],
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^The folder was not imported: 1 problem\(s\)\. mapping\.json:4: /);
    expect(await ana().mappings.list()).not.toContainEqual(expect.objectContaining({ slug: 'broken' }));

    const noGraph = await failure(
      ana().mappings.importFiles({ files: [{ path: 'samples/a01.hl7', content: ADT_A01 }] }),
    );
    expect(noGraph.message).toContain('mapping.json');
    expect((await failure(callerAs(db(), 'reviewer').mappings.importFiles({ files: [] }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
