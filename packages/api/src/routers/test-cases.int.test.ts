import { testBackends } from '@mapwright/db/testing';
import { describe, expect, it } from 'vitest';
import { ADT_A01, backendDatabase, callerAs, failure, familyGraph } from '../test-context';

describe.each(testBackends())('test cases on $kind', (backend) => {
  const db = backendDatabase(backend);

  const ana = () => callerAs(db(), 'analyst', 'ana@example.org');
  const rex = () => callerAs(db(), 'reviewer', 'rex@example.org');

  async function mapping(slug: string) {
    const created = await ana().mappings.create({
      slug,
      name: 'ADT',
      sourceFormat: 'hl7v2',
      sample: { name: 'a01.hl7', content: ADT_A01 },
    });
    return { mappingId: created.id, sampleId: created.sampleId! };
  }

  it('refuses an assertion that is not FHIRPath, naming its number', async () => {
    const { mappingId, sampleId } = await mapping('tc-syntax');
    const refused = await failure(
      ana().testCases.create({
        mappingId,
        sampleId,
        name: 'bad',
        expectedBundle: null,
        assertions: ["Patient.name.family = 'Smith'", "Patient.name.family = = 'x'"],
      }),
    );
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toMatch(/^Assertion 2: \S/);
    expect(await ana().testCases.list({ mappingId })).toEqual([]);
  });

  it('runs tests against the draft or a version, with pass/fail per assertion', async () => {
    const { mappingId, sampleId } = await mapping('tc-run');
    const created = await ana().testCases.create({
      mappingId,
      sampleId,
      name: 'family is Smith',
      expectedBundle: null,
      assertions: ["Patient.name.family = 'Smith'", 'Patient.count() = 1'],
    });
    expect(created).toMatchObject({
      name: 'family is Smith',
      sampleName: 'a01.hl7',
      hasExpectedBundle: false,
      expectedBundle: null,
    });
    expect(await rex().testCases.list({ mappingId })).toEqual([
      {
        id: created.id,
        mappingId,
        name: 'family is Smith',
        sampleId,
        sampleName: 'a01.hl7',
        assertions: ["Patient.name.family = 'Smith'", 'Patient.count() = 1'],
        hasExpectedBundle: false,
        updatedAt: created.updatedAt,
      },
    ]);

    const good = await rex().testCases.run({
      mappingId,
      source: { kind: 'draft', graph: familyGraph('tc', 'PID.F5.C1') },
    });
    expect(good).toMatchObject({ passed: 1, failed: 0, results: [{ testCaseId: created.id, passed: true }] });

    // The given name where the family name belongs: the first assertion fails, the second still passes.
    const { draftRevision } = await ana().mappings.saveDraft({
      id: mappingId,
      expectedRevision: 0,
      graph: familyGraph('tc', 'PID.F5.C2'),
    });
    const v1 = await ana().versions.commit({ mappingId, expectedRevision: draftRevision, message: 'v1' });
    const bad = await rex().testCases.run({
      mappingId,
      source: { kind: 'version', versionId: v1.id },
      testCaseId: created.id,
    });
    expect(bad).toMatchObject({ passed: 0, failed: 1 });
    expect(bad.results[0]!.failures).toEqual([
      expect.objectContaining({ kind: 'assertion', index: 0, expression: "Patient.name.family = 'Smith'" }),
    ]);
  });

  it('accepts the actual output as expected, refusing a stale edit', async () => {
    const { mappingId, sampleId } = await mapping('tc-accept');
    const created = await ana().testCases.create({
      mappingId,
      sampleId,
      name: 'whole bundle',
      expectedBundle: { resourceType: 'Bundle', type: 'transaction' },
      assertions: [],
    });
    const source = { kind: 'draft', graph: familyGraph('tc', 'PID.F5.C1') } as const;
    expect((await ana().testCases.run({ mappingId, source })).failed).toBe(1);

    const accepted = await ana().testCases.acceptActual({
      id: created.id,
      source,
      expectedUpdatedAt: created.updatedAt,
    });
    expect(accepted.hasExpectedBundle).toBe(true);
    expect(accepted.expectedBundle).toMatchObject({
      resourceType: 'Bundle',
      entry: [{ resource: { resourceType: 'Patient', name: [{ family: 'Smith' }] } }],
    });
    expect((await ana().testCases.run({ mappingId, source })).passed).toBe(1);

    // Someone who read the test case before the accept cannot overwrite it unseen.
    const stale = await failure(
      ana().testCases.update({ id: created.id, expectedUpdatedAt: created.updatedAt, name: 'renamed' }),
    );
    expect(stale.code).toBe('CONFLICT');
    const renamed = await ana().testCases.update({
      id: created.id,
      expectedUpdatedAt: accepted.updatedAt,
      name: 'renamed',
      assertions: ["Patient.name.given = 'John'"],
    });
    expect(renamed).toMatchObject({ name: 'renamed', assertions: ["Patient.name.given = 'John'"] });
    expect((await ana().testCases.get({ id: created.id })).expectedBundle).toEqual(accepted.expectedBundle);

    expect(await ana().testCases.remove({ id: created.id })).toEqual({ id: created.id });
    expect((await failure(ana().testCases.get({ id: created.id }))).code).toBe('NOT_FOUND');
  });
});
