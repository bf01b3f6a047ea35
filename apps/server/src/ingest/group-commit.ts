import type { DbResult, InsertMessageInput } from '@mapwright/db';

export type Stored = DbResult<{ id: string; duplicate: boolean }[]>;

export interface GroupCommitOptions {
  insertMany(inputs: readonly InsertMessageInput[]): Promise<Stored>;
  /** How long the first waiting delivery may wait for company before its group is written. */
  windowMs?: number;
  /** A group is written at once when it holds this many messages. */
  maxMessages?: number;
}

export interface GroupCommitter {
  /** Resolves after the transaction holding these messages committed (or failed). */
  submit(inputs: readonly InsertMessageInput[]): Promise<Stored>;
}

interface Waiting {
  inputs: readonly InsertMessageInput[];
  resolve(result: Stored): void;
  reject(cause: unknown): void;
}

/**
 * Writes the deliveries of all connections that arrive within a short window in one transaction, so
 * durability costs one commit per group rather than per message. Groups are written one after another:
 * while one commits, the next fills up, which makes groups grow with the load.
 */
export function createGroupCommitter({
  insertMany,
  windowMs = 2,
  maxMessages = 100,
}: GroupCommitOptions): GroupCommitter {
  let waiting: Waiting[] = [];
  let count = 0;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const write = async (group: Waiting[]): Promise<void> => {
    const all = group.flatMap((w) => w.inputs);
    const stored = await insertMany(all).catch((cause: unknown) => ({ thrown: cause }));
    if ('ok' in stored && stored.ok) {
      let at = 0;
      for (const w of group) {
        w.resolve({ ok: true, value: stored.value.slice(at, at + w.inputs.length) });
        at += w.inputs.length;
      }
      return;
    }
    // One bad delivery must not fail its neighbours: write each on its own to find out which.
    for (const w of group) {
      const alone =
        group.length === 1
          ? stored
          : await insertMany(w.inputs).catch((cause: unknown) => ({ thrown: cause }));
      if ('ok' in alone) w.resolve(alone);
      else w.reject(alone.thrown);
    }
  };

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const group = waiting;
    waiting = [];
    count = 0;
    if (group.length > 0) writing = writing.then(() => write(group));
  };

  return {
    submit(inputs) {
      return new Promise((resolve, reject) => {
        waiting.push({ inputs, resolve, reject });
        count += inputs.length;
        if (count >= maxMessages) flush();
        else timer ??= setTimeout(flush, windowMs);
      });
    },
  };
}
