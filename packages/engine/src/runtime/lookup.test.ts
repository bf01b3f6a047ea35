import { describe, expect, it } from 'vitest';
import { ADT_A01, ADT_A01_SEX_X } from '../__fixtures__/adt-a01';
import type { MappingInput, UnmappedPolicy } from '../model';
import type { TerminologyPort } from './ports';
import { compileMapping } from '../compiler/compile';
import { mapMessage } from './run-mapping';

//  ┌────────────┐     ┌──────────────────────┐     ┌─────────┐
//  │ sex        ├────►│ gender (lookup)      ├────►│ patient │ gender
//  │ PID.F8     │     │ map "sex", unmapped: │     │ Patient │
//  └────────────┘     │ error/pass/default   │     └─────────┘
//                     └──────────────────────┘
const mapping = (unmapped: UnmappedPolicy, path = 'PID.F8.C1'): MappingInput => ({
  id: 'lookup',
  name: 'Lookup',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'sex', type: 'source', path },
    { id: 'gender', type: 'lookup', conceptMap: 'sex', unmapped },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'sex', target: 'gender', targetHandle: 'code' },
    { id: 'e2', source: 'gender', target: 'patient', targetHandle: 'gender' },
  ],
});

const terminology: TerminologyPort = {
  translate: (_map, code) =>
    code === 'M'
      ? { found: true, code: 'male' }
      : code === 'F'
        ? { found: true, code: 'female' }
        : { found: false },
};

const genderOf = async (m: MappingInput, text: string): Promise<unknown> => {
  const r = await mapMessage(m, text, { terminology, validate: false });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.bundle.entry?.[0]?.resource.gender;
};

describe('lookup nodes', () => {
  it('translate a mapped code', async () => {
    expect(await genderOf(mapping({ policy: 'error' }), ADT_A01)).toBe('male');
  });

  it('accept a CWE component object as input', async () => {
    expect(await genderOf(mapping({ policy: 'error' }, 'PID.F8'), ADT_A01)).toBe('male');
  });

  it('fail with an error naming the node and the code when the policy is error', async () => {
    const r = await mapMessage(mapping({ policy: 'error' }), ADT_A01_SEX_X, { terminology });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors[0]).toMatchObject({
        code: 'unmapped-code',
        at: { nodeId: 'gender', code: 'X', conceptMap: 'sex' },
      });
  });

  it('pass the code through and report it as unmapped', async () => {
    const r = await mapMessage(mapping({ policy: 'passthrough' }), ADT_A01_SEX_X, {
      terminology,
      validate: false,
    });
    expect(r.ok && r.bundle.entry?.[0]?.resource.gender).toBe('X');
    expect(r.ok && r.unmapped).toEqual([
      { nodeId: 'gender', conceptMap: 'sex', code: 'X', policy: 'passthrough' },
    ]);
  });

  it('use the default code', async () => {
    expect(await genderOf(mapping({ policy: 'default', code: 'unknown' }), ADT_A01_SEX_X)).toBe('unknown');
  });

  it('emit a Coding or CodeableConcept when asked', async () => {
    const m = mapping({ policy: 'error' });
    m.nodes[1] = {
      id: 'gender',
      type: 'lookup',
      conceptMap: 'sex',
      unmapped: { policy: 'error' },
      output: 'codeableConcept',
    };
    m.edges[1] = { id: 'e2', source: 'gender', target: 'patient', targetHandle: 'maritalStatus' };
    const r = await mapMessage(m, ADT_A01, { terminology, validate: false });
    expect(r.ok && r.bundle.entry?.[0]?.resource.maritalStatus).toEqual({ coding: [{ code: 'male' }] });
  });

  it('use the bundled HL7 table maps by default (v2-0001)', async () => {
    const m = mapping({ policy: 'error' });
    m.nodes[1] = { id: 'gender', type: 'lookup', conceptMap: 'v2-0001', unmapped: { policy: 'error' } };
    const r = await mapMessage(m, ADT_A01);
    expect(r.ok && r.bundle.entry?.[0]?.resource.gender).toBe('male');
  });

  it('write the policy into the program as JSON text that survives quotes and backslashes', async () => {
    const display = `Don't know \\ "unknown"`;
    const m = mapping({ policy: 'default', code: 'UNK', system: 'urn:x', display });
    m.nodes[1] = { ...(m.nodes[1] as object), output: 'coding' } as MappingInput['nodes'][number];
    m.edges[1] = { id: 'e2', source: 'gender', target: 'patient', targetHandle: 'maritalStatus.coding' };
    const compiled = compileMapping(m);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    expect(compiled.value.program).toContain(
      `$translate($sex, "sex", '{"policy":"default","code":"UNK","system":"urn:x","display":"Don\\u0027t know \\u005c\\u005c \\u005c"unknown\\u005c""}', "coding", "gender")`,
    );
    const r = await mapMessage(m, ADT_A01_SEX_X, { terminology, validate: false });
    expect(r.ok && r.bundle.entry?.[0]?.resource.maritalStatus).toEqual({
      coding: [{ system: 'urn:x', code: 'UNK', display }],
    });
  });

  it('share no state between messages through the parsed policy (cached and frozen)', async () => {
    const m = mapping({ policy: 'default', code: 'unknown', display: 'Unknown' });
    m.nodes[1] = { ...(m.nodes[1] as object), output: 'coding' } as MappingInput['nodes'][number];
    m.edges[1] = { id: 'e2', source: 'gender', target: 'patient', targetHandle: 'maritalStatus.coding' };
    const run = async (text: string) => {
      const r = await mapMessage(m, text, { terminology, validate: false });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return r;
    };
    const first = await run(ADT_A01_SEX_X);
    const coding = (first.bundle.entry?.[0]?.resource.maritalStatus as { coding: Record<string, unknown>[] })
      .coding[0] as Record<string, unknown>;
    coding.code = 'changed by the caller';
    expect((await run(ADT_A01)).unmapped).toEqual([]);
    const third = await run(ADT_A01_SEX_X);
    expect(third.bundle.entry?.[0]?.resource.maritalStatus).toEqual({
      coding: [{ code: 'unknown', display: 'Unknown' }],
    });
    expect(third.unmapped).toHaveLength(1);
  });
});
