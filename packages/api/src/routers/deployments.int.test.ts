import {
  createMappingRepository,
  createReviewActionRepository,
  type MappingVersionRecord,
} from '@mapwright/db';
import { testBackends } from '@mapwright/db/testing';
import { describe, expect, it } from 'vitest';
import { backendDatabase, callerAs, failure } from '../test-context';

describe.each(testBackends())('channels and deployments on $kind', (backend) => {
  const db = backendDatabase(backend);

  // Otto operates the channels; Ada administers; Ana draws mappings; Rex reviews them.
  const otto = () => callerAs(db(), 'operator', 'otto@example.org');
  const ada = () => callerAs(db(), 'admin', 'ada@example.org');
  const ana = () => callerAs(db(), 'analyst', 'ana@example.org');
  const rex = () => callerAs(db(), 'reviewer', 'rex@example.org');

  /** A mapping named `name` with `count` versions; the review of each is then up to the test. */
  async function mappingWithVersions(slug: string, name: string, count: number) {
    const mappings = createMappingRepository(db().prisma);
    const mapping = await mappings.create({ slug, name, sourceFormat: 'hl7v2' });
    if (!mapping.ok) throw new Error(mapping.error.message);
    const versions: MappingVersionRecord[] = [];
    for (let i = 0; i < count; i++) {
      const version = await mappings.addVersion({
        mappingId: mapping.value.id,
        graph: { nodes: [], revision: i },
        author: 'ana@example.org',
      });
      if (!version.ok) throw new Error(version.error.message);
      versions.push(version.value);
    }
    return { mappingId: mapping.value.id, versions };
  }

  async function review(version: MappingVersionRecord, decision: 'approve' | 'request_changes' | null) {
    const reviews = createReviewActionRepository(db().prisma);
    const steps = [
      { kind: 'submit', actor: 'ana@example.org', body: 'ready' },
      ...(decision ? [{ kind: decision, actor: 'rex@example.org', body: 'decided' }] : []),
    ] as const;
    for (const step of steps) {
      const recorded = await reviews.record({ versionId: version.id, ...step });
      if (!recorded.ok) throw new Error(recorded.error.message);
    }
  }

  it('lets an operator create a channel, deploy an approved version and see it live', async () => {
    const { mappingId, versions } = await mappingWithVersions('adt-live', 'ADT to Patient', 1);
    await review(versions[0]!, 'approve');
    const channel = await otto().channels.create({
      name: 'ADT live',
      path: 'adt-live',
      mllpPort: 2600,
      mappingId,
    });
    expect(channel).toMatchObject({
      stages: ['map', 'validate', 'store'],
      destination: 'fhir-store',
      enabled: true,
    });
    expect((await ana().channels.get({ id: channel.id })).live).toBeNull();

    const deployed = await otto().deployments.deploy({
      channelId: channel.id,
      versionId: versions[0]!.id,
      note: 'go',
    });
    expect(deployed).toMatchObject({
      kind: 'deploy',
      versionNumber: 1,
      actor: 'otto@example.org',
      note: 'go',
    });
    const seen = await rex().channels.get({ id: channel.id });
    expect(seen.live).toMatchObject({ id: versions[0]!.id, number: 1, deployedBy: 'otto@example.org' });
    expect(seen.live?.deployedAt).toBeInstanceOf(Date);
    expect((await ana().channels.list()).find((c) => c.id === channel.id)?.live?.number).toBe(1);

    const updated = await ada().channels.update({ id: channel.id, enabled: false, maxAttempts: 3 });
    expect(updated).toMatchObject({ enabled: false, maxAttempts: 3, path: 'adt-live' });
  });

  it('deploys only approved versions of the channel’s own mapping, and never the live one again', async () => {
    const { mappingId, versions } = await mappingWithVersions('adt-gated', 'ADT gated', 4);
    const [approved, inReview, sentBack, never] = versions;
    await review(approved!, 'approve');
    await review(inReview!, null);
    await review(sentBack!, 'request_changes');
    const channel = await otto().channels.create({ name: 'ADT gated', path: 'adt-gated', mappingId });
    const deploy = (versionId: string) => otto().deployments.deploy({ channelId: channel.id, versionId });

    for (const [version, n] of [
      [inReview!, 2],
      [sentBack!, 3],
      [never!, 4],
    ] as const) {
      expect(await failure(deploy(version.id))).toEqual({
        code: 'PRECONDITION_FAILED',
        message: `Version ${n} of ADT gated is not approved: only approved versions can be deployed.`,
      });
    }
    await deploy(approved!.id);
    expect(await failure(deploy(approved!.id))).toEqual({
      code: 'BAD_REQUEST',
      message: 'Version 1 is already live on channel ADT gated.',
    });

    const other = await mappingWithVersions('other-mapping', 'Other', 1);
    await review(other.versions[0]!, 'approve');
    expect(await failure(deploy(other.versions[0]!.id))).toMatchObject({ code: 'BAD_REQUEST' });
    // Once something ran on it, a channel keeps its mapping.
    expect(
      await failure(otto().channels.update({ id: channel.id, mappingId: other.mappingId })),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await otto().deployments.history({ channelId: channel.id })).toHaveLength(1);
  });

  it('rolls back to the previous distinct version, or to a chosen one that ran there and is still approved', async () => {
    const { mappingId, versions } = await mappingWithVersions('adt-rollback', 'ADT rollback', 3);
    const [v1, v2, v3] = versions;
    for (const v of versions) await review(v, 'approve');
    const channel = await otto().channels.create({ name: 'ADT rollback', path: 'adt-rollback', mappingId });
    const channelId = channel.id;
    expect(await failure(otto().deployments.rollback({ channelId }))).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('nothing to roll back'),
    });
    await otto().deployments.deploy({ channelId, versionId: v1!.id });
    await otto().deployments.deploy({ channelId, versionId: v2!.id });
    await ada().deployments.deploy({ channelId, versionId: v3!.id });

    const back = await otto().deployments.rollback({ channelId, note: 'v3 drops birth dates' });
    expect(back).toMatchObject({ kind: 'rollback', versionNumber: 2, note: 'v3 drops birth dates' });
    expect(
      await ana()
        .deployments.rollback({ channelId })
        .catch((e: Error) => e.message),
    ).toMatch(/roles/);
    const toFirst = await otto().deployments.rollback({ channelId, toVersionId: v1!.id });
    expect(toFirst).toMatchObject({ kind: 'rollback', versionNumber: 1 });
    expect((await rex().channels.get({ id: channelId })).live?.number).toBe(1);

    // A version that never ran here cannot be a rollback target, even when approved.
    const extra = await createMappingRepository(db().prisma).addVersion({
      mappingId,
      graph: { nodes: [], revision: 9 },
      author: 'ana@example.org',
    });
    if (!extra.ok) throw new Error(extra.error.message);
    await review(extra.value, 'approve');
    expect(
      await failure(otto().deployments.rollback({ channelId, toVersionId: extra.value.id })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('never ran on channel ADT rollback'),
    });
    // A version resubmitted for review since it ran is no longer approved: no rollback to it.
    await review(v3!, null);
    expect(await failure(otto().deployments.rollback({ channelId, toVersionId: v3!.id }))).toEqual({
      code: 'PRECONDITION_FAILED',
      message: 'Version 3 of ADT rollback is not approved: only approved versions can be deployed.',
    });

    const history = await rex().deployments.history({ channelId });
    expect(history.map((d) => [d.kind, d.versionNumber, d.actor])).toEqual([
      ['rollback', 1, 'otto@example.org'],
      ['rollback', 2, 'otto@example.org'],
      ['deploy', 3, 'ada@example.org'],
      ['deploy', 2, 'otto@example.org'],
      ['deploy', 1, 'otto@example.org'],
    ]);
  });

  it('keeps analysts and reviewers from changing channels or deploying, and names taken endpoints', async () => {
    const { mappingId, versions } = await mappingWithVersions('adt-roles', 'ADT roles', 1);
    await review(versions[0]!, 'approve');
    const channel = await otto().channels.create({
      name: 'ADT roles',
      path: 'adt-roles',
      mllpPort: 2700,
      mappingId,
    });
    for (const caller of [ana(), rex()]) {
      expect(
        (await failure(caller.deployments.deploy({ channelId: channel.id, versionId: versions[0]!.id })))
          .code,
      ).toBe('FORBIDDEN');
      expect((await failure(caller.channels.create({ name: 'x', path: 'x', mappingId }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await failure(caller.channels.update({ id: channel.id, enabled: false }))).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(await otto().deployments.history({ channelId: channel.id })).toEqual([]);
    expect(
      await failure(
        otto().channels.create({ name: 'ADT other', path: 'adt-other', mllpPort: 2700, mappingId }),
      ),
    ).toEqual({ code: 'CONFLICT', message: 'Another channel already uses this MLLP port' });
    expect((await failure(otto().channels.create({ name: 'Bad', path: '../etc', mappingId }))).code).toBe(
      'BAD_REQUEST',
    );
  });
});
