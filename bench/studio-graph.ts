import { Mapping, type Edge, type MappingNode } from '@mapwright/engine';
import { needsLayout } from '../apps/studio/src/model/layout';

export const GENERATED = { sources: 150, transforms: 100, targets: 50 } as const;

// Columns left to right as an analyst arranges them (sources, transforms, targets); the steps leave room
// for the largest node of each kind, so the studio opens the graph as saved instead of laying it out.
const ROWS = 25;
const X_STEP = 300;
const Y_STEP = 160;
const TARGET_ELEMENTS = ['name.family', 'name.given', 'birthDate'] as const;

const pad = (i: number) => String(i).padStart(3, '0');
const at = (column: number, row: number) => ({ x: column * X_STEP, y: row * Y_STEP });

/**
 * A 300-node mapping for the panning benchmark:
 *
 *   s000 ──► t000 ──┐
 *   s001 ──► t001 ──┼──► p000 (name.family, name.given, birthDate)
 *   s100 ───────────┘
 *
 * sources 0–99 each feed one transform, transforms 2j and 2j+1 and source 100+j fill target j.
 */
export function generatedMapping(): Mapping {
  const nodes: MappingNode[] = [];
  const edges: Edge[] = [];
  for (let i = 0; i < GENERATED.sources; i++) {
    nodes.push({
      id: `s${pad(i)}`,
      type: 'source',
      label: `PID-${(i % 30) + 1}.${(i % 3) + 1}`,
      path: `PID.F${(i % 30) + 1}.C${(i % 3) + 1}`,
      position: at(Math.floor(i / ROWS), i % ROWS),
    });
  }
  const sourceColumns = Math.ceil(GENERATED.sources / ROWS);
  for (let i = 0; i < GENERATED.transforms; i++) {
    nodes.push({
      id: `t${pad(i)}`,
      type: 'transform',
      inputs: ['in'],
      expression: '$trim($string($in))',
      position: at(sourceColumns + Math.floor(i / ROWS), i % ROWS),
    });
    edges.push({
      id: `e-s${pad(i)}-t${pad(i)}`,
      source: `s${pad(i)}`,
      target: `t${pad(i)}`,
      targetHandle: 'in',
    });
  }
  const targetColumn = sourceColumns + Math.ceil(GENERATED.transforms / ROWS);
  for (let j = 0; j < GENERATED.targets; j++) {
    const id = `p${pad(j)}`;
    nodes.push({
      id,
      type: 'target',
      resourceType: 'Patient',
      references: [],
      position: at(targetColumn + Math.floor(j / ROWS), j % ROWS),
    });
    const feeds = [`t${pad(2 * j)}`, `t${pad(2 * j + 1)}`, `s${pad(GENERATED.transforms + j)}`];
    feeds.forEach((source, k) =>
      edges.push({ id: `e-${source}-${id}`, source, target: id, targetHandle: TARGET_ELEMENTS[k] }),
    );
  }
  const mapping = Mapping.parse({
    id: 'bench-300-nodes',
    name: 'Benchmark: 300 nodes',
    source: { format: 'hl7v2' },
    nodes,
    edges,
  });
  // The studio's own test: a graph it would lay out on open is not the graph measured.
  if (needsLayout(mapping)) throw new Error('the studio would lay the generated graph out again on open');
  return mapping;
}
