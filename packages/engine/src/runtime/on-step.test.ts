import { describe, expect, it } from 'vitest';
import { ADT_A01 } from '../__fixtures__/adt-a01';
import { compileMapping } from '../compiler/compile';
import type { MappingInput } from '../model';
import { runMapping } from './run-mapping';

const mapping: MappingInput = {
  id: 'steps',
  name: 'Steps',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1' },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [{ id: 'e1', source: 'family', target: 'patient', targetHandle: 'name.family' }],
};

describe('RunOptions.onStep', () => {
  it('sees the steps of this run with their results, and the run maps the same as without it', async () => {
    const compiled = compileMapping(mapping);
    if (!compiled.ok) throw new Error('does not compile');
    const binds: unknown[] = [];
    const observed = await runMapping(compiled.value, ADT_A01, {
      onStep: (step, result) => {
        if (step.type === 'bind') binds.push(result);
      },
    });
    const plain = await runMapping(compiled.value, ADT_A01);
    if (!observed.ok || !plain.ok) throw new Error('did not map');
    expect(observed.bundle).toEqual(plain.bundle);
    const family = (plain.bundle.entry?.[0]?.resource as { name?: Array<{ family?: string }> }).name?.[0]
      ?.family;
    expect(family).toBeDefined();
    expect(binds).toContain(family);
  });

  it('is not called by runs that did not ask, even while another run observes', async () => {
    const compiled = compileMapping(mapping);
    if (!compiled.ok) throw new Error('does not compile');
    let calls = 0;
    await Promise.all([
      runMapping(compiled.value, ADT_A01, { onStep: () => calls++ }),
      runMapping(compiled.value, ADT_A01, { coverage: false }),
    ]);
    const afterBoth = calls;
    await runMapping(compiled.value, ADT_A01);
    expect(afterBoth).toBeGreaterThan(0);
    expect(calls).toBe(afterBoth);
  });
});
