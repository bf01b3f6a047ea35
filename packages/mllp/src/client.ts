import net from 'node:net';
import { createMllpDecoder } from './decoder';
import { encodeFrame } from './frame-bytes';

export interface MllpClientOptions {
  /** How long one message may wait for its ACK. */
  timeoutMs?: number;
  maxFrameBytes?: number;
}

export interface MllpClient {
  /** Sends one message and resolves to its ACK payload. Calls may overlap: ACKs are matched first in, first out. */
  send(bytes: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

interface Waiter {
  resolve(ack: Uint8Array): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class MllpClientError extends Error {
  constructor(
    readonly code: 'ack-timeout' | 'connection-failed' | 'connection-closed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A minimal MLLP sender: connects on first use, reconnects after a failure. A timeout or a lost connection fails
 * every waiting message, because ACKs that arrive later could no longer be matched to their message in order.
 */
export function mllpClient(host: string, port: number, options: MllpClientOptions = {}): MllpClient {
  const timeoutMs = options.timeoutMs ?? 10_000;
  let socket: net.Socket | undefined;
  let waiters: Waiter[] = [];

  const failAll = (error: MllpClientError): void => {
    const failed = waiters;
    waiters = [];
    for (const waiter of failed) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    socket?.destroy();
    socket = undefined;
  };

  const connect = (): net.Socket => {
    const decoder = createMllpDecoder(options);
    const s = net.connect({ host, port, noDelay: true });
    s.on('data', (chunk: Buffer) => {
      for (const item of decoder.feed(chunk)) {
        if (item.kind !== 'frame') continue; // stray bytes from the server are not an ACK
        const waiter = waiters.shift();
        if (!waiter) continue;
        clearTimeout(waiter.timer);
        waiter.resolve(item.bytes);
      }
    });
    s.on('error', (error) => {
      if (socket === s)
        failAll(new MllpClientError('connection-failed', `connection failed: ${error.message}`));
    });
    s.on('close', () => {
      if (socket === s) failAll(new MllpClientError('connection-closed', 'connection closed before the ACK'));
    });
    return s;
  };

  return {
    send(bytes) {
      socket ??= connect();
      const target = socket;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          if (socket === target) failAll(new MllpClientError('ack-timeout', `no ACK within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.push({ resolve, reject, timer });
        target.write(encodeFrame(bytes));
      });
    },
    close() {
      const s = socket;
      socket = undefined;
      failAll(new MllpClientError('connection-closed', 'client closed'));
      if (!s || s.destroyed) return Promise.resolve();
      return new Promise((resolve) => {
        s.once('close', () => resolve());
        s.end();
      });
    },
  };
}
