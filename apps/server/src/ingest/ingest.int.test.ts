import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Database } from '@mapwright/db';
import { openTestDatabase, seedApprovedVersion, testBackends } from '@mapwright/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { IngestLogEntry } from './ingest-route';

// Invented people and facilities; the patient's name must never come back in an error or a log.
const adt = (controlId: string, facility = 'ST-MARY') =>
  [
    `MSH|^~\\&|ADMIT|${facility}|MAPWRIGHT|HUB|20250101120000||ADT^A01|${controlId}|P|2.5.1`,
    'EVN|A01|20250101120000',
    'PID|1||MRN-4711^^^HOSP^MR||ZEBEDEE^QUILLON||19800101|F',
    '',
  ].join('\r');

const INGEST_LIMIT = 64 * 1024;

describe.each(testBackends())('HTTP ingest on $kind', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  let server: Server;
  let base: string;
  const cookies: Record<'admin' | 'operator' | 'analyst', string> = { admin: '', operator: '', analyst: '' };
  let channel: { id: string; path: string; ingestToken: string };
  const logs: IngestLogEntry[] = [];

  async function call(path: string, input: unknown, cookie: string, method: 'GET' | 'POST' = 'POST') {
    const url =
      method === 'GET'
        ? `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
        : `${base}/trpc/${path}`;
    const res = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', cookie },
      body: method === 'POST' ? JSON.stringify(input) : undefined,
    });
    const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } };
    return {
      status: res.status,
      data: body.result?.data as never,
      cookie: res.headers.get('set-cookie') ?? '',
    };
  }

  async function post(path: string, body: string, contentType: string, token?: string) {
    const res = await fetch(`${base}/ingest/${path}`, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  const ingest = (body: string, contentType = 'x-application/hl7-v2+er7') =>
    post(channel.path, body, contentType, channel.ingestToken);

  const json = (text: string) => JSON.parse(text) as Record<string, unknown>;

  async function signIn(role: 'operator' | 'analyst') {
    const user = {
      email: `${role}@hospital.example`,
      displayName: role,
      password: `${role} password long`,
      roles: [role],
    };
    expect((await call('users.create', user, cookies.admin)).status).toBe(200);
    const login = await call('auth.login', { email: user.email, password: user.password }, '');
    cookies[role] = login.cookie.split(';')[0]!;
  }

  async function createChannel(path: string, deploy: boolean) {
    const { mappingId, versionId } = await seedApprovedVersion(db, `${path}-mapping`);
    const created = await call('channels.create', { name: path, path, mappingId }, cookies.operator);
    expect(created.status).toBe(200);
    const made = created.data as { id: string; ingestToken: string };
    if (deploy)
      expect(
        (await call('deployments.deploy', { channelId: made.id, versionId }, cookies.operator)).status,
      ).toBe(200);
    return { id: made.id, path, ingestToken: made.ingestToken };
  }

  const stored = (id: string) => db.prisma.message.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
    server = createApp({
      db,
      sessionTtlMs: 3_600_000,
      secureCookies: false,
      ingestMaxBytes: INGEST_LIMIT,
      ingestLog: (entry) => logs.push(entry),
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const setup = await call(
      'auth.setup',
      { email: 'admin@hospital.example', displayName: 'Ada', password: 'correct horse battery' },
      '',
    );
    cookies.admin = setup.cookie.split(';')[0]!;
    await signIn('operator');
    await signIn('analyst');
    channel = await createChannel('adt-in', true);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await close();
  });

  it('gives the channel a token once, at creation, and stores only its hash', async () => {
    expect(channel.ingestToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.prisma.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(row.ingestTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.ingestTokenHash).not.toContain(channel.ingestToken);
    const listed = await call('channels.get', { id: channel.id }, cookies.operator, 'GET');
    expect(JSON.stringify(listed.data)).not.toMatch(/ingestToken/);
  });

  it('stores an HL7 v2 message before answering 202 with its id', async () => {
    const res = await ingest(adt('CTRL-1'), 'text/plain; charset=utf-8');
    expect(res.status).toBe(202);
    const { messages } = json(res.text) as { messages: { id: string; duplicate: boolean }[] };
    expect(messages).toEqual([{ id: expect.any(String), duplicate: false }]);
    expect(await stored(messages[0]!.id)).toMatchObject({
      channelId: channel.id,
      transport: 'http',
      contentType: 'hl7v2',
      sendingFacility: 'ST-MARY',
      controlId: 'CTRL-1',
      status: 'received',
      raw: adt('CTRL-1'),
    });
  });

  it('splits a batch of three messages into three stored messages in one request', async () => {
    const batch = ['FHS|^~\\&|ADMIT|ST-MARY\r', adt('B-1'), adt('B-2'), adt('B-3'), 'FTS|3\r'].join('');
    const res = await ingest(batch);
    expect(res.status).toBe(202);
    const ids = (json(res.text) as { messages: { id: string; duplicate: boolean }[] }).messages;
    expect(ids).toHaveLength(3);
    expect(new Set(ids.map((m) => m.id)).size).toBe(3);
    const rows = await Promise.all(ids.map((m) => stored(m.id)));
    expect(rows.map((r) => r.controlId)).toEqual(['B-1', 'B-2', 'B-3']);
    expect(rows.map((r) => r.raw)).toEqual([adt('B-1'), adt('B-2'), adt('B-3')]);
  });

  it("recognises a sender's retry: same facility and control id, the first copy's id, stored once", async () => {
    const first = json((await ingest(adt('DUP-1'))).text) as { messages: { id: string }[] };
    const again = await ingest(adt('DUP-1') + adt('DUP-2') + adt('DUP-2'));
    expect(again.status).toBe(202);
    const { messages } = json(again.text) as { messages: { id: string; duplicate: boolean }[] };
    expect(messages[0]).toEqual({ id: first.messages[0]!.id, duplicate: true });
    expect(messages[1]!.duplicate).toBe(false);
    expect(messages[2]).toEqual({ id: messages[1]!.id, duplicate: true });
    // Another facility may reuse a control id: that is a different message.
    const other = json((await ingest(adt('DUP-1', 'ST-JOHN'))).text) as {
      messages: { duplicate: boolean }[];
    };
    expect(other.messages[0]!.duplicate).toBe(false);
    expect(await db.prisma.message.count({ where: { channelId: channel.id, controlId: 'DUP-1' } })).toBe(2);
    expect(await db.prisma.message.count({ where: { channelId: channel.id, controlId: 'DUP-2' } })).toBe(1);
  });

  it('refuses a body over the limit with 413 naming the limit, and stores nothing', async () => {
    const before = await db.prisma.message.count();
    const res = await ingest(adt('BIG').repeat(Math.ceil((INGEST_LIMIT + 1) / adt('BIG').length)));
    expect(res.status).toBe(413);
    expect(json(res.text)).toMatchObject({
      error: { code: 'body-too-large', message: expect.stringContaining(`${INGEST_LIMIT} bytes`) },
      limitBytes: INGEST_LIMIT,
    });
    expect(await db.prisma.message.count()).toBe(before);
  });

  it('refuses senders without the right token with 401, and a rotated token replaces the old one', async () => {
    const none = await post(channel.path, adt('T-1'), 'text/plain');
    const wrong = await post(channel.path, adt('T-1'), 'text/plain', 'not-the-token');
    for (const res of [none, wrong]) {
      expect(res.status).toBe(401);
      expect(json(res.text)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    }
    expect((await call('channels.rotateToken', { id: channel.id }, cookies.analyst)).status).toBe(403);
    const rotated = await call('channels.rotateToken', { id: channel.id }, cookies.operator);
    const { ingestToken } = rotated.data as { ingestToken: string };
    expect((await post(channel.path, adt('T-2'), 'text/plain', channel.ingestToken)).status).toBe(401);
    expect((await post(channel.path, adt('T-2'), 'text/plain', ingestToken)).status).toBe(202);
    channel = { ...channel, ingestToken };
    expect(await db.prisma.message.count({ where: { controlId: 'T-1' } })).toBe(0);
  });

  it('answers 415 to other content types, 404 to unknown channels and 409 to channels not running', async () => {
    const xml = await ingest('<msg/>', 'application/xml');
    expect(xml.status).toBe(415);
    expect(json(xml.text)).toMatchObject({
      error: { message: expect.stringContaining('application/fhir+ndjson') },
    });
    expect((await post('no-such-channel', adt('X'), 'text/plain', channel.ingestToken)).status).toBe(404);
    const idle = await createChannel('adt-idle', false);
    const notDeployed = await post(idle.path, adt('I-1'), 'text/plain', idle.ingestToken);
    expect(notDeployed.status).toBe(409);
    expect(json(notDeployed.text)).toMatchObject({ error: { code: 'not-deployed' } });
    expect((await call('channels.update', { id: channel.id, enabled: false }, cookies.operator)).status).toBe(
      200,
    );
    try {
      const disabled = await ingest(adt('OFF-1'));
      expect(disabled.status).toBe(409);
      expect(json(disabled.text)).toMatchObject({ error: { code: 'channel-disabled' } });
    } finally {
      await call('channels.update', { id: channel.id, enabled: true }, cookies.operator);
    }
    expect(await db.prisma.message.count({ where: { controlId: { in: ['I-1', 'OFF-1'] } } })).toBe(0);
  });

  it('keeps a body it cannot split as one failed message, answering 400 with where and its id', async () => {
    const body = '{\n  "patient": "ZEBEDEE QUILLON",\n  "mrn": 4711,,\n}';
    const res = await ingest(body, 'application/json');
    expect(res.status).toBe(400);
    expect(res.text).not.toContain('ZEBEDEE');
    const answer = json(res.text) as { error: { code: string; at: { line: number } }; id: string };
    expect(answer.error).toMatchObject({ code: 'invalid-json', at: { line: 3 } });
    expect(await stored(answer.id)).toMatchObject({
      status: 'failed',
      raw: body,
      contentType: 'json',
      lastError: { code: 'invalid-json', at: { line: 3 } },
    });

    const noMsh = await ingest('PID|1||MRN-4711||ZEBEDEE^QUILLON\r');
    expect(noMsh.status).toBe(400);
    expect(json(noMsh.text)).toMatchObject({
      error: { code: 'hl7-no-msh', at: { line: 1, segment: 'MSH' } },
    });
  });

  it('takes a JSON array as several messages, CSV as one, and FHIR NDJSON one per line', async () => {
    const array = await ingest(JSON.stringify([{ mrn: 'A' }, { mrn: 'B' }]), 'application/json');
    expect((json(array.text) as { messages: unknown[] }).messages).toHaveLength(2);
    const csv = await ingest('mrn,family\nA,ZEBEDEE\nB,QUILLON\n', 'text/csv');
    expect((json(csv.text) as { messages: unknown[] }).messages).toHaveLength(1);

    const lines = ['{"resourceType":"Patient","id":"p1"}', '', '{"resourceType":"Patient","id":"p2"}\r', ''];
    const ndjson = await ingest(lines.join('\n'), 'application/fhir+ndjson');
    expect(ndjson.status).toBe(202);
    const ids = (json(ndjson.text) as { messages: { id: string }[] }).messages;
    expect(ids).toHaveLength(2);
    expect((await stored(ids[1]!.id)).raw).toBe('{"resourceType":"Patient","id":"p2"}');
    expect((await stored(ids[1]!.id)).contentType).toBe('fhir_ndjson');

    const bad = await ingest('{"resourceType":"Patient"}\n{"resourceType":', 'application/fhir+ndjson');
    expect(bad.status).toBe(400);
    expect(json(bad.text)).toMatchObject({ error: { code: 'invalid-ndjson', at: { line: 2 } } });
  });

  it('lets operators list and open messages, and nobody else (message content is PHI)', async () => {
    const sent = json((await ingest(adt('LIST-1'))).text) as { messages: { id: string }[] };
    const id = sent.messages[0]!.id;
    const list = await call('messages.list', { channelId: channel.id, limit: 500 }, cookies.operator, 'GET');
    expect(list.status).toBe(200);
    const items = (list.data as { items: { id: string; controlId: string | null }[] }).items;
    expect(items[0]).toMatchObject({ id, controlId: 'LIST-1' });
    expect(items[0]).not.toHaveProperty('raw');
    const failed = await call('messages.list', { status: 'failed' }, cookies.operator, 'GET');
    expect((failed.data as { items: { status: string }[] }).items.every((m) => m.status === 'failed')).toBe(
      true,
    );

    const one = await call('messages.get', { id }, cookies.admin, 'GET');
    expect(one.data).toMatchObject({ id, raw: adt('LIST-1'), events: [] });

    expect((await call('messages.list', {}, cookies.analyst, 'GET')).status).toBe(403);
    expect((await call('messages.get', { id }, cookies.analyst, 'GET')).status).toBe(403);
    expect((await call('messages.list', {}, '', 'GET')).status).toBe(401);
  });

  // Runs last: by now every kind of answer above has been logged.
  it('logs one entry per request with ids, codes and counts, and no message content', () => {
    const text = JSON.stringify(logs);
    for (const phi of ['ZEBEDEE', 'QUILLON', 'MRN-4711', 'ST-MARY', 'CTRL-1'])
      expect(text).not.toContain(phi);
    expect(logs).toContainEqual({
      event: 'ingest',
      status: 202,
      channelId: channel.id,
      stored: 3,
      duplicates: 0,
    });
    expect(logs).toContainEqual({
      event: 'ingest',
      status: 202,
      channelId: channel.id,
      stored: 1,
      duplicates: 2,
    });
    expect(logs).toContainEqual(
      expect.objectContaining({ status: 400, code: 'invalid-json', failedId: expect.any(String) }),
    );
    expect(logs.map((l) => l.status)).toEqual(expect.arrayContaining([401, 404, 409, 413, 415]));
  });
});
