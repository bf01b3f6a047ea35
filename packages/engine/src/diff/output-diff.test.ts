import { describe, expect, it } from 'vitest';
import type { Bundle } from '../runtime/run-mapping';
import { diffBundles, type DiffableBundle, type DiffableEntry } from './output-diff';

const PAT = 'urn:uuid:00000000-0000-4000-8000-000000000001';
const OBS = 'urn:uuid:00000000-0000-4000-8000-000000000002';

const patient = (extra: Record<string, unknown> = {}) => ({
  fullUrl: PAT,
  resource: {
    resourceType: 'Patient',
    name: [{ family: 'Doe', given: ['Jane'] }],
    birthDate: '1980-01-02',
    ...extra,
  },
  request: { method: 'POST', url: 'Patient' },
});
const observation = (fullUrl = OBS, subject = PAT) => ({
  fullUrl,
  resource: {
    resourceType: 'Observation',
    status: 'final',
    subject: { reference: subject },
    valueQuantity: { value: 7.2, unit: 'mmol/L' },
  },
  request: { method: 'POST', url: 'Observation' },
});
const bundle = (...entry: DiffableEntry[]): DiffableBundle => ({ entry });

describe('diffBundles', () => {
  it('finds nothing between identical bundles', () => {
    expect(diffBundles(bundle(patient(), observation()), bundle(patient(), observation()))).toEqual([]);
    // the engine's own Bundle type is accepted as is
    const engineBundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ fullUrl: PAT, resource: patient().resource, request: { method: 'POST', url: 'Patient' } }],
    };
    expect(diffBundles(engineBundle, structuredClone(engineBundle))).toEqual([]);
  });

  it('reports a changed birthDate at its element path with both values', () => {
    const diffs = diffBundles(bundle(patient()), bundle(patient({ birthDate: '1980-02-01' })));
    expect(diffs).toEqual([
      {
        kind: 'changed',
        path: 'Patient.birthDate',
        entry: { resourceType: 'Patient', fullUrl: PAT },
        before: '1980-01-02',
        after: '1980-02-01',
      },
    ]);
  });

  it('reports an added element once, with its whole value', () => {
    const coding = [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' },
    ];
    const after = observation();
    after.resource = { ...after.resource, interpretation: [{ coding }] } as typeof after.resource;
    const diffs = diffBundles(bundle(observation()), bundle(after));
    expect(diffs).toEqual([
      {
        kind: 'added',
        path: 'Observation.interpretation',
        entry: { resourceType: 'Observation', fullUrl: OBS },
        after: [{ coding }],
      },
    ]);
  });

  it('reports an array grown by one as the new element at its index', () => {
    const diffs = diffBundles(
      bundle(patient({ telecom: [{ system: 'phone', value: '555-0100' }] })),
      bundle(
        patient({
          telecom: [
            { system: 'phone', value: '555-0100' },
            { system: 'email', value: 'j@x.org' },
          ],
        }),
      ),
    );
    expect(diffs.map((d) => [d.kind, d.path, d.after])).toEqual([
      ['added', 'Patient.telecom[1]', { system: 'email', value: 'j@x.org' }],
    ]);
  });

  it('reports an entry on one side only as the whole resource added or removed', () => {
    const added = diffBundles(bundle(patient()), bundle(patient(), observation()));
    expect(added).toEqual([
      {
        kind: 'added',
        path: 'Observation',
        entry: { resourceType: 'Observation', fullUrl: OBS },
        after: observation().resource,
      },
    ]);
    const removed = diffBundles(bundle(patient(), observation()), bundle(patient()));
    expect(removed.map((d) => [d.kind, d.path])).toEqual([['removed', 'Observation']]);
  });

  it('pairs entries by fullUrl even when the order changed', () => {
    const other = 'urn:uuid:00000000-0000-4000-8000-000000000003';
    const before = bundle(observation(OBS), observation(other), patient());
    const after = bundle(patient(), observation(other), observation(OBS));
    after.entry![2]!.resource!.status = 'amended';
    expect(diffBundles(before, after)).toEqual([
      {
        kind: 'changed',
        path: 'Observation.status',
        entry: { resourceType: 'Observation', fullUrl: OBS },
        before: 'final',
        after: 'amended',
      },
    ]);
  });

  it('pairs by type and position when fullUrls differ, and treats references to paired entries as equal', () => {
    const newPat = 'urn:uuid:00000000-0000-4000-8000-00000000000a';
    const newObs = 'urn:uuid:00000000-0000-4000-8000-00000000000b';
    const after = bundle({ ...patient(), fullUrl: newPat }, observation(newObs, newPat));
    expect(diffBundles(bundle(patient(), observation()), after)).toEqual([]);
  });

  it('reports request differences at Bundle.entry.request', () => {
    const after = patient();
    after.request = { method: 'PUT', url: 'Patient?identifier=urn:oid:1.2|123' };
    const diffs = diffBundles(bundle(patient()), bundle(after));
    expect(diffs.map((d) => [d.kind, d.path, d.entry.resourceType])).toEqual([
      ['changed', 'Bundle.entry.request.method', 'Patient'],
      ['changed', 'Bundle.entry.request.url', 'Patient'],
    ]);
  });

  it('reports every entry added or removed when one version failed to map the message', () => {
    const b = bundle(patient(), observation());
    expect(diffBundles(null, b).map((d) => [d.kind, d.path])).toEqual([
      ['added', 'Patient'],
      ['added', 'Observation'],
    ]);
    expect(diffBundles(b, null).map((d) => [d.kind, d.path])).toEqual([
      ['removed', 'Patient'],
      ['removed', 'Observation'],
    ]);
    expect(diffBundles(null, null)).toEqual([]);
  });

  it('reports a nested leaf change inside arrays with indices', () => {
    const diffs = diffBundles(
      bundle(patient()),
      bundle(patient({ name: [{ family: 'Doe', given: ['Janet'] }] })),
    );
    expect(diffs.map((d) => [d.kind, d.path, d.before, d.after])).toEqual([
      ['changed', 'Patient.name[0].given[0]', 'Jane', 'Janet'],
    ]);
  });
});
