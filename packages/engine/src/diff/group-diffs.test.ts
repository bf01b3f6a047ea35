import { describe, expect, it } from 'vitest';
import { describeGroup, groupDiffs, normalizePath } from './group-diffs';
import type { ElementDiff } from './output-diff';

const entry = { resourceType: 'Patient', fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001' };
const birthDate = (before: string, after: string): ElementDiff => ({
  kind: 'changed',
  path: 'Patient.birthDate',
  entry,
  before,
  after,
});
const telecom = (i: number, value: string): ElementDiff => ({
  kind: 'added',
  path: `Patient.telecom[${i}]`,
  entry,
  after: { system: 'phone', value },
});

describe('groupDiffs', () => {
  it('groups by kind and index-free path, counting messages, sorted by count', () => {
    const groups = groupDiffs(
      [
        { messageId: 'm1', diffs: [birthDate('1980-01-02', '1980-02-01')] },
        { messageId: 'm2', diffs: [telecom(0, '555-0100')] },
        { messageId: 'm3', diffs: [birthDate('1975-03-04', '1975-04-03')] },
      ],
      3,
    );
    expect(groups).toEqual([
      {
        kind: 'changed',
        path: 'Patient.birthDate',
        messages: ['m1', 'm3'],
        count: 2,
        total: 3,
        examples: [
          { messageId: 'm1', before: '1980-01-02', after: '1980-02-01' },
          { messageId: 'm3', before: '1975-03-04', after: '1975-04-03' },
        ],
      },
      {
        kind: 'added',
        path: 'Patient.telecom',
        messages: ['m2'],
        count: 1,
        total: 3,
        examples: [{ messageId: 'm2', before: undefined, after: { system: 'phone', value: '555-0100' } }],
      },
    ]);
  });

  it('counts a message once when it shows the same difference at several indices', () => {
    const [g] = groupDiffs([{ messageId: 'm1', diffs: [telecom(1, '555-0101'), telecom(2, '555-0102')] }], 1);
    expect(g?.messages).toEqual(['m1']);
    expect(g?.count).toBe(1);
  });

  it('keeps at most three examples, and orders equal counts by path', () => {
    const perMessage = ['a', 'b', 'c', 'd'].map((messageId) => ({
      messageId,
      diffs: [telecom(0, '555-0100'), birthDate('2000-01-01', '2000-01-02')],
    }));
    const groups = groupDiffs(perMessage, 4);
    expect(groups.map((g) => g.path)).toEqual(['Patient.birthDate', 'Patient.telecom']);
    expect(groups[0]?.count).toBe(4);
    expect(groups[0]?.examples.map((e) => e.messageId)).toEqual(['a', 'b', 'c']);
  });

  it('returns no groups when no message differs', () => {
    expect(groupDiffs([{ messageId: 'm1', diffs: [] }], 1)).toEqual([]);
  });
});

describe('normalizePath', () => {
  it('drops every array index', () => {
    expect(normalizePath('Patient.name[0].given[12]')).toBe('Patient.name.given');
  });
});

describe('describeGroup', () => {
  it('says what changed in how many messages, without any value', () => {
    const [changed, added] = groupDiffs(
      [
        { messageId: 'm1', diffs: [birthDate('1980-01-02', '1980-02-01')] },
        { messageId: 'm2', diffs: [birthDate('1975-03-04', '1975-04-03'), telecom(0, '555-0100')] },
      ],
      40,
    );
    expect(describeGroup(changed!)).toBe('Patient.birthDate changed in 2 of 40 messages');
    expect(describeGroup(added!)).toBe('Patient.telecom added in 1 of 40 messages');
    expect(describeGroup(changed!)).not.toContain('1980');
  });

  it('uses the singular for a single message', () => {
    const [g] = groupDiffs([{ messageId: 'm1', diffs: [birthDate('1980-01-02', '1980-02-01')] }], 1);
    expect(describeGroup(g!)).toBe('Patient.birthDate changed in 1 of 1 message');
  });
});
