import { describe, expect, it } from 'vitest';
import { compileMapping } from '../compiler/compile';
import type { MappingInput } from '../model';
import { semanticDiff, type SemanticMessage } from './semantic-diff';

// before:                                      after:
//  ┌──────────┐    ┌─────────┐                  ┌──────────┐    ┌─────────┐
//  │ family   ├───►│ patient │                  │ family   ├───►│ patient │
//  │ PID.F5.C1│    │ Patient │                  │ PID.F5.C1│    │ Patient │
//  └──────────┘    └────▲────┘                  └──────────┘    └──▲───▲──┘
//  ┌──────────┐   ┌─────┴─────┐                 ┌──────────┐  ┌────┴───┴──────────┐
//  │ birth    ├──►│ birthDate │                 │ birth    ├─►│ birthDate: year   │
//  │ PID.F7.C1│   │ $toDate   │                 │ PID.F7.C1│  │ $substring(..,0,4)│
//  └──────────┘   └───────────┘                 └──────────┘  └───────────────────┘
//                                               ┌──────────┐  ┌───────────────────┐
//                                               │ sex      ├─►│ gender (new)      │
//                                               └──────────┘  └───────────────────┘
const before: MappingInput = {
  id: 'tiny',
  name: 'Tiny',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01'] },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1' },
    { id: 'birth', type: 'source', path: 'PID.F7.C1' },
    { id: 'birthDate', type: 'transform', inputs: ['ts'], expression: '$toDate($ts)' },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' },
    { id: 'e2', source: 'birth', target: 'birthDate', targetHandle: 'ts' },
    { id: 'e3', source: 'birthDate', target: 'patient', targetHandle: 'birthDate' },
  ],
};
const after: MappingInput = {
  ...before,
  nodes: [
    ...before.nodes.map((n) =>
      n.id === 'birthDate' ? { ...n, expression: '$substring($toDate($ts), 0, 4)' } : n,
    ),
    { id: 'sex', type: 'source', path: 'PID.F8.C1' },
    { id: 'gender', type: 'transform', inputs: ['s'], expression: "$s = 'F' ? 'female' : 'robot'" },
  ],
  edges: [
    ...before.edges,
    { id: 'e4', source: 'sex', target: 'gender', targetHandle: 's' },
    { id: 'e5', source: 'gender', target: 'patient', targetHandle: 'gender' },
  ],
};

const compile = (m: MappingInput) => {
  const c = compileMapping(m);
  if (!c.ok) throw new Error(c.errors.map((e) => e.message).join('\n'));
  return c.value;
};

const adt = (id: string, pid: string) =>
  `MSH|^~\\&|S|F|R|F|20240101120000||ADT^A01|${id}|P|2.5.1\rPID|1||1^^^H^MR||${pid}`;

const messages: SemanticMessage[] = [
  { id: 's1', name: 'anna.hl7', origin: 'sample', text: adt('M1', 'Smith^Anna||19800101|F') },
  { id: 't1', name: 'bob', origin: 'test', text: adt('M2', 'Jones^Bob||19750615|M') },
  { id: 'c1', name: 'no-birth.hl7', origin: 'corpus', text: adt('M3', 'Lee^Kim|||F') },
  { id: 'c2', name: 'garbage.hl7', origin: 'corpus', text: 'not a message' },
];

describe('semanticDiff', () => {
  it('groups the output differences of every message and keeps each message with its own', async () => {
    const diff = await semanticDiff(compile(before), compile(after), messages);
    expect(diff.total).toBe(4);
    expect(diff.changed).toBe(3);
    expect(diff.groups.map((g) => [g.kind, g.path, g.messages])).toEqual([
      ['added', 'Patient.gender', ['s1', 't1', 'c1']],
      ['changed', 'Patient.birthDate', ['s1', 't1']],
    ]);
    const anna = diff.messages.find((m) => m.id === 's1')!;
    expect(anna).toMatchObject({ name: 'anna.hl7', origin: 'sample' });
    expect(anna.diffs).toContainEqual(
      expect.objectContaining({
        kind: 'changed',
        path: 'Patient.birthDate',
        before: '1980-01-01',
        after: '1980',
      }),
    );
    expect(diff.messages.find((m) => m.id === 'c2')!.diffs).toEqual([]);
  });

  it('counts validation errors and unmappable messages per version, with a value-free reason', async () => {
    const diff = await semanticDiff(compile(before), compile(after), messages);
    // 'robot' is no administrative gender: bob's Patient (sex M) fails validation only after the change
    expect(diff.validation.before).toEqual({ messages: 4, failedToMap: 1, errors: 0, warnings: 0 });
    expect(diff.validation.after).toMatchObject({ messages: 4, failedToMap: 1 });
    expect(diff.validation.after.errors).toBe(1);
    const bob = diff.messages.find((m) => m.id === 't1')!;
    expect(bob.before).toEqual({ ok: true, errors: 0, warnings: 0 });
    expect(bob.after).toEqual({ ok: true, errors: 1, warnings: 0 });
    const garbage = diff.messages.find((m) => m.id === 'c2')!;
    expect(garbage.before.ok).toBe(false);
    expect(garbage.before.problem).toBeTruthy();
    expect(garbage.before.problem).not.toContain('not a message');
  });

  it('shows a message both versions fail to map, for different reasons, as a changed Bundle', async () => {
    const only = (type: string): MappingInput => ({
      ...after,
      source: { format: 'hl7v2', messageTypes: [type] },
    });
    const diff = await semanticDiff(compile(only('ORU^R01')), compile(only('VXU^V04')), messages.slice(0, 1));
    expect(diff.messages[0]!.before.ok).toBe(false);
    expect(diff.messages[0]!.after.ok).toBe(false);
    expect(diff.groups.map((g) => [g.kind, g.path, g.count])).toEqual([['changed', 'Bundle', 1]]);
    const [change] = diff.messages[0]!.diffs;
    expect(change!.before).toContain('ORU^R01');
    expect(change!.after).toContain('VXU^V04');
  });

  it('finds no difference between a version and itself, and skips validation on request', async () => {
    const diff = await semanticDiff(compile(after), compile(after), messages, { validate: false });
    expect(diff).toMatchObject({ total: 4, changed: 0, groups: [] });
    expect(diff.validation.after.errors).toBe(0);
  });
});
