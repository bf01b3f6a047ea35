import type { InsertMessageInput } from '@mapwright/db';
import { describe, expect, it } from 'vitest';
import { createGroupCommitter, type Stored } from './group-commit';

const message = (controlId: string): InsertMessageInput => ({
  channelId: '00000000-0000-4000-8000-000000000001',
  transport: 'mllp',
  contentType: 'hl7v2',
  raw: `MSH|^~\\&|||||||ADT^A01|${controlId}|P|2.5.1\r`,
  controlId,
});

/** A store that records each transaction and refuses any holding a control id starting with "BAD". */
function fakeStore() {
  const transactions: string[][] = [];
  return {
    transactions,
    insertMany: (inputs: readonly InsertMessageInput[]): Promise<Stored> => {
      const ids = inputs.map((m) => m.controlId ?? '');
      transactions.push(ids);
      if (ids.some((id) => id.startsWith('BAD')))
        return Promise.resolve({
          ok: false,
          error: { code: 'invalid_input', message: 'refused', at: { entity: 'message' } },
        });
      return Promise.resolve({ ok: true, value: ids.map((id) => ({ id: `row-${id}`, duplicate: false })) });
    },
  };
}

describe('group commit', () => {
  it('writes deliveries arriving within the window in one transaction and answers each its own rows', async () => {
    const store = fakeStore();
    const committer = createGroupCommitter({ insertMany: store.insertMany, windowMs: 5 });
    const results = await Promise.all(['A', 'B', 'C'].map((id) => committer.submit([message(id)])));
    expect(store.transactions).toEqual([['A', 'B', 'C']]);
    expect(results.map((r) => r.ok && r.value[0]?.id)).toEqual(['row-A', 'row-B', 'row-C']);
  });

  it('writes a group at once when it reaches the size limit', async () => {
    const store = fakeStore();
    const committer = createGroupCommitter({
      insertMany: store.insertMany,
      windowMs: 10_000,
      maxMessages: 2,
    });
    await Promise.all([committer.submit([message('A')]), committer.submit([message('B')])]);
    expect(store.transactions).toEqual([['A', 'B']]);
  });

  it('does not fail the neighbours of a delivery the store refuses', async () => {
    const store = fakeStore();
    const committer = createGroupCommitter({ insertMany: store.insertMany, windowMs: 5 });
    const [good, bad] = await Promise.all([
      committer.submit([message('A')]),
      committer.submit([message('BAD-1')]),
    ]);
    expect(good.ok).toBe(true);
    expect(bad.ok).toBe(false);
  });

  it('rejects the deliveries of a transaction that throws (database unreachable)', async () => {
    const committer = createGroupCommitter({
      insertMany: () => Promise.reject(new Error('connection lost')),
      windowMs: 1,
    });
    await expect(committer.submit([message('A')])).rejects.toThrow('connection lost');
  });
});
