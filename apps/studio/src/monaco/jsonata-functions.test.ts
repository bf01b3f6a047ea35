import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hl7Functions, mapMessage } from '@mapwright/engine';
import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { functionDoc, JSONATA_FUNCTIONS } from './jsonata-functions';

const engineNames = JSONATA_FUNCTIONS.filter((fn) => fn.group !== 'jsonata').map((fn) => fn.name);
const builtinNames = JSONATA_FUNCTIONS.filter((fn) => fn.group === 'jsonata').map((fn) => fn.name);

//  ┌────────────────────────────────────┐   ┌─────────┐
//  │ probe: "toDate=" & $type($toDate)… ├──►│ Patient │ id
//  └────────────────────────────────────┘   └─────────┘
// A real mapping run answers which functions a transform can call, so the catalogue is checked against
// what the engine registers, not against a second list that could drift with it.
async function typesSeenByATransform(names: string[]): Promise<Record<string, string>> {
  const expression = `$join([${names.map((n) => `"${n}=" & $type($${n})`).join(', ')}], " ")`;
  const mapping = {
    id: 'catalogue-probe',
    name: 'Catalogue probe',
    source: { format: 'hl7v2' },
    nodes: [
      { id: 'probe', type: 'transform', expression },
      { id: 'patient', type: 'target', resourceType: 'Patient' },
    ],
    edges: [{ id: 'e1', source: 'probe', target: 'patient', targetHandle: 'id' }],
  };
  const message = 'MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5.1\rPID|1||555';
  const result = await mapMessage(mapping, message, { validate: false, coverage: false });
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('; '));
  const id = String(result.bundle.entry?.[0]?.resource.id);
  return Object.fromEntries(id.split(' ').map((pair) => pair.split('=') as [string, string]));
}

describe('the JSONata function catalogue', () => {
  it('lists only engine functions a transform can really call', async () => {
    const types = await typesSeenByATransform(engineNames);
    expect(Object.keys(types)).toEqual(engineNames);
    for (const name of engineNames) expect({ name, type: types[name] }).toEqual({ name, type: 'function' });
  });

  it('lists every HL7 datatype function the engine registers', () => {
    const catalogued = JSONATA_FUNCTIONS.filter((fn) => fn.group === 'datatype').map((fn) => fn.name);
    expect([...catalogued].sort()).toEqual(Object.keys(hl7Functions()).sort());
  });

  it('lists only JSONata built-ins that exist', async () => {
    for (const name of builtinNames) {
      const type: unknown = await jsonata(`$type($${name})`).evaluate({});
      expect({ name, type }).toEqual({ name, type: 'function' });
    }
  });

  it('lists every built-in the installed JSONata binds', () => {
    // jsonata binds its library with `staticFrame.bind('name', ...)`; a new version adding one fails here.
    const source = readFileSync(createRequire(import.meta.url).resolve('jsonata'), 'utf8');
    const bound = [...source.matchAll(/staticFrame\.bind\('(\w+)'/g)].map((m) => m[1]!);
    expect(bound.length).toBeGreaterThan(50);
    expect(bound.filter((name) => functionDoc(name) === undefined)).toEqual([]);
  });

  it('gives every function a signature that starts with its name, and a doc', () => {
    for (const fn of JSONATA_FUNCTIONS) {
      expect(fn.signature.startsWith(`$${fn.name}(`), fn.name).toBe(true);
      expect(fn.doc.length, fn.name).toBeGreaterThan(10);
    }
    expect(new Set(JSONATA_FUNCTIONS.map((fn) => fn.name)).size).toBe(JSONATA_FUNCTIONS.length);
  });
});
