import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { mllpClient, type MllpClient } from './client';
import { createMllpDecoder } from './decoder';
import { encodeFrame } from './frame-bytes';
import { createMllpServer, type ConnectionProblem, type MllpServer, type MllpServerOptions } from './server';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const adt = (id: number): string =>
  `MSH|^~\\&|LAB|FAC|MW|MW|20260101120000||ADT^A01^ADT_A01|C${id}|P|2.5\rPID|1||${100000 + id}^^^FAC^MR||DOE^JANE`;
const controlId = (msg: string): string => msg.split('\r')[0]?.split('|')[9] ?? '';
// Echoes MSH-10 into MSA-2 so a test can tell which message an ACK answers.
const echoAck = async (bytes: Uint8Array): Promise<Uint8Array> =>
  enc(`MSH|^~\\&|MW\rMSA|AA|${controlId(dec(bytes))}`);

const open: Array<MllpServer | MllpClient | net.Socket> = [];
afterEach(async () => {
  for (const item of open.splice(0)) {
    if (item instanceof net.Socket) item.destroy();
    else await item.close();
  }
});

async function start(options: Partial<MllpServerOptions> = {}) {
  const problems: ConnectionProblem[] = [];
  const server = createMllpServer({ onMessage: echoAck, onError: (p) => problems.push(p), ...options });
  open.push(server);
  const { port } = await server.listen(0);
  return { server, port, problems };
}

/** A raw sender: writes whatever bytes the test wants and collects decoded ACK texts. */
async function rawSocket(port: number) {
  const socket = net.connect({ port, host: '127.0.0.1' });
  open.push(socket);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  const acks: string[] = [];
  const decoder = createMllpDecoder();
  socket.on('data', (chunk: Buffer) => {
    for (const item of decoder.feed(chunk)) if (item.kind === 'frame') acks.push(dec(item.bytes));
  });
  return { socket, acks };
}

const ackIds = (acks: string[]): string[] => acks.map((a) => a.split('|').at(-1) ?? '');

describe('MLLP server over a real socket', () => {
  it('answers a message written one byte at a time', async () => {
    const { port } = await start();
    const { socket, acks } = await rawSocket(port);
    for (const byte of encodeFrame(enc(adt(1)))) {
      socket.write(Uint8Array.of(byte));
      await new Promise((r) => setImmediate(r));
    }
    await expect.poll(() => ackIds(acks)).toEqual(['C1']);
  });

  it('answers two messages sent in one write, in order', async () => {
    const { port } = await start();
    const { socket, acks } = await rawSocket(port);
    socket.write(Buffer.concat([encodeFrame(enc(adt(1))), encodeFrame(enc(adt(2)))]));
    await expect.poll(() => ackIds(acks)).toEqual(['C1', 'C2']);
  });

  it('reports a frame without end block and answers the good frame after it', async () => {
    const { port, problems } = await start();
    const { socket, acks } = await rawSocket(port);
    socket.write(Buffer.concat([Buffer.of(0x0b), enc(adt(1)), encodeFrame(enc(adt(2)))]));
    await expect.poll(() => ackIds(acks)).toEqual(['C2']);
    expect(problems.map((p) => [p.code, p.offset])).toEqual([['missing-end-block', 0]]);
  });

  it('reports garbage before a frame and answers the frame', async () => {
    const { port, problems } = await start();
    const { socket, acks } = await rawSocket(port);
    socket.write(Buffer.concat([enc('GET / HTTP/1.1\r\n'), encodeFrame(enc(adt(7)))]));
    await expect.poll(() => ackIds(acks)).toEqual(['C7']);
    expect(problems.map((p) => [p.code, p.offset])).toEqual([['bytes-outside-frame', 0]]);
  });

  it('skips an oversized frame and answers the next one', async () => {
    const { port, problems } = await start({ maxFrameBytes: 1024 });
    const { socket, acks } = await rawSocket(port);
    socket.write(encodeFrame(enc(adt(1) + 'X'.repeat(5000))));
    socket.write(encodeFrame(enc(adt(2))));
    await expect.poll(() => ackIds(acks)).toEqual(['C2']);
    expect(problems.map((p) => p.code)).toEqual(['frame-too-large']);
  });

  it('survives a handler that throws or rejects: that connection closes, the next one is answered', async () => {
    let calls = 0;
    const { port, problems } = await start({
      onMessage: (bytes) => {
        calls++;
        if (calls === 1) throw new Error('store unavailable');
        if (calls === 2) return Promise.reject(new Error('store unavailable'));
        return echoAck(bytes);
      },
    });
    for (const id of [1, 2]) {
      const failing = await rawSocket(port);
      const closed = new Promise((r) => failing.socket.once('close', r));
      failing.socket.write(encodeFrame(enc(adt(id))));
      await closed;
      expect(failing.acks).toEqual([]);
    }
    expect(problems.map((p) => p.code)).toEqual(['handler-failed', 'handler-failed']);

    const client = mllpClient('127.0.0.1', port, { timeoutMs: 5000 });
    open.push(client);
    expect(ackIds([dec(await client.send(enc(adt(2))))])).toEqual(['C2']);
  });

  it('stops reading from a sender that never reads its ACKs, keeping its buffered replies bounded', async () => {
    const bigAck = enc('MSA|AA|' + 'A'.repeat(2048)); // large ACKs fill the kernel buffers quickly
    let handled = 0;
    const { server, port } = await start({
      maxPendingAcks: 8,
      onMessage: async () => {
        handled++;
        return bigAck;
      },
    });
    const socket = net.connect({ port, host: '127.0.0.1' });
    open.push(socket);
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    socket.pause(); // never read
    const total = 20_000;
    const batch = Buffer.concat(Array.from({ length: total }, (_, k) => encodeFrame(enc(adt(k)))));
    socket.write(batch);

    // Wait until the server stops making progress, then check it is paused with a bounded queue.
    let last = -1;
    await expect
      .poll(async () => {
        const seen = handled;
        await new Promise((r) => setTimeout(r, 200));
        const stable = seen === handled && seen === last;
        last = handled;
        return stable;
      })
      .toBe(true);
    const [stats] = server.stats();
    expect(handled).toBeLessThan(total);
    expect(stats?.paused).toBe(true);
    // At most the socket's high-water mark (64 KB on Node 24) plus maxPendingAcks replies; unbounded it grows
    // to megabytes.
    expect(stats?.bufferedBytes).toBeLessThan(64 * 1024 + 9 * (bigAck.length + 3));
    expect(stats?.pendingAcks).toBeLessThanOrEqual(8);

    socket.resume(); // once the sender reads again, every message is answered
    await expect.poll(() => handled, { timeout: 60_000 }).toBe(total);
  });

  it('rejects listen() when the port is in use', async () => {
    const { port } = await start();
    const second = createMllpServer({ onMessage: echoAck });
    await expect(second.listen(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await second.close();
  });

  it('answers 1,000 messages over one connection in order', async () => {
    const { port } = await start();
    const client = mllpClient('127.0.0.1', port, { timeoutMs: 10_000 });
    open.push(client);
    const acks = await Promise.all(Array.from({ length: 1000 }, (_, k) => client.send(enc(adt(k)))));
    expect(ackIds(acks.map(dec))).toEqual(Array.from({ length: 1000 }, (_, k) => `C${k}`));
  });

  it('close() waits for pending replies and resolves when connections end', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const server = createMllpServer({
      onMessage: async (bytes) => {
        await gate;
        return echoAck(bytes);
      },
    });
    const { port } = await server.listen(0);
    const { socket, acks } = await rawSocket(port);
    socket.write(encodeFrame(enc(adt(3))));
    await expect.poll(() => server.stats()[0]?.pendingAcks).toBe(1);
    const closed = server.close();
    release();
    await closed;
    expect(ackIds(acks)).toEqual(['C3']);
    expect(server.stats()).toEqual([]);
  });

  it('client send() rejects with a timeout when no ACK comes', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as net.AddressInfo;
    const client = mllpClient('127.0.0.1', port, { timeoutMs: 200 });
    await expect(client.send(enc(adt(1)))).rejects.toMatchObject({ code: 'ack-timeout' });
    await client.close();
    silent.close();
  });
});
