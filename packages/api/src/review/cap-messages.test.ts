import type { SemanticDiff } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { capMessages } from './cap-messages';

const outcome = { ok: true, errors: 0, warnings: 0 };

function diffOver(changedIds: ReadonlySet<number>, count: number): SemanticDiff {
  const messages = Array.from({ length: count }, (_, i) => ({
    id: `m${i}`,
    name: `m${i}.hl7`,
    origin: 'corpus' as const,
    diffs: changedIds.has(i)
      ? [
          {
            kind: 'changed' as const,
            path: 'Patient.birthDate',
            entry: { resourceType: 'Patient' },
            before: '1980',
            after: '1980-01-01',
          },
        ]
      : [],
    before: outcome,
    after: outcome,
  }));
  return {
    total: count,
    changed: changedIds.size,
    groups: [],
    messages,
    validation: {
      before: { messages: count, failedToMap: 0, errors: 0, warnings: 0 },
      after: { messages: count, failedToMap: 0, errors: 0, warnings: 0 },
    },
  };
}

describe('capMessages', () => {
  it('keeps the messages that differ first and says how many it left out', () => {
    const capped = capMessages(diffOver(new Set([7, 3]), 10), 4);
    expect(capped.messages.map((m) => m.id)).toEqual(['m3', 'm7', 'm0', 'm1']);
    expect(capped.omittedMessages).toBe(6);
    expect(capped.total).toBe(10);
  });

  it('counts a message that only stopped mapping as differing', () => {
    const diff = diffOver(new Set(), 3);
    diff.messages[2]!.after = { ok: false, errors: 0, warnings: 0, problem: 'PID-7: not a date' };
    expect(capMessages(diff, 1).messages.map((m) => m.id)).toEqual(['m2']);
  });

  it('leaves a small answer whole', () => {
    expect(capMessages(diffOver(new Set([1]), 3))).toMatchObject({
      omittedMessages: 0,
      messages: { length: 3 },
    });
  });
});
