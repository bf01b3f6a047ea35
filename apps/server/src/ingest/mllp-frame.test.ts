import { describe, expect, it } from 'vitest';
import type { GroupCommitter } from './group-commit';
import { handleFrame } from './mllp-frame';

const frame = new TextEncoder().encode(
  'MSH|^~\\&|ADMIT|ST-MARY|MAPWRIGHT|HUB|20250101120000||ADT^A01|CTRL-9|P|2.5.1\rPID|1||MRN-1\r',
);
const channel = { id: '00000000-0000-4000-8000-000000000001' };

function recordingStore() {
  const submitted: unknown[] = [];
  const store: GroupCommitter = {
    submit: (inputs) => {
      submitted.push(...inputs);
      return Promise.resolve({ ok: true, value: inputs.map(() => ({ id: 'row-1', duplicate: false })) });
    },
  };
  return { store, submitted };
}

describe('an MLLP frame', () => {
  it('is refused with AR and an ERR, and not stored, when the channel stopped accepting', async () => {
    const { store, submitted } = recordingStore();
    const outcome = await handleFrame(frame, channel, false, store);
    const ack = new TextDecoder().decode(outcome.ack).split('\r');
    expect(ack[1]).toBe('MSA|AR|CTRL-9');
    expect(ack[2]).toMatch(/^ERR\|\|\|207\^/);
    expect(submitted).toHaveLength(0);
  });

  it('is not answered when it could not be stored, so the sender sends it again', async () => {
    const store: GroupCommitter = {
      submit: () =>
        Promise.resolve({ ok: false, error: { code: 'conflict', message: 'x', at: { entity: 'message' } } }),
    };
    await expect(handleFrame(frame, channel, true, store)).rejects.toThrow('message not stored (conflict)');
  });
});
