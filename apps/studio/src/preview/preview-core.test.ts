import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConceptMap, MappingInput } from '@mapwright/engine';
import { describe, expect, it } from 'vitest';
import { runPreview, type PreviewRequest, type PreviewResult } from './preview-core';

const ROOT = resolve(import.meta.dirname, '../../../..');
const read = (path: string): string => readFileSync(resolve(ROOT, path), 'utf8');
const ADT_MAPPING = JSON.parse(read('mappings/adt-patient/mapping.json')) as MappingInput;
// PID-5 Esterkin^AKI Scenario 6, PID-8 F, one PV1
const ADT_SAMPLE = read('mappings/adt-patient/samples/google__adt_a01_ex2.hl7');

type MappingNodeInput = MappingInput['nodes'][number];

function request(over: Partial<PreviewRequest> = {}): PreviewRequest {
  return {
    requestId: 1,
    mapping: ADT_MAPPING,
    sample: { content: ADT_SAMPLE, format: 'hl7v2' },
    conceptMaps: [],
    ...over,
  };
}

/** The ADT mapping with one node changed. */
function withNode(id: string, change: (node: MappingNodeInput) => MappingNodeInput): MappingInput {
  const copy = structuredClone(ADT_MAPPING);
  copy.nodes = copy.nodes.map((n) => (n.id === id ? change(n) : n));
  return copy;
}

function resource(result: PreviewResult, type: string): Record<string, unknown> | undefined {
  const bundle = result.bundle as { entry?: Array<{ resource: Record<string, unknown> }> };
  return bundle.entry?.find((e) => e.resource.resourceType === type)?.resource;
}

describe('runPreview on the ADT example mapping', () => {
  it('maps the sample to a Patient that validates, with the generated JSONata and the request id', async () => {
    const result = await runPreview(request({ requestId: 7 }));
    expect(result.requestId).toBe(7);
    expect(result.status).toBe('ok');
    expect(resource(result, 'Patient')).toMatchObject({
      name: [{ family: 'Esterkin' }],
      gender: 'female',
      birthDate: '1989-01-18',
    });
    expect(result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([]);
    expect(JSON.parse(result.bundleText ?? '')).toEqual(result.bundle);
    expect(result.program).toContain('$pid5 := PID.F5;');
  });

  it('gives every node its value for the sample: a source node holds PID-5, a lookup its code', async () => {
    const { nodeValues } = await runPreview(request());
    expect(nodeValues.pid5).toEqual([expect.objectContaining({ C1: 'Esterkin', C2: 'AKI Scenario 6' })]);
    expect(nodeValues.pid8).toBe('F');
    expect(nodeValues.gender).toBe('female');
    expect(nodeValues.patientNames).toEqual([expect.objectContaining({ family: 'Esterkin' })]);
    // target nodes hold resources, not values: they are left out
    expect(nodeValues).not.toHaveProperty('patient');
  });

  it('pins a validation error to the node that produced the invalid element, with its HL7 field', async () => {
    const mapping = withNode('gender', (n) => ({ ...n, unmapped: { policy: 'default', code: 'robot' } }));
    const sample = ADT_SAMPLE.replace('|19890118000000|F|', '|19890118000000|Z|');
    const result = await runPreview(request({ mapping, sample: { content: sample, format: 'hl7v2' } }));
    expect(result.status).toBe('ok');
    const issue = result.issues.find((i) => i.severity === 'error');
    expect(issue).toMatchObject({
      nodeId: 'gender',
      expression: expect.stringMatching(/^Bundle\.entry\[0\]\.resource\.gender/),
      sourceFields: ['PID-8.1'],
      value: 'robot',
    });
    expect(issue?.message).not.toContain('robot');
  });

  it('reports a sample that is not HL7 as unparseable, with where it stopped', async () => {
    const result = await runPreview(request({ sample: { content: 'hello', format: 'hl7v2' } }));
    expect(result.status).toBe('unparseable-sample');
    expect(result.issues[0]).toMatchObject({ severity: 'error', at: { line: 1 } });
    expect(result.issues[0]?.message).not.toContain('hello');
    expect(result.bundle).toBeUndefined();
    expect(result.program).not.toBe('');
  });

  it('names the transform whose JSONata does not parse', async () => {
    const mapping = withNode('birthDate', (n) => ({ ...n, expression: '$toDate($dob' }));
    const result = await runPreview(request({ mapping }));
    expect(result.status).toBe('invalid-mapping');
    expect(result.issues).toEqual([
      expect.objectContaining({ nodeId: 'birthDate', at: expect.objectContaining({ path: 'expression' }) }),
    ]);
    expect(result.program).toBe('');
  });

  it('reports a failing node with the HL7 field it reads, and the code only as a value', async () => {
    const mapping = withNode('gender', (n) => ({ ...n, unmapped: { policy: 'error' } }));
    const sample = ADT_SAMPLE.replace('|19890118000000|F|', '|19890118000000|Z|');
    const result = await runPreview(request({ mapping, sample: { content: sample, format: 'hl7v2' } }));
    expect(result.status).toBe('mapping-error');
    expect(result.issues[0]).toMatchObject({ nodeId: 'gender', sourceFields: ['PID-8.1'], value: 'Z' });
    expect(result.issues[0]?.message).not.toMatch(/\bZ\b/);
    // the nodes evaluated before the failure still show their values
    expect(result.nodeValues.pid8).toBe('Z');
  });

  it('translates through a ConceptMap the project added', async () => {
    const siteSex: ConceptMap = {
      resourceType: 'ConceptMap',
      id: 'site-sex',
      status: 'active',
      group: [{ element: [{ code: 'F', target: [{ code: 'other', equivalence: 'equivalent' }] }] }],
    };
    const mapping = withNode('gender', (n) => ({ ...n, conceptMap: 'site-sex' }));
    const result = await runPreview(request({ mapping, conceptMaps: [siteSex] }));
    expect(result.status).toBe('ok');
    expect(resource(result, 'Patient')?.gender).toBe('other');
    expect(result.nodeValues.gender).toBe('other');
    // without it the node falls back to its default
    const without = await runPreview(request({ mapping }));
    expect(resource(without, 'Patient')?.gender).toBe('unknown');
  });

  it('reports coverage: fields the mapping reads, and fields with a value nobody reads', async () => {
    const { coverage } = await runPreview(request());
    expect(coverage?.used).toEqual(expect.arrayContaining(['PID-5', 'PID-8.1']));
    expect(coverage?.unused.map((u) => u.field)).toContain('PD1-3');
    expect(coverage?.unused.map((u) => u.field)).not.toContain('PID-5');
  });

  it('without a sample still compiles, so the JSONata can be viewed', async () => {
    const result = await runPreview(request({ sample: null }));
    expect(result.status).toBe('no-sample');
    expect(result.program).toContain('"resourceType": "Bundle"');
  });
});
