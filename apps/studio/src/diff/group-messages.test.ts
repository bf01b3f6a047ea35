import { groupDiffs, type ElementDiff } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import type { MessageDiff } from './comparison';
import { groupMessages, showValue } from './group-messages';

const ok = { ok: true, errors: 0, warnings: 0 };
const patient = { resourceType: 'Patient' };
const message = (id: string, diffs: ElementDiff[]): MessageDiff => ({
  id,
  name: `${id}.hl7`,
  origin: 'sample',
  diffs,
  before: ok,
  after: ok,
});

describe('groupMessages', () => {
  it('opens a group onto the messages it covers and only the differences that put them there', () => {
    const messages = [
      message('a', [
        { kind: 'changed', path: 'Patient.birthDate', entry: patient, before: '1961-06-15', after: '1961' },
        { kind: 'added', path: 'Patient.name[0].given[1]', entry: patient, after: 'Q' },
      ]),
      message('b', []),
      message('c', [
        { kind: 'changed', path: 'Patient.birthDate', entry: patient, before: '1980-01-02', after: '1980' },
      ]),
    ];
    const groups = groupDiffs(
      messages.map((m) => ({ messageId: m.id, diffs: m.diffs })),
      messages.length,
    );
    const birthDate = groups.find((g) => g.path === 'Patient.birthDate')!;
    const covered = groupMessages(birthDate, messages);
    expect(covered.map((m) => m.name)).toEqual(['a.hl7', 'c.hl7']);
    expect(covered[0]!.diffs).toEqual([messages[0]!.diffs[0]]);

    const given = groups.find((g) => g.path === 'Patient.name.given')!;
    expect(groupMessages(given, messages).map((m) => m.diffs.map((d) => d.path))).toEqual([
      ['Patient.name[0].given[1]'],
    ]);
  });
});

describe('showValue', () => {
  it('shows strings quoted, nothing as a dash, and long values shortened', () => {
    expect(showValue('1961')).toBe('"1961"');
    expect(showValue(undefined)).toBe('—');
    expect(showValue({ family: 'x'.repeat(100) }, 20)).toHaveLength(20);
  });
});
