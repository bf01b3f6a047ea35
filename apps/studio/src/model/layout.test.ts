import { describe, expect, test } from 'vitest';
import { Mapping, type MappingInput } from '@mapwright/engine';
import { autoLayout, needsLayout, nodeSize } from './layout';
import { example, expectCompiles, small } from './fixtures.test-helper';

function withoutPositions(m: Mapping): Mapping {
  return { ...m, nodes: m.nodes.map(({ position: _position, ...n }) => n) };
}

/** Nodes drawn at their estimated size overlap nowhere. */
function overlaps(m: Mapping): string[] {
  const boxes = m.nodes.map((n) => ({ id: n.id, ...n.position!, ...nodeSize(n, m) }));
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        found.push(`${a.id}/${b.id}`);
    }
  return found;
}

function expectColumns(m: Mapping): void {
  const right = (n: Mapping['nodes'][number]) => n.position!.x + nodeSize(n, m).width;
  const sources = m.nodes.filter((n) => n.type === 'source' || n.type === 'constant');
  const targets = m.nodes.filter((n) => n.type === 'target');
  const middle = m.nodes.filter((n) => n.type === 'transform' || n.type === 'lookup');
  const sourceRight = Math.max(...sources.map(right));
  const targetLeft = Math.min(...targets.map((n) => n.position!.x));
  expect(sourceRight).toBeLessThan(targetLeft);
  for (const n of middle) {
    expect(n.position!.x).toBeGreaterThan(sourceRight);
    expect(right(n)).toBeLessThan(targetLeft);
  }
}

//  source_i ──► transform_i ──► target_(i mod 100)   plus a constant into every tenth transform
function generated(count: number): Mapping {
  const nodes: MappingInput['nodes'] = [];
  const edges: MappingInput['edges'] = [];
  const third = count / 3;
  for (let i = 0; i < third; i++) {
    nodes.push({ id: `s${i}`, type: 'source', path: `PID.F${i + 1}` });
    nodes.push({ id: `t${i}`, type: 'transform', inputs: ['in'], expression: '$in' });
    nodes.push({ id: `p${i}`, type: 'target', resourceType: 'Patient' });
    edges.push({ id: `a${i}`, source: `s${i}`, target: `t${i}`, targetHandle: 'in' });
    edges.push({ id: `b${i}`, source: `t${i}`, target: `p${(i * 7) % third}`, targetHandle: `name` });
    if (i > 0) edges.push({ id: `c${i}`, source: `s${i - 1}`, target: `p${i}`, targetHandle: 'gender' });
  }
  return Mapping.parse({ id: 'big', name: 'Big', source: { format: 'hl7v2' }, nodes, edges });
}

describe('needsLayout', () => {
  test('is true when a node has no position', () => {
    expect(needsLayout(small())).toBe(false);
    expect(needsLayout(withoutPositions(small()))).toBe(true);
  });
  test('is true when saved positions put nodes on top of each other (the cramped example files)', () => {
    const m = small();
    const [first, second] = m.nodes;
    const stacked = {
      ...m,
      nodes: m.nodes.map((n) =>
        n.id === second!.id ? { ...n, position: { x: first!.position!.x, y: first!.position!.y + 10 } } : n,
      ),
    };
    expect(needsLayout(stacked)).toBe(true);
    expect(needsLayout(example('adt-patient'))).toBe(true);
  });
});

describe('autoLayout', () => {
  test('places sources left of transforms left of targets, without overlap (ADT example, positions removed)', async () => {
    const m = withoutPositions(example('adt-patient'));
    const laid = await autoLayout(m);
    expect(needsLayout(laid)).toBe(false);
    expectColumns(laid);
    expect(overlaps(laid)).toEqual([]);
    expect(laid.edges).toBe(m.edges);
    // only positions changed: the program is the same
    expectCompiles(laid);
    expect(m.nodes.every((n) => n.position === undefined)).toBe(true);
  });

  test('places every one of 300 nodes without overlap, targets in the last column', async () => {
    const m = generated(300);
    expect(m.nodes).toHaveLength(300);
    const laid = await autoLayout(m);
    expect(laid.nodes.filter((n) => n.position === undefined)).toEqual([]);
    expectColumns(laid);
    expect(overlaps(laid)).toEqual([]);
  });

  test('nodes with no wires still get a place in their column', async () => {
    const laid = await autoLayout(withoutPositions(small()));
    const pid7 = laid.nodes.find((n) => n.id === 'pid7')!;
    const patient = laid.nodes.find((n) => n.id === 'patient')!;
    expect(pid7.position!.x).toBeLessThan(patient.position!.x);
    expect(overlaps(laid)).toEqual([]);
  });
});
