import { describe, expect, it } from 'vitest';
import type { EngineError } from '../errors';
import type { MappingInput } from '../model';
import { compileMapping } from './compile';

//  ┌────────────────┐     ┌──────────────┐     ┌─────────────┐
//  │ family         ├────►│ upper        ├────►│ patient     │ name.family
//  │ PID.F5.C1      │     │ $uppercase() │     │ Patient     │
//  └────────────────┘     └──────────────┘     └─────────────┘
const tiny: MappingInput = {
  id: 'tiny',
  name: 'Tiny',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'family', type: 'source', path: 'PID.F5.C1' },
    { id: 'upper', type: 'transform', inputs: ['name'], expression: '$uppercase($name)' },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'family', target: 'upper', targetHandle: 'name' },
    { id: 'e2', source: 'upper', target: 'patient', targetHandle: 'name.family' },
  ],
};

const errorsOf = (mapping: unknown): EngineError[] => {
  const r = compileMapping(mapping);
  return r.ok ? [] : r.errors;
};

describe('compileMapping', () => {
  it('generates a readable program: one block per target, variables named after nodes', () => {
    const r = compileMapping(tiny);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.program).toBe(
      [
        '/* Mapwright mapping "Tiny" (tiny). Generated from the graph: edit the graph, not this text. */',
        '(',
        '  $msg := $;',
        '',
        '  /* ━━ patient · Patient ━━ */',
        '  $patient := (',
        '    $patient_key := "0";',
        '    $patient_url := $uuid("patient", $patient_key);',
        '    $family := PID.F5.C1;',
        '    $upper := (',
        '      $name := $family;',
        '      $uppercase($name)',
        '    );',
        '    $entry("patient", $patient_url, {',
        '      "resourceType": "Patient",',
        '      "name": [{',
        '        "family": $upper',
        '      }]',
        '    })',
        '  );',
        '',
        '  {',
        '    "resourceType": "Bundle",',
        '    "type": "transaction",',
        '    "entry": [$patient]',
        '  }',
        ')',
        '',
      ].join('\n'),
    );
  });

  it('caches by content: the same mapping with keys in another order compiles once', () => {
    const a = compileMapping(tiny);
    const reordered = JSON.parse(
      JSON.stringify({
        edges: tiny.edges,
        nodes: tiny.nodes,
        source: tiny.source,
        name: tiny.name,
        id: tiny.id,
      }),
    ) as unknown;
    const b = compileMapping(reordered);
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
  });

  it('locates schema errors on the node', () => {
    const bad = { ...tiny, nodes: [...tiny.nodes, { id: 'x', type: 'source' }] };
    expect(errorsOf(bad)[0]).toMatchObject({
      code: 'invalid-mapping',
      at: { nodeId: 'x', path: 'nodes[3].path' },
    });
  });

  it('locates an edge to an unknown node', () => {
    const bad = {
      ...tiny,
      edges: [...tiny.edges, { id: 'e9', source: 'ghost', target: 'patient', targetHandle: 'gender' }],
    };
    expect(errorsOf(bad)).toContainEqual(
      expect.objectContaining({ code: 'unknown-node', at: { edgeId: 'e9' } }),
    );
  });

  it('locates an edge into a target without an element', () => {
    const bad = { ...tiny, edges: [tiny.edges[0], { id: 'e2', source: 'upper', target: 'patient' }] };
    expect(errorsOf(bad)).toContainEqual(
      expect.objectContaining({ code: 'missing-target-element', at: { edgeId: 'e2', nodeId: 'patient' } }),
    );
  });

  it('locates a transform input that is not connected', () => {
    const bad = { ...tiny, edges: [tiny.edges[1]] };
    expect(errorsOf(bad)).toContainEqual(
      expect.objectContaining({ code: 'input-not-connected', at: { nodeId: 'upper' } }),
    );
  });

  //  ┌───┐   ┌───┐
  //  │ a ├──►│ b │
  //  └─▲─┘   └─┬─┘
  //    └───────┘
  it('locates a cycle', () => {
    const bad: MappingInput = {
      ...tiny,
      nodes: [
        { id: 'a', type: 'transform', inputs: ['x'], expression: '$x' },
        { id: 'b', type: 'transform', inputs: ['x'], expression: '$x' },
      ],
      edges: [
        { id: 'e1', source: 'a', target: 'b', targetHandle: 'x' },
        { id: 'e2', source: 'b', target: 'a', targetHandle: 'x' },
      ],
    };
    expect(errorsOf(bad)).toContainEqual(expect.objectContaining({ code: 'cycle' }));
  });

  it('locates references to unknown targets and parent cycles', () => {
    const bad: MappingInput = {
      ...tiny,
      nodes: [
        {
          id: 'p',
          type: 'target',
          resourceType: 'Patient',
          references: [{ element: 'link', target: 'nobody' }],
        },
        { id: 'o1', type: 'target', resourceType: 'Observation', parent: 'o2' },
        { id: 'o2', type: 'target', resourceType: 'Observation', parent: 'o1' },
      ],
      edges: [],
    };
    const errors = errorsOf(bad);
    expect(errors).toContainEqual(
      expect.objectContaining({
        code: 'unknown-reference',
        at: expect.objectContaining({ nodeId: 'p', element: 'link' }),
      }),
    );
    expect(errors).toContainEqual(expect.objectContaining({ code: 'parent-cycle', at: { nodeId: 'o1' } }));
  });

  it('locates invalid JSONata in a transform, with its position', () => {
    const bad = {
      ...tiny,
      nodes: tiny.nodes.map((n) => (n.id === 'upper' ? { ...n, expression: '$uppercase($name' } : n)),
    };
    expect(errorsOf(bad)).toContainEqual(
      expect.objectContaining({ code: 'bad-expression', at: expect.objectContaining({ nodeId: 'upper' }) }),
    );
  });

  it('refuses two wires into a single-valued element', () => {
    const bad = {
      ...tiny,
      edges: [
        ...tiny.edges,
        { id: 'e3', source: 'family', target: 'patient', targetHandle: 'gender' },
        { id: 'e4', source: 'upper', target: 'patient', targetHandle: 'gender' },
      ],
    };
    expect(errorsOf(bad)).toContainEqual(
      expect.objectContaining({
        code: 'single-element-filled-twice',
        at: { nodeId: 'patient', element: 'gender' },
      }),
    );
  });

  it('concatenates several wires into one list element', () => {
    const two = {
      ...tiny,
      edges: [
        ...tiny.edges,
        { id: 'e3', source: 'family', target: 'patient', targetHandle: 'name.given' },
        { id: 'e4', source: 'upper', target: 'patient', targetHandle: 'name.given' },
      ],
    };
    const r = compileMapping(two);
    expect(r.ok && r.value.program).toContain('"given": [$family, $upper]');
  });
});
