import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../open-database';
import { openTestDatabase, testBackends } from '../testing';
import { createMappingRepository, type MappingVersionRecord } from './mapping-repository';
import { createReviewActionRepository } from './review-action-repository';

describe.each(testBackends())('review actions on $kind', (backend) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  async function newVersion(slug: string, author = 'ana@example.org'): Promise<MappingVersionRecord> {
    const mappings = createMappingRepository(db.prisma);
    const mapping = await mappings.create({ slug, name: `Mapping ${slug}`, sourceFormat: 'hl7v2' });
    if (!mapping.ok) throw new Error(mapping.error.message);
    const version = await mappings.addVersion({ mappingId: mapping.value.id, graph: { nodes: [] }, author });
    if (!version.ok) throw new Error(version.error.message);
    return version.value;
  }

  it('records who did what and when, lists it in order, and derives the state', async () => {
    const reviews = createReviewActionRepository(db.prisma);
    const version = await newVersion('reviewed');
    const steps = [
      { kind: 'submit', actor: 'ana@example.org', body: 'Adds birth date' },
      { kind: 'comment', actor: 'rex@example.org', body: 'Why this format?', nodeId: 'birth' },
      { kind: 'comment', actor: 'ana@example.org', body: 'HL7 TS' },
      { kind: 'request_changes', actor: 'rex@example.org', body: 'Use $hl7Date' },
    ] as const;
    for (const step of steps) {
      const recorded = await reviews.record({ versionId: version.id, ...step });
      expect(recorded).toMatchObject({ ok: true, value: { mappingId: version.mappingId, ...step } });
    }
    const listed = await reviews.listByVersion(version.id);
    expect(listed.map(({ kind, actor, body, nodeId }) => ({ kind, actor, body, nodeId }))).toEqual(
      steps.map((s) => ({ nodeId: null, ...s })),
    );
    expect(listed.every((a) => a.createdAt instanceof Date)).toBe(true);

    const untouched = await newVersion('untouched');
    const states = await reviews.states([version.id, untouched.id]);
    expect(Object.fromEntries(states)).toEqual({
      [version.id]: 'changes-requested',
      [untouched.id]: 'none',
    });
  });

  it('refuses an action whose expected state the version has left, so racing decisions cannot both land', async () => {
    const reviews = createReviewActionRepository(db.prisma);
    const version = await newVersion('raced');
    const submit = { versionId: version.id, kind: 'submit', actor: 'ana@example.org', body: 'v1' } as const;
    const inReviewOnly = { allowedStates: ['none', 'changes-requested'] } as const;
    const [first, second] = await Promise.all([
      reviews.record(submit, inReviewOnly),
      reviews.record(submit, inReviewOnly),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const loser = first.ok ? second : first;
    expect(loser).toMatchObject({ ok: false, error: { code: 'conflict', stale: true } });
    expect(await reviews.listByVersion(version.id)).toHaveLength(1);

    expect(
      await reviews.record({ ...submit, versionId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await reviews.record({ ...submit, actor: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('refuses a decision taken on a submit that is no longer the newest (resubmitted in between)', async () => {
    const reviews = createReviewActionRepository(db.prisma);
    const version = await newVersion('resubmitted');
    const act = (kind: 'submit' | 'request_changes' | 'approve', actor: string) =>
      ({ versionId: version.id, kind, actor, body: kind }) as const;
    const anaSubmit = await reviews.record(act('submit', 'ana@example.org'));
    if (!anaSubmit.ok) throw new Error(anaSubmit.error.message);
    // Bob reads the review (Ana's submit is the newest decisive action) and starts approving; meanwhile he
    // requests changes and submits it himself: his approval must not land on his own submit.
    await reviews.record(act('request_changes', 'bob@example.org'));
    await reviews.record(act('submit', 'bob@example.org'));
    const stale = await reviews.record(act('approve', 'bob@example.org'), {
      allowedStates: ['in-review'],
      lastDecisiveId: anaSubmit.value.id,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await reviews.states([version.id])).get(version.id)).toBe('in-review');
    // A comment in between is not a decision: deciding on the newest submit still lands.
    const newest = (await reviews.listByVersion(version.id)).at(-1)!;
    await reviews.record({ versionId: version.id, kind: 'comment', actor: 'rex@example.org', body: 'ok' });
    const fresh = await reviews.record(act('approve', 'rex@example.org'), {
      allowedStates: ['in-review'],
      lastDecisiveId: newest.id,
    });
    expect(fresh.ok).toBe(true);
  });

  it('queues submitted versions: in review first, then newest submit first', async () => {
    const reviews = createReviewActionRepository(db.prisma);
    const approved = await newVersion('q-approved');
    const older = await newVersion('q-older', 'bob@example.org');
    const newer = await newVersion('q-newer');
    await newVersion('q-never-submitted');
    const act = (versionId: string, kind: 'submit' | 'approve', body: string, actor = 'ana@example.org') =>
      reviews.record({ versionId, kind, actor, body });
    await act(approved.id, 'submit', 'approved one');
    await act(older.id, 'submit', 'first try', 'bob@example.org');
    await act(approved.id, 'approve', '', 'rex@example.org');
    await act(newer.id, 'submit', 'newer one');
    await act(older.id, 'submit', 'second try', 'carl@example.org');

    const queue = (await reviews.queue()).filter((q) => q.mappingSlug.startsWith('q-'));
    expect(queue.map((q) => [q.mappingSlug, q.state, q.description, q.submittedBy])).toEqual([
      ['q-older', 'in-review', 'second try', 'carl@example.org'],
      ['q-newer', 'in-review', 'newer one', 'ana@example.org'],
      ['q-approved', 'approved', 'approved one', 'ana@example.org'],
    ]);
    expect(queue[0]).toMatchObject({
      versionId: older.id,
      mappingId: older.mappingId,
      mappingName: 'Mapping q-older',
      number: 1,
      author: 'bob@example.org',
    });
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE from any client', async () => {
    const reviews = createReviewActionRepository(db.prisma);
    const version = await newVersion('append-only');
    const recorded = await reviews.record({
      versionId: version.id,
      kind: 'approve',
      actor: 'rex@example.org',
      body: '',
    });
    if (!recorded.ok) throw new Error(recorded.error.message);
    const id = recorded.value.id;
    const attempts = [
      `UPDATE review_actions SET actor = 'mallory@example.org' WHERE id = '${id}'`,
      `UPDATE review_actions SET kind = 'request_changes'`,
      `DELETE FROM review_actions WHERE id = '${id}'`,
      'TRUNCATE review_actions',
    ];
    for (const sql of attempts) {
      await expect(db.prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await reviews.listByVersion(version.id)).toEqual([recorded.value]);
    // The version it records cannot be deleted from under it either.
    await expect(
      db.prisma.$executeRawUnsafe(`DELETE FROM mapping_versions WHERE id = '${version.id}'`),
    ).rejects.toThrow();
  });
});
