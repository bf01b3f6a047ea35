import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Mapping, type MappingInput } from '../model';
import { diffGraphs, isEmpty, summarizeGraphDiff } from './graph-diff';

//  ┌────┐     ┌─────────┐          ┌───────┐
//  │pid7├────►│birthDate├─────────►│patient│ (birthDate)
//  └────┘ dt  └─────────┘          │       │
//  ┌────┐     ┌──────┐             │       │
//  │pid8├────►│gender├────────────►│       │ (gender)
//  └────┘ code└──────┘  (lookup)   └───────┘
const base: MappingInput = {
  id: 'diff-test',
  name: 'Diff test',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01'] },
  nodes: [
    { id: 'pid7', type: 'source', path: 'PID.F7', position: { x: 0, y: 0 } },
    { id: 'pid8', type: 'source', path: 'PID.F8', position: { x: 0, y: 100 } },
    {
      id: 'birthDate',
      type: 'transform',
      inputs: ['dt'],
      expression: '$substring($dt, 0, 8)',
      position: { x: 200, y: 0 },
    },
    { id: 'gender', type: 'lookup', conceptMap: 'v2-0001', position: { x: 200, y: 100 } },
    { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'pid7', target: 'birthDate', targetHandle: 'dt' },
    { id: 'e2', source: 'birthDate', target: 'patient', targetHandle: 'birthDate' },
    { id: 'e3', source: 'pid8', target: 'gender', targetHandle: 'code' },
    { id: 'e4', source: 'gender', target: 'patient', targetHandle: 'gender' },
  ],
};

/** A parsed copy of `base` with `edit` applied to a mutable clone of its input. */
function variant(edit: (m: MappingInput) => void = () => {}): Mapping {
  const copy = structuredClone(base);
  edit(copy);
  return Mapping.parse(copy);
}

const nodeInput = (m: MappingInput, id: string) =>
  m.nodes.find((n) => n.id === id) as Record<string, unknown>;

describe('diffGraphs', () => {
  it('finds nothing between a graph and itself', () => {
    const diff = diffGraphs(variant(), variant());
    expect(isEmpty(diff, { includeMoves: true })).toBe(true);
    expect(summarizeGraphDiff(diff)).toEqual([]);
  });

  it('reports an edited transform expression with its before and after', () => {
    // birthDate's expression now keeps the whole timestamp; wiring unchanged.
    const after = variant((m) => {
      nodeInput(m, 'birthDate').expression = '$dt';
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.nodes.changed).toEqual([
      {
        id: 'birthDate',
        type: 'transform',
        changes: [{ field: 'expression', before: '$substring($dt, 0, 8)', after: '$dt' }],
      },
    ]);
    expect(summarizeGraphDiff(diff)).toEqual(['node birthDate: expression changed']);
  });

  it('names a nested lookup parameter by its dotted path', () => {
    // gender: unmapped codes used to fail the message; now they default to `unknown`.
    const after = variant((m) => {
      nodeInput(m, 'gender').unmapped = { policy: 'default', code: 'unknown' };
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.nodes.changed[0]?.changes).toEqual([
      { field: 'unmapped.policy', before: 'error', after: 'default' },
      { field: 'unmapped.code', before: undefined, after: 'unknown' },
    ]);
    expect(summarizeGraphDiff(diff)).toEqual(['node gender: unmapped.policy, unmapped.code changed']);
  });

  it('lists a node that was only dragged as moved, not changed', () => {
    //  pid8 dragged from (0,100) to (40,160); nothing else touched.
    const after = variant((m) => {
      nodeInput(m, 'pid8').position = { x: 40, y: 160 };
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.moved).toEqual(['pid8']);
    expect(isEmpty(diff)).toBe(true);
    expect(isEmpty(diff, { includeMoves: true })).toBe(false);
    expect(summarizeGraphDiff(diff)).toEqual(['layout: 1 node moved']);
  });

  it('reports an edge rewired to another element as removed and added', () => {
    //  ┌─────────┐               ┌───────┐
    //  │birthDate├──── ✗ ───────►│patient│ (birthDate)
    //  └─────────┘   └──────────►│       │ (deceasedDateTime)
    const after = variant((m) => {
      m.edges[1] = { id: 'e2', source: 'birthDate', target: 'patient', targetHandle: 'deceasedDateTime' };
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.edges.removed.map((e) => e.targetHandle)).toEqual(['birthDate']);
    expect(diff.edges.added.map((e) => e.targetHandle)).toEqual(['deceasedDateTime']);
    expect(diff.edges.changed).toEqual([]);
    expect(summarizeGraphDiff(diff)).toEqual([
      'edge birthDate -> patient (birthDate) removed',
      'edge birthDate -> patient (deceasedDateTime) added',
    ]);
  });

  it('reports an input fed from another node as one changed edge', () => {
    //  ┌────┐             ┌─────────┐
    //  │pid7├─── ✗ ─────► │birthDate│ (dt)
    //  │pid8├───────────► │         │
    //  └────┘             └─────────┘
    const after = variant((m) => {
      m.edges[0] = { id: 'e1', source: 'pid8', target: 'birthDate', targetHandle: 'dt' };
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.edges.added).toEqual([]);
    expect(diff.edges.removed).toEqual([]);
    expect(diff.edges.changed[0]?.changes).toEqual([{ field: 'source', before: 'pid7', after: 'pid8' }]);
    expect(summarizeGraphDiff(diff)).toEqual(['edge pid7 -> birthDate (dt) now from pid8']);
  });

  it('ignores an edge whose id alone was renamed', () => {
    const after = variant((m) => {
      m.edges[3] = { ...m.edges[3]!, id: 'e-gender-patient' };
    });
    expect(isEmpty(diffGraphs(variant(), after), { includeMoves: true })).toBe(true);
  });

  it('reports a node added together with the edge that feeds it', () => {
    //                ┌───────┐
    //  ┌─────┐  new  │patient│
    //  │pid11├──────►│       │ (address)
    //  └─────┘       └───────┘
    const after = variant((m) => {
      m.nodes.push({ id: 'pid11', type: 'source', path: 'PID.F11' });
      m.edges.push({ id: 'e5', source: 'pid11', target: 'patient', targetHandle: 'address' });
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.nodes.added.map((n) => n.id)).toEqual(['pid11']);
    expect(summarizeGraphDiff(diff)).toEqual([
      'node pid11 (source) added',
      'edge pid11 -> patient (address) added',
    ]);
  });

  it('counts a node whose type changed as removed and added', () => {
    // gender becomes a constant: same id, nothing in common with the lookup it replaces.
    const after = variant((m) => {
      m.nodes[3] = { id: 'gender', type: 'constant', value: 'unknown' };
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.nodes.removed.map((n) => n.type)).toEqual(['lookup']);
    expect(diff.nodes.added.map((n) => n.type)).toEqual(['constant']);
    expect(diff.nodes.changed).toEqual([]);
    expect(diff.nodes.moved).toEqual([]);
  });

  it('reports mapping-level changes by field', () => {
    const after = variant((m) => {
      m.name = 'Diff test v2';
      m.source.messageTypes = ['ADT^A01', 'ADT^A08'];
      m.settings = { defaultTimeZone: 'America/New_York' };
    });
    const diff = diffGraphs(variant(), after);
    expect(diff.mapping.map((c) => c.field)).toEqual([
      'name',
      'source.messageTypes',
      'settings.defaultTimeZone',
    ]);
    expect(summarizeGraphDiff(diff)).toEqual([
      'mapping: name, source.messageTypes, settings.defaultTimeZone changed',
    ]);
  });

  it('finds exactly one edit in the adt-patient example mapping', () => {
    const file = new URL('../../../../mappings/adt-patient/mapping.json', import.meta.url);
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const before = Mapping.parse(raw);
    const edited = structuredClone(raw) as MappingInput;
    const node = nodeInput(edited, 'birthDate');
    expect(node.type).toBe('transform');
    node.expression = `(${String(node.expression)})`;
    const diff = diffGraphs(before, Mapping.parse(edited));
    expect(isEmpty(diffGraphs(before, Mapping.parse(raw)), { includeMoves: true })).toBe(true);
    expect(diff.nodes.changed.map((n) => [n.id, n.changes.map((c) => c.field)])).toEqual([
      ['birthDate', ['expression']],
    ]);
    expect(summarizeGraphDiff(diff)).toEqual(['node birthDate: expression changed']);
  });
});
