import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../open-database';
import { openTestDatabase, testBackends } from '../testing';
import { createChannelRepository, type ChannelRecord } from './channel-repository';
import { createDeploymentRepository } from './deployment-repository';
import { createMappingRepository, type MappingVersionRecord } from './mapping-repository';
import { createMessageRepository } from './message-repository';

describe.each(testBackends())('channels, deployments and messages on $kind', (backend) => {
  let db: Database;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
  });
  afterAll(() => close?.());

  async function newVersions(slug: string, count = 1): Promise<MappingVersionRecord[]> {
    const mappings = createMappingRepository(db.prisma);
    const mapping = await mappings.create({ slug, name: `Mapping ${slug}`, sourceFormat: 'hl7v2' });
    if (!mapping.ok) throw new Error(mapping.error.message);
    const versions: MappingVersionRecord[] = [];
    for (let i = 0; i < count; i++) {
      const version = await mappings.addVersion({
        mappingId: mapping.value.id,
        graph: { nodes: [], n: i },
        author: 'ana@example.org',
      });
      if (!version.ok) throw new Error(version.error.message);
      versions.push(version.value);
    }
    return versions;
  }

  async function newChannel(name: string, mappingId: string): Promise<ChannelRecord> {
    const created = await createChannelRepository(db.prisma).create({ name, path: name, mappingId });
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  }

  it('creates a channel with the runtime defaults, finds it by path, and updates it', async () => {
    const channels = createChannelRepository(db.prisma);
    const [version] = await newVersions('adt-channel');
    const created = await channels.create({
      name: 'ADT in',
      path: 'adt-in',
      mllpPort: 2575,
      mappingId: version!.mappingId,
    });
    expect(created).toMatchObject({
      ok: true,
      value: {
        stages: ['map', 'validate', 'store'],
        destination: 'fhir-store',
        orderBy: 'patient',
        maxAttempts: 5,
        enabled: true,
        mllpPort: 2575,
      },
    });
    if (!created.ok) return;
    expect(await channels.getByPath('adt-in')).toEqual(created.value);
    const updated = await channels.update(created.value.id, {
      enabled: false,
      orderBy: 'channel',
      mllpPort: null,
    });
    expect(updated).toMatchObject({
      ok: true,
      value: { enabled: false, orderBy: 'channel', mllpPort: null },
    });
    expect((await channels.list()).map((c) => c.name)).toContain('ADT in');
  });

  it('refuses a taken name, path or port, a bad path or port, and an unknown mapping, saying which', async () => {
    const channels = createChannelRepository(db.prisma);
    const [version] = await newVersions('taken');
    const mappingId = version!.mappingId;
    await channels.create({ name: 'Taken', path: 'taken', mllpPort: 3000, mappingId });
    const refusals = await Promise.all([
      channels.create({ name: 'Taken', path: 'other-1', mappingId }),
      channels.create({ name: 'Other 2', path: 'taken', mappingId }),
      channels.create({ name: 'Other 3', path: 'other-3', mllpPort: 3000, mappingId }),
    ]);
    expect(refusals.map((r) => (r.ok ? null : [r.error.code, r.error.at.fields]))).toEqual([
      ['conflict', ['name']],
      ['conflict', ['path']],
      ['conflict', ['mllpPort']],
    ]);
    expect(await channels.create({ name: 'Bad', path: 'Bad/Path', mllpPort: 80, mappingId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', at: { fields: ['path', 'mllpPort'] } },
    });
    expect(
      await channels.create({
        name: 'Orphan',
        path: 'orphan',
        mappingId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_reference' } });
  });

  it('keeps deployment history newest first, with the newest one live', async () => {
    const deployments = createDeploymentRepository(db.prisma);
    const [v1, v2] = await newVersions('deployed', 2);
    const channel = await newChannel('deployed', v1!.mappingId);
    const idle = await newChannel('idle', v1!.mappingId);
    const deploy = (versionId: string, kind: 'deploy' | 'rollback' = 'deploy') =>
      deployments.record({ channelId: channel.id, versionId, kind, actor: 'otto@example.org', note: kind });
    await deploy(v1!.id);
    await deploy(v2!.id);
    await deploy(v1!.id, 'rollback');
    const history = await deployments.history(channel.id);
    expect(history.map((d) => [d.kind, d.versionNumber])).toEqual([
      ['rollback', 1],
      ['deploy', 2],
      ['deploy', 1],
    ]);
    const live = await deployments.live([channel.id, idle.id]);
    expect(live.get(channel.id)).toMatchObject({
      versionId: v1!.id,
      kind: 'rollback',
      actor: 'otto@example.org',
    });
    expect(live.has(idle.id)).toBe(false);
  });

  it('lets only one of two deploys decided against the same live version land', async () => {
    const deployments = createDeploymentRepository(db.prisma);
    const [v1, v2] = await newVersions('raced-deploy', 2);
    const channel = await newChannel('raced-deploy', v1!.mappingId);
    const results = await Promise.all(
      [v1!, v2!].map((v) =>
        deployments.record(
          { channelId: channel.id, versionId: v.id, kind: 'deploy', actor: 'otto@example.org' },
          { expectedLiveVersionId: null },
        ),
      ),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: 'conflict', stale: true } });
    expect(await deployments.history(channel.id)).toHaveLength(1);
  });

  it('refuses to rewrite or remove deployments and message events, whatever the client', async () => {
    const deployments = createDeploymentRepository(db.prisma);
    const messages = createMessageRepository(db.prisma);
    const [v1] = await newVersions('append-only');
    const channel = await newChannel('append-only', v1!.mappingId);
    await deployments.record({
      channelId: channel.id,
      versionId: v1!.id,
      kind: 'deploy',
      actor: 'otto@example.org',
    });
    const message = await messages.insert({
      channelId: channel.id,
      transport: 'http',
      contentType: 'hl7v2',
      raw: 'MSH',
    });
    if (!message.ok) throw new Error(message.error.message);
    await messages.appendEvent({
      messageId: message.value.id,
      stage: 'map',
      outcome: 'ok',
      startedAt: new Date(),
      durationMs: 3,
      attempt: 1,
    });
    for (const sql of [
      `UPDATE deployments SET actor = 'mallory@example.org'`,
      `DELETE FROM deployments`,
      `TRUNCATE deployments CASCADE`,
      `UPDATE message_events SET outcome = 'error'`,
      `DELETE FROM message_events`,
      `TRUNCATE message_events`,
    ]) {
      await expect(db.prisma.$executeRawUnsafe(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await deployments.history(channel.id)).toMatchObject([{ actor: 'otto@example.org' }]);
    expect(await messages.events(message.value.id)).toMatchObject([
      { stage: 'map', outcome: 'ok', error: null },
    ]);
  });

  it('recognises a sender retry (same facility and control id) even when both copies arrive at once', async () => {
    const messages = createMessageRepository(db.prisma);
    const [v1] = await newVersions('dedupe');
    const channel = await newChannel('dedupe', v1!.mappingId);
    const copy = {
      channelId: channel.id,
      transport: 'mllp',
      contentType: 'hl7v2',
      raw: 'MSH|^~\\&|A|LAB',
      sendingFacility: 'LAB',
      controlId: 'MSG0001',
    } as const;
    const results = await Promise.all(Array.from({ length: 6 }, () => messages.insert(copy)));
    const values = results.map((r) => (r.ok ? r.value : null));
    expect(new Set(values.map((v) => v?.id)).size).toBe(1);
    expect(values.filter((v) => v?.duplicate === false)).toHaveLength(1);
    const page = await messages.list({ channelId: channel.id });
    expect(page).toMatchObject({ ok: true, value: { items: [{ controlId: 'MSG0001' }], nextCursor: null } });

    // Another facility, or no control id at all, is another message.
    const other = await messages.insert({ ...copy, sendingFacility: 'RAD' });
    const bare1 = await messages.insert({ ...copy, controlId: null });
    const bare2 = await messages.insert({ ...copy, controlId: null });
    expect([other, bare1, bare2].map((r) => r.ok && r.value.duplicate)).toEqual([false, false, false]);
    expect(
      await messages.insert({ ...copy, channelId: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_reference' },
    });
  });

  it('stores a large delivery in one go, in order, recognising retries across statements', async () => {
    const messages = createMessageRepository(db.prisma);
    const [v1] = await newVersions('group-commit');
    const channel = await newChannel('group-commit', v1!.mappingId);
    const message = (n: number) =>
      ({
        channelId: channel.id,
        transport: 'http',
        contentType: 'hl7v2',
        raw: `MSH|^~\\&|A|LAB|||||ADT^A01|G${n}`,
        sendingFacility: 'LAB',
        controlId: `G${n}`,
      }) as const;
    // 1,201 rows span two INSERT statements; the last repeats the first.
    const batch = [...Array.from({ length: 1200 }, (_, n) => message(n)), message(0)];
    const stored = await messages.insertMany(batch);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value).toHaveLength(1201);
    expect(new Set(stored.value.map((m) => m.id)).size).toBe(1200);
    expect(stored.value[1200]).toEqual({ id: stored.value[0]!.id, duplicate: true });
    const row = await messages.get(stored.value[1199]!.id);
    expect(row).toMatchObject({ controlId: 'G1199', status: 'received' });

    // A retry of part of it answers with the first copies' ids and adds nothing.
    const retry = await messages.insertMany([message(5), message(1100)]);
    expect(retry).toEqual({
      ok: true,
      value: [
        { id: stored.value[5]!.id, duplicate: true },
        { id: stored.value[1100]!.id, duplicate: true },
      ],
    });
    expect(await db.prisma.message.count({ where: { channelId: channel.id } })).toBe(1200);

    // A whole delivery is one transaction: one bad row (unknown channel) stores none of it.
    const mixed = await messages.insertMany([
      message(5000),
      { ...message(5001), channelId: '00000000-0000-4000-8000-000000000000' },
    ]);
    expect(mixed).toMatchObject({ ok: false, error: { code: 'invalid_reference' } });
    expect(await db.prisma.message.count({ where: { controlId: 'G5000' } })).toBe(0);
  });

  it('stores the message as received and lists messages newest first, filtered, page by page', async () => {
    const messages = createMessageRepository(db.prisma);
    const [v1] = await newVersions('listed');
    const a = await newChannel('listed-a', v1!.mappingId);
    const b = await newChannel('listed-b', v1!.mappingId);
    const base = Date.parse('2026-01-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const inserted = await messages.insert({
        channelId: i % 2 === 0 ? a.id : b.id,
        transport: 'http',
        contentType: 'fhir-ndjson',
        raw: `{"n":${i}}`,
        // Two messages share each timestamp: the cursor must not skip or repeat either.
        receivedAt: new Date(base + Math.floor(i / 2) * 1000),
      });
      if (!inserted.ok) throw new Error(inserted.error.message);
      ids.push(inserted.value.id);
    }
    const stored = await messages.get(ids[0]!);
    expect(stored).toMatchObject({
      raw: '{"n":0}',
      contentType: 'fhir-ndjson',
      status: 'received',
      attempts: 0,
    });

    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await messages.list({ from: new Date(base), limit: 3, cursor });
      if (!page.ok) throw new Error(page.error.message);
      seen.push(...page.value.items.map((m) => m.id));
      if (!page.value.nextCursor) break;
      cursor = page.value.nextCursor;
    }
    expect(seen.filter((id) => ids.includes(id))).toHaveLength(7);
    expect(new Set(seen).size).toBe(seen.length);
    const times = await Promise.all(seen.map(async (id) => (await messages.get(id))!.receivedAt.getTime()));
    expect(times).toEqual([...times].sort((x, y) => y - x));

    const onA = await messages.list({
      channelId: a.id,
      from: new Date(base + 1000),
      to: new Date(base + 3000),
    });
    expect(onA.ok && onA.value.items.map((m) => m.id).sort()).toEqual([ids[2], ids[4]].sort());
    expect(await messages.list({ channelId: a.id, status: 'dead' })).toMatchObject({
      ok: true,
      value: { items: [] },
    });
    expect(await messages.list({ cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', at: { fields: ['cursor'] } },
    });
  });
});
