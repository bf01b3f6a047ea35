import { createTestCaseRepository } from '@mapwright/db';
import { testBackends } from '@mapwright/db/testing';
import type { MappingInput } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { ADT_A01, backendDatabase, callerAs, failure } from '../test-context';

//  ┌──────┐ name.family ┌───────┐
//  │family├────────────►│patient│
//  └──────┘             └───────┘
//  ┌───┐ gender             ▲      (only when `gender` is given)
//  │sex├────────────────────┘
//  └───┘
const graph = (slug: string, familyPath: string, gender?: string): MappingInput => ({
  id: slug,
  name: 'ADT',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: familyPath },
    ...(gender ? [{ id: 'sex', type: 'source' as const, path: gender }] : []),
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' },
    ...(gender ? [{ id: 'e2', source: 'sex', target: 'patient', targetHandle: 'gender' }] : []),
  ],
});

describe.each(testBackends())('reviews on $kind', (backend) => {
  const db = backendDatabase(backend);

  // Ada administers and also draws mappings; Rex reviews; Ana is an analyst.
  const ada = () => callerAs(db(), 'admin', 'ada@example.org');
  const rex = () => callerAs(db(), 'reviewer', 'rex@example.org');
  const ana = () => callerAs(db(), 'analyst', 'ana@example.org');

  /** A mapping with one sample and a test "family is Smith"; commits `graphs` in order as `author`. */
  async function mappingWithVersions(slug: string, author: typeof ada, ...graphs: MappingInput[]) {
    const mapping = await author().mappings.create({
      slug,
      name: 'ADT',
      sourceFormat: 'hl7v2',
      sample: { name: 'a01.hl7', content: ADT_A01 },
    });
    const created = await createTestCaseRepository(db().prisma).create({
      mappingId: mapping.id,
      sampleId: mapping.sampleId!,
      name: 'family is Smith',
      assertions: ["Patient.name.family = 'Smith'"],
    });
    expect(created.ok).toBe(true);
    const versions = [];
    let revision = 0;
    for (const [i, g] of graphs.entries()) {
      ({ draftRevision: revision } = await author().mappings.saveDraft({
        id: mapping.id,
        expectedRevision: revision,
        graph: g,
      }));
      versions.push(
        await author().versions.commit({
          mappingId: mapping.id,
          expectedRevision: revision,
          message: `v${i + 1}`,
        }),
      );
    }
    return { mappingId: mapping.id, versions };
  }

  it('refuses the author approving their own version, with the message the studio shows; another reviewer approves', async () => {
    const {
      mappingId,
      versions: [v1],
    } = await mappingWithVersions('r-own', ada, graph('r-own', 'PID.F5.C1'));
    const offered = async () => (await ana().versions.list({ mappingId })).map((v) => v.canSubmit);
    expect(await offered()).toEqual([true]);
    await ada().reviews.submit({ versionId: v1!.id, description: 'Maps the family name' });
    expect(await offered()).toEqual([false]);

    const own = await ada().reviews.get({ versionId: v1!.id });
    expect(own.canApprove).toEqual({
      ok: false,
      reasons: ['You cannot approve your own version: another reviewer must approve it.'],
    });
    expect(await failure(ada().reviews.approve({ versionId: v1!.id }))).toEqual({
      code: 'FORBIDDEN',
      message: 'You cannot approve your own version: another reviewer must approve it.',
    });
    expect((await failure(ada().reviews.requestChanges({ versionId: v1!.id, note: 'hm' }))).code).toBe(
      'FORBIDDEN',
    );

    expect((await rex().reviews.get({ versionId: v1!.id })).canApprove).toEqual({ ok: true, reasons: [] });
    const { gate } = await rex().reviews.get({ versionId: v1!.id });
    const approved = await rex().reviews.approve({
      versionId: v1!.id,
      note: 'Looks right',
      gateFingerprint: gate.fingerprint,
    });
    expect(approved).toMatchObject({ kind: 'approve', actor: 'rex@example.org', body: 'Looks right' });
    expect((await ana().versions.list({ mappingId })).map((v) => v.reviewState)).toEqual(['approved']);
    // Decided once: a second approval is refused as not in review.
    expect(
      (await failure(callerAs(db(), 'admin', 'other@example.org').reviews.approve({ versionId: v1!.id })))
        .code,
    ).toBe('BAD_REQUEST');
  });

  it('refuses approval while a test fails or a sample has validation errors, naming the counts', async () => {
    const {
      mappingId,
      versions: [v1, v2],
    } = await mappingWithVersions(
      'r-gate',
      ana,
      graph('r-gate', 'PID.F5.C1'),
      // The given name where the family name belongs (the test fails), the whole PID-8 as gender (invalid).
      graph('r-gate', 'PID.F5.C2', 'PID.F8'),
    );
    await ana().reviews.submit({ versionId: v2!.id, description: 'Adds gender' });
    const expected =
      'Approval needs every test passing and no validation errors: 1 of 1 test fails, 1 validation error on the samples.';
    const review = await rex().reviews.get({ versionId: v2!.id });
    expect(
      await failure(rex().reviews.approve({ versionId: v2!.id, gateFingerprint: review.gate.fingerprint })),
    ).toEqual({ code: 'PRECONDITION_FAILED', message: expected });
    expect(review.canApprove).toEqual({ ok: false, reasons: [expected] });
    expect(review.base).toMatchObject({ id: v1!.id, number: 1 });
    expect(review.version).toMatchObject({ number: 2, mappingSlug: 'r-gate', mappingName: 'ADT' });
    expect(review.version).not.toHaveProperty('graph');

    // Changes can still be requested; the author then submits again.
    await rex().reviews.requestChanges({ versionId: v2!.id, note: 'The family name is wrong' });
    expect((await rex().reviews.get({ versionId: v2!.id })).state).toBe('changes-requested');
    expect((await ana().versions.list({ mappingId })).map((v) => [v.number, v.canSubmit])).toEqual([
      [2, true],
      [1, true],
    ]);
    await ana().reviews.submit({ versionId: v2!.id, description: 'Same again, please look' });
    expect((await rex().reviews.get({ versionId: v2!.id })).state).toBe('in-review');
  });

  it('refuses an approval when the tests changed after the reviewer looked, or without the fingerprint', async () => {
    const {
      mappingId,
      versions: [v1],
    } = await mappingWithVersions('r-moved', ana, graph('r-moved', 'PID.F5.C1'));
    await ana().reviews.submit({ versionId: v1!.id, description: 'Family name' });
    const seen = await rex().reviews.get({ versionId: v1!.id });
    expect(seen.canApprove.ok).toBe(true);
    // The author deletes the test the reviewer saw passing: what was checked is not what would be approved.
    const [test] = await ana().testCases.list({ mappingId });
    await ana().testCases.remove({ id: test!.id });
    expect(
      await failure(rex().reviews.approve({ versionId: v1!.id, gateFingerprint: seen.gate.fingerprint })),
    ).toEqual({
      code: 'CONFLICT',
      message: 'The test cases or samples changed since you opened the review; reload it and check again.',
    });
    expect((await failure(rex().reviews.approve({ versionId: v1!.id }))).code).toBe('CONFLICT');
    expect((await rex().reviews.get({ versionId: v1!.id })).state).toBe('in-review');
  });

  it('refuses approval of a mapping with no sample to check it on', async () => {
    const mapping = await ana().mappings.create({ slug: 'r-empty', name: 'Empty', sourceFormat: 'hl7v2' });
    const { draftRevision } = await ana().mappings.saveDraft({
      id: mapping.id,
      expectedRevision: 0,
      graph: graph('r-empty', 'PID.F5.C1'),
    });
    const v1 = await ana().versions.commit({
      mappingId: mapping.id,
      expectedRevision: draftRevision,
      message: 'v1',
    });
    await ana().reviews.submit({ versionId: v1.id, description: 'No samples yet' });
    const review = await rex().reviews.get({ versionId: v1.id });
    expect(review.canApprove).toEqual({
      ok: false,
      reasons: [
        'Approval needs every test passing and no validation errors: the mapping has no sample message to check it on.',
      ],
    });
    expect(
      (await failure(rex().reviews.approve({ versionId: v1.id, gateFingerprint: review.gate.fingerprint })))
        .code,
    ).toBe('PRECONDITION_FAILED');
  });

  it('refuses a second submit while in review and decisions on a version not in review', async () => {
    const {
      versions: [v1],
    } = await mappingWithVersions('r-twice', ana, graph('r-twice', 'PID.F5.C1'));
    expect(await failure(rex().reviews.approve({ versionId: v1!.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('not submitted for review'),
    });
    await ana().reviews.submit({ versionId: v1!.id, description: 'First' });
    expect(await failure(ana().reviews.submit({ versionId: v1!.id, description: 'Again' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Version 1 is already in review.',
    });
    expect((await failure(rex().reviews.submit({ versionId: v1!.id, description: 'x' }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('anchors comments to nodes of the version only', async () => {
    const {
      versions: [v1],
    } = await mappingWithVersions('r-comment', ana, graph('r-comment', 'PID.F5.C1'));
    const refused = await failure(
      rex().reviews.comment({ versionId: v1!.id, body: 'What about this?', nodeId: 'nowhere' }),
    );
    expect(refused).toEqual({
      code: 'BAD_REQUEST',
      message: 'Node "nowhere" is not in version 1: a comment can only be anchored to one of its nodes.',
    });
    expect(
      await rex().reviews.comment({ versionId: v1!.id, body: 'Why C1?', nodeId: 'family' }),
    ).toMatchObject({
      kind: 'comment',
      nodeId: 'family',
    });
    expect(
      (await failure(callerAs(db(), 'operator').reviews.comment({ versionId: v1!.id, body: 'x' }))).code,
    ).toBe('FORBIDDEN');
  });

  it('lists every action in order with who, when and what, and queues versions in review first', async () => {
    const {
      versions: [v1],
    } = await mappingWithVersions('r-history', ana, graph('r-history', 'PID.F5.C1'));
    const before = Date.now();
    await ana().reviews.submit({ versionId: v1!.id, description: 'Maps the family name' });
    await rex().reviews.comment({ versionId: v1!.id, body: 'Why C1?', nodeId: 'family' });
    await ana().reviews.comment({ versionId: v1!.id, body: 'First component is the surname' });
    await rex().reviews.requestChanges({ versionId: v1!.id, note: 'Add the given name' });
    await ana().reviews.submit({ versionId: v1!.id, description: 'Nothing to change, see comment' });

    const { actions, state } = await rex().reviews.get({ versionId: v1!.id });
    expect(state).toBe('in-review');
    expect(actions.map(({ kind, actor, body, nodeId }) => [kind, actor, body, nodeId])).toEqual([
      ['submit', 'ana@example.org', 'Maps the family name', null],
      ['comment', 'rex@example.org', 'Why C1?', 'family'],
      ['comment', 'ana@example.org', 'First component is the surname', null],
      ['request_changes', 'rex@example.org', 'Add the given name', null],
      ['submit', 'ana@example.org', 'Nothing to change, see comment', null],
    ]);
    for (const a of actions) {
      expect(a.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(a.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
    }

    const queue = await callerAs(db(), 'operator').reviews.queue();
    const states = queue.map((q) => q.state);
    expect(states.indexOf('approved')).toBeGreaterThan(states.lastIndexOf('in-review'));
    expect(queue.find((q) => q.versionId === v1!.id)).toMatchObject({
      mappingSlug: 'r-history',
      number: 1,
      author: 'ana@example.org',
      submittedBy: 'ana@example.org',
      description: 'Nothing to change, see comment',
      state: 'in-review',
    });
  });
});
