// MLLP transport throughput: 20,000 small ADT^A01 messages over loopback, fixed ACK, one message in flight per
// connection (how MLLP senders behave). The server runs in a child process so client and server do not share
// one event loop.  Usage: pnpm exec tsx packages/mllp/bench/throughput.ts
import { fork } from 'node:child_process';
import { createMllpServer, mllpClient } from '../src/index';

const TOTAL = 20_000;
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const adt = (id: number): Uint8Array =>
  enc(
    `MSH|^~\\&|LAB|FAC|MW|MW|20260101120000||ADT^A01^ADT_A01|C${id}|P|2.5\rEVN|A01|20260101120000\r` +
      `PID|1||${100000 + id}^^^FAC^MR||DOE^JANE||19700101|F\rPV1|1|I|WARD^101^1`,
  );
const FIXED_ACK = enc('MSH|^~\\&|MW|MW|LAB|FAC|20260101120000||ACK^A01^ACK|A1|P|2.5\rMSA|AA|C0');

async function serve(): Promise<void> {
  const server = createMllpServer({ onMessage: async () => FIXED_ACK });
  const { port } = await server.listen(0);
  process.send?.({ port });
  process.on('disconnect', () => void server.close(100).then(() => process.exit(0)));
}

async function run(port: number, connections: number): Promise<void> {
  const latencies: number[] = [];
  const perConnection = TOTAL / connections;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const client = mllpClient('127.0.0.1', port);
      for (let k = 0; k < perConnection; k++) {
        const sent = performance.now();
        await client.send(adt(c * perConnection + k));
        latencies.push(performance.now() - sent);
      }
      await client.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const quantile = (q: number): string => (latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(3);
  process.stdout.write(
    `connections=${connections} messages=${latencies.length} msg/s=${Math.round(latencies.length / seconds)} ` +
      `ack_p50_ms=${quantile(0.5)} ack_p99_ms=${quantile(0.99)}\n`,
  );
}

if (process.argv[2] === 'server') {
  await serve();
} else {
  const child = fork(import.meta.filename, ['server']);
  const port = await new Promise<number>((resolve) =>
    child.once('message', (m: { port: number }) => resolve(m.port)),
  );
  for (const connections of [1, 4]) await run(port, connections);
  child.disconnect();
}
