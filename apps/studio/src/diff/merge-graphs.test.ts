import { diffGraphs, Mapping, type MappingInput } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { mergeForDiff } from './merge-graphs';

const graph = (nodes: MappingInput['nodes'], edges: MappingInput['edges']): Mapping =>
  Mapping.parse({ id: 'adt', name: 'ADT', source: { format: 'hl7v2' }, nodes, edges });

const pid7 = { id: 'pid7', type: 'source', path: 'PID.F7' } as const;
const pid8 = { id: 'pid8', type: 'source', path: 'PID.F8' } as const;
const patient = { id: 'patient', type: 'target', resourceType: 'Patient' } as const;
const toDate = (expression: string) => ({
  id: 'birth',
  type: 'transform' as const,
  inputs: ['in'],
  expression,
});

//  before: ┌────┐  in  ┌─────┐ birthDate ┌───────┐      after: ┌────┐  in  ┌─────┐ birthDate ┌───────┐
//          │pid7├─────►│birth├──────────►│patient│             │pid7├─────►│birth├──────────►│patient│
//          └────┘      └─────┘           └───────┘             └────┘      └─────┘ (changed) └───┬───┘
//          ┌────┐ gender                     ▲                 ┌─────┐ active                    │
//          │pid8├────────────────────────────┘                 │const├───────────────────────────┘
//          └────┘                                              └─────┘
const before = graph(
  [pid7, pid8, toDate('$toDate($in)'), patient],
  [
    { id: 'e1', source: 'pid7', target: 'birth', targetHandle: 'in' },
    { id: 'e2', source: 'birth', target: 'patient', targetHandle: 'birthDate' },
    { id: 'e3', source: 'pid8', target: 'patient', targetHandle: 'gender' },
  ],
);
const after = graph(
  [pid7, toDate('$substring($in, 0, 4)'), patient, { id: 'yes', type: 'constant', value: true }],
  [
    { id: 'e1', source: 'pid7', target: 'birth', targetHandle: 'in' },
    { id: 'e2', source: 'birth', target: 'patient', targetHandle: 'birthDate' },
    { id: 'e3', source: 'yes', target: 'patient', targetHandle: 'active' },
  ],
);

describe('mergeForDiff', () => {
  it('marks the newer graph and puts back what the older one lost', () => {
    const merged = mergeForDiff(before, after, diffGraphs(before, after));
    expect(merged.nodeStatus).toEqual({
      pid7: 'unchanged',
      birth: 'changed',
      patient: 'unchanged',
      yes: 'added',
      pid8: 'removed',
    });
    expect(merged.edgeStatus).toEqual({
      e1: 'unchanged',
      e2: 'unchanged',
      e3: 'added',
      'removed:e3': 'removed',
    });
    expect(merged.mapping.nodes.map((n) => n.id)).toEqual(['pid7', 'birth', 'patient', 'yes', 'pid8']);
    expect(merged.mapping.edges.find((e) => e.id === 'removed:e3')).toMatchObject({
      source: 'pid8',
      target: 'patient',
      targetHandle: 'gender',
    });
  });

  it('shows a node that changed kind twice, the old one renamed with the wires that touched it', () => {
    const constantBirth = graph(
      [pid7, { id: 'birth', type: 'constant', value: '1970-01-01' }, patient],
      [{ id: 'e2', source: 'birth', target: 'patient', targetHandle: 'birthDate' }],
    );
    const merged = mergeForDiff(before, constantBirth, diffGraphs(before, constantBirth));
    expect(merged.nodeStatus['birth']).toBe('added');
    expect(merged.nodeStatus['removed:birth']).toBe('removed');
    const removedInput = merged.mapping.edges.find((e) => e.id === 'removed:e1');
    expect(removedInput).toMatchObject({ source: 'pid7', target: 'removed:birth' });
    // Every edge ends at a node of the merged graph, so the canvas can draw it.
    const ids = new Set(merged.mapping.nodes.map((n) => n.id));
    expect(merged.mapping.edges.filter((e) => !ids.has(e.source) || !ids.has(e.target))).toEqual([]);
  });

  it('marks a wire that fills the same input from another source as changed, once', () => {
    const rewired = graph(
      [pid7, pid8, toDate('$toDate($in)'), patient],
      [
        { id: 'e1', source: 'pid8', target: 'birth', targetHandle: 'in' },
        { id: 'e2', source: 'birth', target: 'patient', targetHandle: 'birthDate' },
        { id: 'e3', source: 'pid8', target: 'patient', targetHandle: 'gender' },
      ],
    );
    const merged = mergeForDiff(before, rewired, diffGraphs(before, rewired));
    expect(merged.edgeStatus).toEqual({ e1: 'changed', e2: 'unchanged', e3: 'unchanged' });
    expect(merged.mapping.edges).toHaveLength(3);
  });
});
