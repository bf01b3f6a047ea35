import net, { type AddressInfo } from 'node:net';
import { createMllpDecoder, DEFAULT_MAX_FRAME_BYTES } from './decoder';
import { encodeFrame } from './frame-bytes';
import type { FrameError } from './frame-error';

export interface MessageMeta {
  connectionId: number;
  remoteAddress: string | undefined;
  remotePort: number | undefined;
  /** Stream offset of the frame's start block on its connection. */
  offset: number;
}

export interface ConnectionMeta {
  connectionId: number;
  remoteAddress: string | undefined;
  remotePort: number | undefined;
}

/**
 * Something went wrong on one connection; the server keeps running. A failed handler closes its connection:
 * replies go out in order, so the sender cannot get later ACKs before it resends the failed message.
 */
export type ConnectionProblem =
  | FrameError
  | { kind: 'error'; code: 'handler-failed'; message: string; offset: number; cause: unknown }
  | { kind: 'error'; code: 'socket-error'; message: string; offset: number; cause: unknown };

export interface MllpServerOptions {
  /** Resolves to the ACK payload (unframed). Called as frames arrive; replies are written in arrival order. */
  onMessage(bytes: Uint8Array, meta: MessageMeta): Promise<Uint8Array>;
  onError?(problem: ConnectionProblem, meta: ConnectionMeta): void;
  maxFrameBytes?: number;
  /** Stop reading a connection while more than this many of its replies are unwritten. */
  maxPendingAcks?: number;
}

export interface ConnectionStats {
  connectionId: number;
  pendingAcks: number;
  /** Reply bytes queued in user space, not yet handed to the kernel. */
  bufferedBytes: number;
  bytesRead: number;
  paused: boolean;
}

export interface MllpServer {
  listen(port: number, host?: string): Promise<AddressInfo>;
  /**
   * Stops accepting, lets each connection write its pending replies and ends it; resolves when all are closed.
   * Connections still open after `graceMs` (a peer that never reads) are destroyed.
   */
  close(graceMs?: number): Promise<void>;
  stats(): ConnectionStats[];
}

type Outcome = { ok: true; ack: Uint8Array } | { ok: false; cause: unknown };

interface Connection {
  socket: net.Socket;
  meta: ConnectionMeta;
  pending: number;
  paused: boolean;
  needDrain: boolean;
  closing: boolean;
  pump(): void;
}

export function createMllpServer(options: MllpServerOptions): MllpServer {
  const maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const maxPendingAcks = options.maxPendingAcks ?? 64;
  const connections = new Set<Connection>();
  let nextId = 1;
  let whenIdle: (() => void) | undefined;

  const report = (problem: ConnectionProblem, meta: ConnectionMeta): void => {
    try {
      options.onError?.(problem, meta);
    } catch {
      // A failing error listener must not take the server down with it.
    }
  };

  const handle = (socket: net.Socket): void => {
    socket.setNoDelay(true);
    const meta: ConnectionMeta = {
      connectionId: nextId++,
      remoteAddress: socket.remoteAddress,
      remotePort: socket.remotePort,
    };
    const conn: Connection = {
      socket,
      meta,
      pending: 0,
      paused: false,
      needDrain: false,
      closing: false,
      pump: () => undefined,
    };
    connections.add(conn);
    const decoder = createMllpDecoder({ maxFrameBytes });
    // Frames read but not yet handed to the handler: one read can hold hundreds of small frames, and starting
    // them all would queue their replies however slowly the sender reads them.
    const inbox: Array<{ bytes: Uint8Array; offset: number }> = [];
    let replies: Promise<void> = Promise.resolve();
    let failed = false;

    const run = async (bytes: Uint8Array, offset: number): Promise<Outcome> => {
      try {
        return { ok: true, ack: await options.onMessage(bytes, { ...meta, offset }) };
      } catch (cause) {
        return { ok: false, cause };
      }
    };

    const dispatch = (bytes: Uint8Array, offset: number): void => {
      conn.pending++;
      const outcome = run(bytes, offset); // start now so a slow store can commit several messages together
      replies = replies.then(async () => {
        const result = await outcome;
        conn.pending--;
        if (failed || socket.destroyed) return;
        if (!result.ok) {
          failed = true;
          inbox.length = 0;
          report(
            {
              kind: 'error',
              code: 'handler-failed',
              message: 'message handler failed',
              offset,
              cause: result.cause,
            },
            meta,
          );
          socket.destroy();
          return;
        }
        if (!socket.write(encodeFrame(result.ack))) conn.needDrain = true;
        pump();
      });
    };

    const pump = (): void => {
      while (inbox.length > 0 && !conn.needDrain && conn.pending < maxPendingAcks) {
        const next = inbox.shift();
        if (next) dispatch(next.bytes, next.offset);
      }
      const shouldPause =
        conn.closing || conn.needDrain || inbox.length > 0 || conn.pending >= maxPendingAcks;
      if (shouldPause && !conn.paused) {
        conn.paused = true;
        socket.pause();
      } else if (!shouldPause && conn.paused) {
        conn.paused = false;
        socket.resume();
      }
      if (conn.closing && conn.pending === 0 && inbox.length === 0 && !socket.destroyed) socket.end();
    };
    conn.pump = pump;

    socket.on('data', (chunk: Buffer) => {
      if (failed) return;
      for (const item of decoder.feed(chunk)) {
        if (item.kind === 'frame') inbox.push(item);
        else report(item, meta);
      }
      pump();
    });
    socket.on('drain', () => {
      conn.needDrain = false;
      pump();
    });
    socket.on('end', () => {
      for (const problem of decoder.end()) report(problem, meta);
      // Half-open: the sender finished writing; answer what it sent, then close our side.
      conn.closing = true;
      pump();
    });
    socket.on('error', (cause) => {
      report(
        { kind: 'error', code: 'socket-error', message: 'connection error', offset: socket.bytesRead, cause },
        meta,
      );
    });
    socket.on('close', () => {
      connections.delete(conn);
      if (connections.size === 0) whenIdle?.();
    });
  };

  const server = net.createServer({ allowHalfOpen: true }, handle);
  // Errors after listen() succeeded (rare: e.g. EMFILE on accept) must not crash the process.
  server.on('error', () => undefined);

  return {
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        const onError = (error: Error): void => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = (): void => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(port, host);
      });
    },
    close(graceMs = 5_000) {
      return new Promise((resolve) => {
        if (!server.listening && connections.size === 0) {
          resolve();
          return;
        }
        const timer = setTimeout(() => {
          for (const conn of connections) conn.socket.destroy();
        }, graceMs);
        timer.unref();
        const done = (): void => {
          clearTimeout(timer);
          resolve();
        };
        // net.Server's callback can run before the sockets' own close listeners: wait for ours too.
        server.close(() => {
          if (connections.size === 0) done();
          else whenIdle = done;
        });
        for (const conn of connections) {
          conn.closing = true;
          conn.pump();
        }
      });
    },
    stats() {
      return [...connections].map((conn) => ({
        connectionId: conn.meta.connectionId,
        pendingAcks: conn.pending,
        bufferedBytes: conn.socket.writableLength,
        bytesRead: conn.socket.bytesRead,
        paused: conn.paused,
      }));
    },
  };
}
