import type { ChannelRecord } from '@mapwright/db';
import { splitBody } from './ingest-body';
import { messageInputs } from './ingest-store';
import type { GroupCommitter } from './group-commit';
import { mllpAck } from './mllp-ack';

export interface FrameOutcome {
  ack: Uint8Array;
  code: 'AA' | 'AE' | 'AR';
  /** Ids of the rows this frame became (the first message's id for a recognised retry). */
  ids: string[];
  duplicates: number;
}

/** Thrown when the frame could not be stored: no ACK is sent, the connection closes and the sender resends. */
export class StoreFailedError extends Error {
  constructor(readonly code: string) {
    super(`message not stored (${code})`);
  }
}

/**
 * One MLLP frame: decoded by MSH-18, stored (as a failed message when it cannot be read), and only then
 * answered. A retry of a stored message gets AA again: the sender missed our first ACK.
 */
export async function handleFrame(
  bytes: Uint8Array,
  channel: Pick<ChannelRecord, 'id'>,
  accepting: boolean,
  store: GroupCommitter,
): Promise<FrameOutcome> {
  const split = splitBody(bytes, 'hl7v2');
  const text = split.ok ? (split.messages[0]?.raw ?? '') : split.raw;
  if (!accepting)
    return {
      ack: mllpAck(text, 'AR', {
        code: 'channel-disabled',
        message: 'The channel is not accepting messages; send again later.',
        at: {},
      }),
      code: 'AR',
      ids: [],
      duplicates: 0,
    };
  const stored = await store.submit(
    messageInputs(split, { channelId: channel.id, transport: 'mllp', contentType: 'hl7v2' }),
  );
  if (!stored.ok) throw new StoreFailedError(stored.error.code);
  const ids = stored.value.map((m) => m.id);
  const duplicates = stored.value.filter((m) => m.duplicate).length;
  if (!split.ok) return { ack: mllpAck(text, 'AE', split.error), code: 'AE', ids, duplicates };
  return { ack: mllpAck(text, 'AA'), code: 'AA', ids, duplicates };
}
