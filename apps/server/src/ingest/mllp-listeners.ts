import type { ChannelRepository, DeploymentRepository, MessageRepository } from '@mapwright/db';
import { createMllpServer, type MllpServer } from '@mapwright/mllp';
import { createGroupCommitter } from './group-commit';
import { handleFrame, StoreFailedError } from './mllp-frame';
import type { Metrics } from '../observability/metrics';

export interface MllpIngestOptions {
  channels: ChannelRepository;
  deployments: DeploymentRepository;
  messages: MessageRepository;
  /** Address the listeners bind to (127.0.0.1 unless configured). */
  host: string;
  /** How often channel changes are picked up; 0 turns the timer off (tests call reconcile()). */
  reconcileMs: number;
  /** Group commit: window and size limit of one storing transaction. */
  commitWindowMs?: number;
  commitMaxMessages?: number;
  /** PHI-free entries: ids, ports, codes and counts only. */
  log?: (entry: MllpLogEntry) => void;
  /** Counts frames by outcome, times their store, and tracks how many listeners are open. */
  metrics?: Pick<Metrics, 'received' | 'storeTimer' | 'mllpListeners'>;
}

export interface MllpLogEntry {
  event: 'mllp';
  action: 'listening' | 'stopped' | 'listen-failed' | 'rejected' | 'store-failed' | 'connection-problem';
  channelId: string;
  port?: number;
  code?: string;
  messageIds?: string[];
}

export interface MllpIngest {
  /** Makes the listeners match the channels: one per enabled, deployed channel with an MLLP port. */
  reconcile(): Promise<void>;
  /** Ports listened on now, by channel id. */
  listening(): Map<string, number>;
  close(): Promise<void>;
}

interface Listener {
  port: number;
  server: MllpServer;
  /** Read per frame: frames still arriving while a disabled channel's listener closes get AR. */
  state: { accepting: boolean };
}

/**
 * MLLP listeners for the channels. Changes (create, update, deploy) are picked up by a periodic reconcile
 * rather than hooks in the API: it needs no coupling to the routers and also sees changes made by another
 * process on the same PostgreSQL. The cost is a delay of up to `reconcileMs` before a new port listens.
 */
export function createMllpIngest(options: MllpIngestOptions): MllpIngest {
  const { channels, deployments, messages, host, log = () => {}, metrics } = options;
  const store = createGroupCommitter({
    insertMany: (inputs) => messages.insertMany(inputs),
    windowMs: options.commitWindowMs,
    maxMessages: options.commitMaxMessages,
  });
  const listeners = new Map<string, Listener>();
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const start = async (channelId: string, port: number): Promise<void> => {
    const state = { accepting: true };
    const server = createMllpServer({
      async onMessage(bytes) {
        try {
          const stopTimer = metrics?.storeTimer('mllp');
          const outcome = await handleFrame(bytes, { id: channelId }, state.accepting, store);
          if (outcome.code === 'AR') metrics?.received(channelId, 'mllp', 'refused');
          else {
            stopTimer?.();
            const fresh = outcome.ids.length - outcome.duplicates;
            metrics?.received(channelId, 'mllp', outcome.code === 'AE' ? 'failed' : 'stored', fresh);
            metrics?.received(channelId, 'mllp', 'duplicate', outcome.duplicates);
          }
          if (outcome.code !== 'AA')
            log({
              event: 'mllp',
              action: 'rejected',
              channelId,
              code: outcome.code,
              messageIds: outcome.ids,
            });
          return outcome.ack;
        } catch (error) {
          const code = error instanceof StoreFailedError ? error.code : 'store-error';
          log({ event: 'mllp', action: 'store-failed', channelId, code });
          // Not stored and not ACKed: the sender resends, so it counts as refused.
          metrics?.received(channelId, 'mllp', 'refused');
          throw error;
        }
      },
      // The problem's cause may quote message bytes: only its code is logged.
      onError: (problem) =>
        log({ event: 'mllp', action: 'connection-problem', channelId, code: problem.code }),
    });
    try {
      await server.listen(port, host);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      log({
        event: 'mllp',
        action: 'listen-failed',
        channelId,
        port,
        code: typeof code === 'string' ? code : 'error',
      });
      return;
    }
    listeners.set(channelId, { port, server, state });
    metrics?.mllpListeners(listeners.size);
    log({ event: 'mllp', action: 'listening', channelId, port });
  };

  const stop = async (channelId: string): Promise<void> => {
    const listener = listeners.get(channelId);
    if (!listener) return;
    listeners.delete(channelId);
    metrics?.mllpListeners(listeners.size);
    listener.state.accepting = false;
    await listener.server.close();
    log({ event: 'mllp', action: 'stopped', channelId, port: listener.port });
  };

  const reconcileOnce = async (): Promise<void> => {
    if (closed) return;
    const all = await channels.list();
    const live = await deployments.live(all.filter((c) => c.mllpPort !== null).map((c) => c.id));
    const wanted = new Map<string, number>();
    for (const c of all) if (c.enabled && c.mllpPort !== null && live.has(c.id)) wanted.set(c.id, c.mllpPort);
    // Stop first: a port moving from one channel to another must be free before it is bound again.
    await Promise.all([...listeners].filter(([id, l]) => wanted.get(id) !== l.port).map(([id]) => stop(id)));
    for (const [id, port] of wanted) if (!listeners.has(id)) await start(id, port);
  };

  const reconcile = (): Promise<void> => {
    running = running.then(reconcileOnce, reconcileOnce);
    return running;
  };

  let timer: NodeJS.Timeout | undefined;
  if (options.reconcileMs > 0) {
    timer = setInterval(() => {
      // A database outage must not crash the server; the next tick tries again.
      reconcile().catch(() =>
        log({ event: 'mllp', action: 'listen-failed', channelId: '*', code: 'reconcile-failed' }),
      );
    }, options.reconcileMs);
    timer.unref();
  }

  return {
    reconcile,
    listening: () => new Map([...listeners].map(([id, l]) => [id, l.port])),
    async close() {
      closed = true;
      clearInterval(timer);
      await running.catch(() => undefined);
      await Promise.all([...listeners.keys()].map(stop));
    },
  };
}
