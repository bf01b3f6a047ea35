import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export type Transport = 'http' | 'mllp';
/** stored: kept for processing; duplicate: a retry recognised; failed: kept as unreadable; refused: not kept. */
export type ReceivedOutcome = 'stored' | 'duplicate' | 'failed' | 'refused';

/** The server's metrics. Labels carry channel ids and transports only, never message content (PHI). */
export interface Metrics {
  registry: Registry;
  received(channel: string, transport: Transport, outcome: ReceivedOutcome, count?: number): void;
  /** Starts a timer for one durable store; call the result when the store has committed. */
  storeTimer(transport: Transport): () => void;
  mllpListeners(count: number): void;
}

/** A registry of our own (not prom-client's global one), so several apps can live in one process. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const received = new Counter({
    name: 'mapwright_messages_received_total',
    help: 'Messages received, by channel, transport and outcome.',
    labelNames: ['channel', 'transport', 'outcome'] as const,
    registers: [registry],
  });
  const storeSeconds = new Histogram({
    name: 'mapwright_ingest_store_seconds',
    help: 'Time from receiving a request or frame to its messages being durably stored.',
    labelNames: ['transport'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const listeners = new Gauge({
    name: 'mapwright_mllp_listeners',
    help: 'MLLP listeners open now.',
    registers: [registry],
  });
  return {
    registry,
    received: (channel, transport, outcome, count = 1) => {
      if (count > 0) received.inc({ channel, transport, outcome }, count);
    },
    storeTimer: (transport) => {
      const end = storeSeconds.startTimer({ transport });
      return () => void end();
    },
    mllpListeners: (count) => listeners.set(count),
  };
}
