import { describe, expect, it } from 'vitest';
import { ADT_A01 } from '../__fixtures__/adt-a01';
import type { MappingInput } from '../model';
import { mapMessage } from './run-mapping';

//  ┌──────────────────────┐     ┌─────────┐
//  │ hostile (transform)  ├────►│ patient │ name.text
//  └──────────────────────┘     └─────────┘
const hostile = (expression: string): MappingInput => ({
  id: 'hostile',
  name: 'Hostile',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1' },
    { id: 'hostile', type: 'transform', inputs: ['x'], expression },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'family', target: 'hostile', targetHandle: 'x' },
    { id: 'e2', source: 'hostile', target: 'patient', targetHandle: 'name.text' },
  ],
});

const failure = async (expression: string, limits = {}): Promise<{ code: string; nodeId?: string }> => {
  const r = await mapMessage(hostile(expression), ADT_A01, { validate: false, limits });
  if (r.ok) throw new Error('expected a failure');
  return { code: r.errors[0]?.code ?? '', nodeId: r.errors[0]?.at.nodeId };
};

describe('limits: hostile expressions fail fast, naming the node', () => {
  it('$pad to a huge width', async () => {
    expect(await failure('$pad($x, 100000000)')).toMatchObject({ code: 'limit-string', nodeId: 'hostile' });
  });

  it('unbounded recursion hits the time limit', async () => {
    const f = await failure('($f := function($n) { $f($n + 1) }; $f(0))', { timeoutMs: 200 });
    expect(f).toMatchObject({ code: 'limit-time', nodeId: 'hostile' });
  });

  it('deep non-tail recursion hits the depth limit', async () => {
    expect(await failure('($f := function($n) { 1 + $f($n + 1) }; $f(0))')).toMatchObject({
      code: 'limit-depth',
      nodeId: 'hostile',
    });
  });

  it('a huge range', async () => {
    expect(await failure('$count([1..100000000])')).toMatchObject({
      code: 'limit-sequence',
      nodeId: 'hostile',
    });
  });

  it('a range under JSONata’s own cap but over ours', async () => {
    expect(await failure('$count([1..5000000])')).toMatchObject({
      code: 'limit-sequence',
      nodeId: 'hostile',
    });
  });

  it('string doubling', async () => {
    const f = await failure('($f := function($s, $n) { $n = 0 ? $s : $f($s & $s, $n - 1) }; $f($x, 40))');
    expect(['limit-memory', 'limit-output']).toContain(f.code);
    expect(f.nodeId).toBe('hostile');
  });

  it('output past the size limit', async () => {
    expect(await failure('$join([1..5000].($pad($x, 100)))', { maxOutputChars: 100_000 })).toMatchObject({
      code: 'limit-output',
      nodeId: 'patient',
    });
  });

  it('$join building a huge string', async () => {
    expect(await failure('$join([1..15000].($pad($x, 100)))')).toMatchObject({
      code: 'limit-string',
      nodeId: 'hostile',
    });
  });

  // A backtracking RegExp never returns on these (one match call never yields to the time limit), so the
  // test would time out; the engine runs regexes on RE2, which matches in linear time.
  it.each([
    ['$match', '$match($h, /^(a+)+$/)'],
    ['$contains', '$contains($h, /^(a|a)*$/) ? "yes" : "no"'],
    ['$replace', '$replace($h, /(a|aa)+$/, "x")'],
  ])('a catastrophic regex in %s returns at once', async (_name, call) => {
    const expression = `($h := $pad("", 30000, "a") & "!"; $string(${call}))`;
    const r = await mapMessage(hostile(expression), ADT_A01, { validate: false });
    expect(r.ok).toBe(true);
  });

  it('a regex feature that cannot run in linear time is refused when the mapping compiles, on its node', async () => {
    const r = await mapMessage(hostile('$match($x, /(a)\\1/)'), ADT_A01, { validate: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ code: 'bad-regex', at: { nodeId: 'hostile' } });
  });
});
