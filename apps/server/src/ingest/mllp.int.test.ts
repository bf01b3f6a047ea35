import net from 'node:net';
import {
  createChannelRepository,
  createDeploymentRepository,
  createMappingRepository,
  createMessageRepository,
  type Database,
  type MessageRepository,
} from '@mapwright/db';
import { openTestDatabase, testBackends } from '@mapwright/db/testing';
import { mllpClient, MllpClientError, type MllpClient } from '@mapwright/mllp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMllpIngest, type MllpIngest, type MllpLogEntry } from './mllp-listeners';

// Invented people and facilities; the patient's name must never reach a log.
const adt = (controlId: string, facility = 'ST-MARY') =>
  [
    `MSH|^~\\&|ADMIT|${facility}|MAPWRIGHT|HUB|20250101120000||ADT^A01|${controlId}|P|2.5.1`,
    'EVN|A01|20250101120000',
    'PID|1||MRN-4711^^^HOSP^MR||ZEBEDEE^QUILLON||19800101|F',
    '',
  ].join('\r');

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (ack: Uint8Array) => new TextDecoder().decode(ack);
const segment = (ack: string, id: string) =>
  ack
    .split('\r')
    .find((s) => s.startsWith(`${id}|`))
    ?.split('|');

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.each(testBackends())('MLLP ingest on $kind', (backend) => {
  let db: Database;
  let close: () => Promise<void>;
  let ingest: MllpIngest;
  let port: number;
  let channelId: string;
  let transactions = 0;
  const logs: MllpLogEntry[] = [];
  const clients: MllpClient[] = [];
  const client = () => {
    const c = mllpClient('127.0.0.1', port, { timeoutMs: 10_000 });
    clients.push(c);
    return c;
  };
  const rows = (controlId: string) =>
    db.prisma.message.findMany({ where: { channelId, controlId }, select: { id: true, transport: true } });

  async function channelWithVersion(name: string, mllpPort: number) {
    const mapping = await createMappingRepository(db.prisma).create({
      slug: `${name}-mapping`,
      name,
      sourceFormat: 'hl7v2',
    });
    if (!mapping.ok) throw new Error(mapping.error.message);
    const version = await createMappingRepository(db.prisma).addVersion({
      mappingId: mapping.value.id,
      graph: { nodes: [] },
      author: 'ana@hospital.example',
    });
    if (!version.ok) throw new Error(version.error.message);
    const channel = await createChannelRepository(db.prisma).create({
      name,
      path: name,
      mappingId: mapping.value.id,
      mllpPort,
    });
    if (!channel.ok) throw new Error(channel.error.message);
    return { channelId: channel.value.id, versionId: version.value.id };
  }

  const deploy = async (ids: { channelId: string; versionId: string }) => {
    const done = await createDeploymentRepository(db.prisma).record({
      ...ids,
      kind: 'deploy',
      actor: 'olga@hospital.example',
    });
    if (!done.ok) throw new Error(done.error.message);
  };

  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(backend));
    const repository = createMessageRepository(db.prisma);
    const messages: MessageRepository = {
      ...repository,
      insertMany: (inputs) => {
        transactions++;
        return repository.insertMany(inputs);
      },
    };
    port = await freePort();
    const ids = await channelWithVersion('adt-mllp', port);
    channelId = ids.channelId;
    await deploy(ids);
    ingest = createMllpIngest({
      channels: createChannelRepository(db.prisma),
      deployments: createDeploymentRepository(db.prisma),
      messages,
      host: '127.0.0.1',
      reconcileMs: 0,
      log: (entry) => logs.push(entry),
    });
    await ingest.reconcile();
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await ingest.close();
    await close();
  });

  it('answers AA with MSA-2 = MSH-10 once the message is stored', async () => {
    const ack = text(await client().send(bytes(adt('CTRL-1'))));
    expect(segment(ack, 'MSA')?.slice(1, 3)).toEqual(['AA', 'CTRL-1']);
    expect(segment(ack, 'MSH')?.[9]).not.toBe('');
    expect(await rows('CTRL-1')).toEqual([{ id: expect.any(String), transport: 'mllp' }]);
  });

  it('answers a retry AA and does not store it twice', async () => {
    const c = client();
    const first = text(await c.send(bytes(adt('CTRL-2'))));
    const again = text(await c.send(bytes(adt('CTRL-2'))));
    expect(segment(again, 'MSA')?.slice(1, 3)).toEqual(['AA', 'CTRL-2']);
    // Each ACK has its own control id.
    expect(segment(again, 'MSH')?.[9]).not.toBe(segment(first, 'MSH')?.[9]);
    expect(await rows('CTRL-2')).toHaveLength(1);
  });

  it('answers AE with a located ERR for a frame that is not HL7 v2, and keeps it as failed', async () => {
    const before = await db.prisma.message.count({ where: { channelId, status: 'failed' } });
    const ack = text(await client().send(bytes('ZEBEDEE QUILLON not a message\r')));
    expect(segment(ack, 'MSA')?.[1]).toBe('AE');
    const err = segment(ack, 'ERR');
    expect(err?.[2]).toBe('MSH^1');
    expect(err?.[3]).toBe('100^Segment sequence error^HL70357');
    const failed = await db.prisma.message.findMany({
      where: { channelId, status: 'failed' },
      select: { raw: true, lastError: true },
    });
    expect(failed).toHaveLength(before + 1);
    expect(failed.at(-1)?.raw).toBe('ZEBEDEE QUILLON not a message\r');
    expect(failed.at(-1)?.lastError).toMatchObject({ code: 'hl7-no-msh', at: { segment: 'MSH' } });
  });

  it('stores 200 messages over 4 connections exactly once, in fewer transactions, and ACKs each', async () => {
    const startTransactions = transactions;
    const connections = [client(), client(), client(), client()];
    const acks = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const id = `BULK-${i}`;
        return connections[i % 4]!.send(bytes(adt(id))).then((ack) => [id, text(ack)] as const);
      }),
    );
    for (const [id, ack] of acks) expect(segment(ack, 'MSA')?.slice(1, 3)).toEqual(['AA', id]);
    const stored = await db.prisma.message.findMany({
      where: { channelId, controlId: { startsWith: 'BULK-' } },
      select: { controlId: true },
    });
    expect(stored).toHaveLength(200);
    expect(new Set(stored.map((m) => m.controlId)).size).toBe(200);
    expect(transactions - startTransactions).toBeLessThan(200);
  });

  it('listens for a channel only once a version is deployed', async () => {
    const laterPort = await freePort();
    const later = await channelWithVersion('adt-later', laterPort);
    await ingest.reconcile();
    const sender = mllpClient('127.0.0.1', laterPort, { timeoutMs: 5_000 });
    clients.push(sender);
    const refused = await sender.send(bytes(adt('LATE-1'))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MllpClientError);
    expect((refused as MllpClientError).code).toBe('connection-failed');
    await deploy(later);
    await ingest.reconcile();
    const ack = text(await sender.send(bytes(adt('LATE-1'))));
    expect(segment(ack, 'MSA')?.slice(1, 3)).toEqual(['AA', 'LATE-1']);
    expect(ingest.listening().get(later.channelId)).toBe(laterPort);
  });

  it('stops listening when the channel is disabled', async () => {
    const channels = createChannelRepository(db.prisma);
    expect((await channels.update(channelId, { enabled: false })).ok).toBe(true);
    await ingest.reconcile();
    const refused = await mllpClient('127.0.0.1', port, { timeoutMs: 5_000 })
      .send(bytes(adt('OFF-1')))
      .catch((error: unknown) => error);
    expect((refused as MllpClientError).code).toBe('connection-failed');
    expect(await rows('OFF-1')).toHaveLength(0);
  });

  it('logs no patient data', () => {
    expect(logs.length).toBeGreaterThan(0);
    const written = JSON.stringify(logs);
    expect(written).not.toMatch(/ZEBEDEE|QUILLON|MRN-4711/);
  });
});
