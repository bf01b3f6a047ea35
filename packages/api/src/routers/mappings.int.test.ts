import type { Database } from '@mapwright/db';
import { openTestDatabase, testBackends } from '@mapwright/db/testing';
import { Mapping, type MappingInput } from '@mapwright/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerAs, failure, testContext } from '../test-context';

const ADT = 'MSH|^~\\&|EPIC|HOSP|||202401011200||ADT^A01|MSG1|P|2.5\rPID|1||123^^^HOSP^MR||DOE^JOHN\r';

const graphWith = (slug: string, nodes: MappingInput['nodes']): MappingInput => ({
  id: slug,
  name: 'ADT to Patient',
  source: { format: 'hl7v2' },
  nodes,
  edges: [],
});
const familyName = { id: 'family', type: 'source', path: 'PID.F5.C1' } as const;
const givenName = { id: 'given', type: 'source', path: 'PID.F5.C2' } as const;

describe.each(testBackends())('mappings and samples on $kind', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  const as = (role: 'analyst' | 'reviewer') => callerAs(db, role);

  it('opens a new mapping with an empty graph the engine accepts, then its version, then its draft', async () => {
    const analyst = as('analyst');
    const { id } = await analyst.mappings.create({
      slug: 'adt-open',
      name: 'ADT open',
      sourceFormat: 'hl7v2',
    });

    const fresh = await as('reviewer').mappings.open({ id });
    expect(fresh).toMatchObject({ slug: 'adt-open', draftRevision: 0, graphFrom: 'new', samples: [] });
    expect(fresh.graph).toMatchObject({ id: 'adt-open', name: 'ADT open', source: { format: 'hl7v2' } });
    expect(fresh.graph.nodes).toEqual([]);
    expect(Mapping.safeParse(fresh.graph).success).toBe(true);

    const ctx = testContext(db, null);
    const version = await ctx.mappings.addVersion({
      mappingId: id,
      graph: graphWith('adt-open', [familyName]) as never,
      author: 'analyst@example.org',
    });
    expect(version.ok).toBe(true);
    const fromVersion = await analyst.mappings.open({ id });
    expect(fromVersion).toMatchObject({ graphFrom: 'version', latestVersion: 1 });
    expect(fromVersion.graph.nodes).toEqual([familyName]);

    await analyst.mappings.saveDraft({
      id,
      expectedRevision: 0,
      graph: graphWith('adt-open', [familyName, givenName]),
    });
    const fromDraft = await analyst.mappings.open({ id });
    expect(fromDraft).toMatchObject({ graphFrom: 'draft', draftRevision: 1, graphIssues: [] });
    expect(fromDraft.graph.nodes.map((n) => n.id)).toEqual(['family', 'given']);
  });

  it('refuses a stale draft with a message saying what to do, and keeps the newer draft', async () => {
    const alice = as('analyst');
    const bob = as('analyst');
    const { id } = await alice.mappings.create({ slug: 'adt-race', name: 'Race', sourceFormat: 'hl7v2' });
    // Both opened revision 0; Bob saves first.
    expect(
      await bob.mappings.saveDraft({ id, expectedRevision: 0, graph: graphWith('adt-race', [givenName]) }),
    ).toEqual({ draftRevision: 1 });
    const refused = await failure(
      alice.mappings.saveDraft({ id, expectedRevision: 0, graph: graphWith('adt-race', [familyName]) }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/Someone else saved this mapping.*revision 1.*[Rr]eload/);

    const kept = await alice.mappings.open({ id });
    expect(kept.graph.nodes).toEqual([givenName]);
    expect(kept.draftRevision).toBe(1);

    // After reloading, Alice saves on the current revision.
    expect(
      await alice.mappings.saveDraft({ id, expectedRevision: 1, graph: graphWith('adt-race', [familyName]) }),
    ).toEqual({ draftRevision: 2 });
    expect((await alice.mappings.open({ id })).graph.nodes).toEqual([familyName]);
  });

  it('refuses a graph the engine would not accept, or one over 2 MB, and leaves the draft as it was', async () => {
    const analyst = as('analyst');
    const { id } = await analyst.mappings.create({ slug: 'adt-bad', name: 'Bad', sourceFormat: 'hl7v2' });
    const badNode = { id: '1st', type: 'source', path: 'PID.F3' } as never;
    expect(
      await failure(
        analyst.mappings.saveDraft({ id, expectedRevision: 0, graph: graphWith('adt-bad', [badNode]) }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/node ids start with a letter/) });

    const huge = { ...graphWith('adt-bad', []), description: 'x'.repeat(2 * 1024 * 1024) };
    expect(await failure(analyst.mappings.saveDraft({ id, expectedRevision: 0, graph: huge }))).toMatchObject(
      {
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/larger than 2 MB/),
      },
    );
    expect(await analyst.mappings.open({ id })).toMatchObject({ draftRevision: 0, graphFrom: 'new' });

    expect(
      await failure(
        analyst.mappings.saveDraft({
          id: '00000000-0000-4000-8000-000000000000',
          expectedRevision: 0,
          graph: graphWith('x', []),
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates a mapping from the form: name, format and a first sample, with a slug derived from the name', async () => {
    const analyst = as('analyst');
    const first = await analyst.mappings.create({
      name: 'Lab results (ORU)',
      sourceFormat: 'hl7v2',
      sample: { name: 'oru-r01.hl7', content: ADT },
    });
    expect(first).toMatchObject({ slug: 'lab-results-oru', sampleId: expect.any(String) });
    const again = await analyst.mappings.create({ name: 'Lab results (ORU)', sourceFormat: 'hl7v2' });
    expect(again).toMatchObject({ slug: 'lab-results-oru-2', sampleId: null });

    const opened = await analyst.mappings.open({ id: first.id });
    // The message comes back byte for byte, \r separators included.
    expect(opened.samples).toEqual([
      { id: first.sampleId, name: 'oru-r01.hl7', contentType: 'hl7v2', content: ADT },
    ]);
  });

  it('adds and removes samples, and never puts their content in an error', async () => {
    const analyst = as('analyst');
    const { id } = await analyst.mappings.create({
      slug: 'adt-samples',
      name: 'Samples',
      sourceFormat: 'hl7v2',
    });
    const added = await analyst.samples.create({
      mappingId: id,
      name: 'a01.hl7',
      content: ADT,
      contentType: 'hl7v2',
    });
    expect(added).toMatchObject({ mappingId: id, name: 'a01.hl7', contentType: 'hl7v2', content: ADT });

    const twice = await failure(
      analyst.samples.create({ mappingId: id, name: 'a01.hl7', content: ADT, contentType: 'hl7v2' }),
    );
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).not.toContain('DOE');
    const badType = await failure(
      analyst.samples.create({ mappingId: id, name: 'b.hl7', content: ADT, contentType: 'x12' as never }),
    );
    expect(badType.code).toBe('BAD_REQUEST');
    expect(badType.message).not.toContain('DOE');

    expect(await analyst.samples.remove({ id: added.id })).toEqual({ id: added.id });
    expect((await analyst.mappings.open({ id })).samples).toEqual([]);
    expect((await failure(analyst.samples.remove({ id: added.id }))).code).toBe('NOT_FOUND');
  });
});
