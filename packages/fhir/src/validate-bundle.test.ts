import { describe, expect, it } from 'vitest';
import { validateBundle } from './validate-bundle';

const patient = { resourceType: 'Patient', name: [{ family: 'Doe' }], gender: 'female' };
const encounter = {
  resourceType: 'Encounter',
  status: 'in-progress',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP' },
  subject: { reference: 'urn:uuid:p1' },
};

function bundleOf(...resources: object[]) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:${i === 0 ? 'p1' : `e${i}`}`, resource })),
  };
}

describe('validateBundle', () => {
  it('accepts a valid bundle, resolving urn:uuid references to other entries', () => {
    const result = validateBundle(bundleOf(patient, encounter));
    expect(result.issues).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.entries.map((e) => [e.index, e.resourceType, e.valid])).toEqual([
      [0, 'Patient', true],
      [1, 'Encounter', true],
    ]);
  });

  it('prefixes entry issues with their place in the bundle and reports the entry index', () => {
    const bad = { ...patient, name: [{ family: 7 }] };
    const result = validateBundle(bundleOf(patient, encounter, bad));
    expect(result.valid).toBe(false);
    expect(result.issues.map((i) => i.expression)).toEqual([['Bundle.entry[2].resource.name[0].family']]);
    const failing = result.entries.filter((e) => !e.valid);
    expect(failing.map((e) => e.index)).toEqual([2]);
    expect(failing[0].issues).toEqual(result.issues);
  });

  it('prefixes binding and missing-element issues too', () => {
    const result = validateBundle(bundleOf({ ...patient, gender: 'robot' }, { resourceType: 'Observation' }));
    expect(result.issues.flatMap((i) => i.expression)).toEqual([
      'Bundle.entry[0].resource.gender',
      'Bundle.entry[1].resource.status',
      'Bundle.entry[1].resource.code',
    ]);
  });

  it('reports a reference to an entry of the wrong type as an error', () => {
    const wrong = { ...encounter, subject: { reference: 'urn:uuid:e2' } };
    const result = validateBundle(bundleOf(patient, wrong, { resourceType: 'Location', name: 'x' }));
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', expression: ['Bundle.entry[1].resource.subject'] }),
    ]);
    expect(result.issues[0]?.details?.text).toBe(
      'The reference points to an entry of type Location; this element allows Patient, Group',
    );
    expect(result.valid).toBe(false);
  });

  it('reports a dangling urn:uuid reference: an error in a transaction or batch, a warning elsewhere', () => {
    const dangling = { ...encounter, subject: { reference: 'urn:uuid:nowhere' } };
    for (const type of ['transaction', 'batch']) {
      const bundle = {
        resourceType: 'Bundle',
        type,
        entry: [patient, dangling].map((resource, i) => ({
          fullUrl: `urn:uuid:${i === 0 ? 'p1' : 'e1'}`,
          resource,
          request: { method: 'POST', url: resource.resourceType },
        })),
      };
      const result = validateBundle(bundle);
      expect(result.valid).toBe(false);
      expect(result.issues).toEqual([
        expect.objectContaining({
          severity: 'error',
          code: 'not-found',
          expression: ['Bundle.entry[1].resource.subject'],
        }),
      ]);
      expect(JSON.stringify(result.issues)).not.toContain('nowhere');
    }
    const collection = validateBundle(bundleOf(patient, dangling));
    expect(collection.valid).toBe(true);
    expect(collection.issues).toEqual([
      expect.objectContaining({ severity: 'warning', expression: ['Bundle.entry[1].resource.subject'] }),
    ]);
  });

  it('judges urn:uuid references in elements that allow any type, in lists and in contained resources', () => {
    const provenance = {
      resourceType: 'Provenance',
      recorded: '2024-01-01T00:00:00Z',
      target: [{ reference: 'urn:uuid:p1' }, { reference: 'urn:uuid:gone' }],
      agent: [{ who: { reference: 'urn:uuid:p1' } }],
      contained: [{ ...encounter, subject: { reference: 'urn:uuid:e1' } }],
    };
    const result = validateBundle({ ...bundleOf(patient, provenance), type: 'transaction' });
    const refIssues = result.issues.filter((i) => i.code === 'not-found' || i.code === 'structure');
    expect(refIssues.map((i) => [i.severity, i.expression?.[0]])).toEqual([
      ['error', 'Bundle.entry[1].resource.target[1]'],
      ['error', 'Bundle.entry[1].resource.contained[0].subject'],
    ]);
  });

  it('checks the envelope: entry fields, request codes and cross-entry invariants', () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { fullUrl: 'urn:uuid:1', resource: patient, request: { method: 'PUSH', url: 'Patient' } },
        { fullUrl: 'urn:uuid:1', resource: patient },
      ],
    };
    const expressions = validateBundle(bundle).issues.flatMap((i) => i.expression);
    expect(expressions).toEqual(
      expect.arrayContaining([
        'Bundle.entry[0].request.method',
        'Bundle.entry[1]',
        'Bundle.entry[1].fullUrl',
      ]),
    );
  });

  it('never throws on malformed input', () => {
    for (const input of [null, {}, { resourceType: 'Patient' }, { resourceType: 'Bundle', entry: 'x' }]) {
      expect(() => validateBundle(input)).not.toThrow();
    }
    const odd = validateBundle({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: 'x' }, null],
    });
    expect(odd.valid).toBe(false);
    expect(odd.entries[0].issues[0].expression).toEqual(['Bundle.entry[0].resource']);
  });

  it('answers repeated envelopes from a cache without sharing issues between bundles', () => {
    const shell = { resourceType: 'Bundle', type: 'collection', timestamp: 'not an instant' };
    const first = validateBundle({ ...shell, entry: [{ fullUrl: 'urn:uuid:p1', resource: patient }] });
    expect(first.issues.map((i) => i.expression)).toEqual([['Bundle.timestamp']]);
    // a caller that edits its issues must not change what the next bundle is told
    (first.issues[0] as { expression?: string[] }).expression = ['changed'];
    const second = validateBundle({ ...shell, entry: [] });
    expect(second.issues.map((i) => i.expression)).toEqual([['Bundle.timestamp']]);
    expect(second.issues[0]).not.toBe(first.issues[0]);
    // a different shell is judged on its own
    expect(validateBundle({ ...shell, timestamp: '2024-01-02T03:04:05Z', entry: [] }).issues).toEqual([]);
    expect(validateBundle({ ...shell, entry: [] }).issues).toHaveLength(1);
  });
});
