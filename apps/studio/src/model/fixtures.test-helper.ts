import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Mapping, compileMapping, type MappingInput } from '@mapwright/engine';
import type { GraphResult } from './graph-error';

/** One of the example mappings in mappings/, parsed as the editor would open it. */
export function example(name: string): Mapping {
  const url = new URL(`../../../../mappings/${name}/mapping.json`, import.meta.url);
  return Mapping.parse(JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as MappingInput);
}

//  ┌────┐  xpn  ┌──────────┐ name  ┌───────┐
//  │pid5├──────►│humanName ├──────►│patient│
//  └────┘       └──────────┘       │       │
//  ┌────┐  code ┌──────────┐gender │       │
//  │pid8├──────►│gender    ├──────►│       │
//  └────┘       └──────────┘       └───────┘
//  ┌────┐
//  │pid7│ (not wired)
//  └────┘
export function small(): Mapping {
  return Mapping.parse({
    id: 'small',
    name: 'Small',
    source: { format: 'hl7v2' },
    nodes: [
      { id: 'pid5', type: 'source', path: 'PID.F5', position: { x: 0, y: 0 } },
      { id: 'pid8', type: 'source', path: 'PID.F8.C1', position: { x: 0, y: 100 } },
      { id: 'pid7', type: 'source', path: 'PID.F7', position: { x: 0, y: 200 } },
      {
        id: 'humanName',
        type: 'transform',
        inputs: ['xpn'],
        expression: '$toHumanName($xpn)',
        position: { x: 400, y: 0 },
      },
      { id: 'gender', type: 'lookup', conceptMap: 'v2-0001', position: { x: 400, y: 150 } },
      { id: 'patient', type: 'target', resourceType: 'Patient', position: { x: 800, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'pid5', target: 'humanName', targetHandle: 'xpn' },
      { id: 'e2', source: 'humanName', target: 'patient', targetHandle: 'name' },
      { id: 'e3', source: 'pid8', target: 'gender', targetHandle: 'code' },
      { id: 'e4', source: 'gender', target: 'patient', targetHandle: 'gender' },
    ],
  } satisfies MappingInput);
}

/** The mapping of a successful operation; fails the test with the refusal otherwise. */
export function done<T extends object>(result: GraphResult<T>): Extract<GraphResult<T>, { ok: true }> {
  if (!result.ok) throw new Error(`refused: ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Still a document the engine accepts as a file. */
export function expectParses(m: Mapping): void {
  const parsed = Mapping.safeParse(m);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

/** Parses and compiles; the compile errors are shown when it does not. */
export function expectCompiles(m: Mapping): void {
  expectParses(m);
  const compiled = compileMapping(m);
  expect(compiled.ok ? [] : compiled.errors).toEqual([]);
}

/** No wire, parent link or reference names a node that is not there. */
export function expectNoDangling(m: Mapping): void {
  const ids = new Set(m.nodes.map((n) => n.id));
  for (const e of m.edges) {
    expect(ids.has(e.source), `edge ${e.id} source`).toBe(true);
    expect(ids.has(e.target), `edge ${e.id} target`).toBe(true);
  }
  for (const n of m.nodes) {
    if (n.type !== 'target') continue;
    if (n.parent !== undefined) expect(ids.has(n.parent), `${n.id} parent`).toBe(true);
    for (const r of n.references) expect(ids.has(r.target), `${n.id} reference`).toBe(true);
  }
}
