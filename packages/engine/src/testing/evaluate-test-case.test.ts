import { describe, expect, it } from 'vitest';
import { ADT_A01, ADT_A01_SEX_X } from '../__fixtures__/adt-a01';
import { adtPatientMapping } from '../__fixtures__/adt-patient-mapping';
import { compileMapping } from '../compiler/compile';
import { runMapping } from '../runtime/run-mapping';
import { evaluateTestCase } from './evaluate-test-case';
import { runTestCases } from './run-test-cases';

const compiled = (() => {
  const c = compileMapping(adtPatientMapping);
  if (!c.ok) throw new Error('fixture does not compile');
  return c.value;
})();

const spec = (extra: Partial<Parameters<typeof evaluateTestCase>[0]> = {}) => ({
  name: 'john',
  sampleName: 'john.hl7',
  expectedBundle: null,
  assertions: [],
  ...extra,
});

describe('evaluateTestCase', () => {
  it('passes a test with neither bundle nor assertions when the message maps cleanly', async () => {
    const result = evaluateTestCase(spec(), await runMapping(compiled, ADT_A01));
    expect(result).toMatchObject({ name: 'john', sampleName: 'john.hl7', passed: true, failures: [] });
    expect(result.actual).toMatchObject({ resourceType: 'Bundle' });
  });

  it('passes when the actual bundle equals the expected one and every assertion holds', async () => {
    const outcome = await runMapping(compiled, ADT_A01);
    const expected = JSON.parse(JSON.stringify(outcome.ok ? outcome.bundle : null));
    const result = evaluateTestCase(
      spec({ expectedBundle: expected, assertions: ["Patient.name.family = 'DOE'", 'Patient.count() = 1'] }),
      outcome,
    );
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('lists each element where the actual bundle departs from the expected one, with both values', async () => {
    const outcome = await runMapping(compiled, ADT_A01);
    const expected = JSON.parse(JSON.stringify(outcome.ok ? outcome.bundle : null));
    expected.entry[0].resource.birthDate = '1980-01-02';
    delete expected.entry[0].resource.gender;
    const result = evaluateTestCase(spec({ expectedBundle: expected }), outcome);
    expect(result.passed).toBe(false);
    expect(result.expected).toBe(expected);
    expect(result.failures).toEqual([
      {
        kind: 'bundle',
        differences: expect.arrayContaining([
          expect.objectContaining({
            kind: 'changed',
            path: 'Patient.birthDate',
            before: '1980-01-02',
            after: '1980-01-01',
          }),
          expect.objectContaining({ kind: 'added', path: 'Patient.gender', after: 'male' }),
        ]),
      },
    ]);
  });

  it('reports every failing assertion by position with its reason, and keeps the passing ones quiet', async () => {
    const result = evaluateTestCase(
      spec({
        assertions: ["Patient.gender = 'male'", "Patient.name.family = 'Smith'", 'Patient.nmae.exists('],
      }),
      await runMapping(compiled, ADT_A01),
    );
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      {
        kind: 'assertion',
        index: 1,
        expression: "Patient.name.family = 'Smith'",
        message: "Patient.name.family is 'DOE', expected = 'Smith'",
      },
      {
        kind: 'assertion',
        index: 2,
        expression: 'Patient.nmae.exists(',
        message: expect.stringMatching(/^syntax error/),
      },
    ]);
  });

  it('fails on validation errors in the output, naming the element', async () => {
    // gender 'unknown' is valid, so force an invalid code through a changed transform
    const broken = compileMapping({
      ...adtPatientMapping,
      nodes: adtPatientMapping.nodes.map((n) => (n.id === 'gender' ? { ...n, expression: "'robot'" } : n)),
    });
    if (!broken.ok) throw new Error('does not compile');
    const result = evaluateTestCase(spec(), await runMapping(broken.value, ADT_A01_SEX_X));
    expect(result.passed).toBe(false);
    expect(result.failures[0]).toMatchObject({ kind: 'validation', count: 1 });
    const first = result.failures[0]!.kind === 'validation' ? result.failures[0]!.first : [];
    expect(first[0]).toMatch(/gender/);
  });

  it('fails with a located, value-free message when the message does not map', async () => {
    const result = evaluateTestCase(
      spec({ assertions: ['Patient.exists()'] }),
      await runMapping(compiled, 'not hl7'),
    );
    expect(result.passed).toBe(false);
    expect(result.actual).toBeNull();
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ kind: 'run' });
    expect(result.failures[0]!.kind === 'run' && result.failures[0]!.message).not.toContain('not hl7');
  });
});

describe('runTestCases', () => {
  it('runs each case over its text and counts passed and failed', async () => {
    const run = await runTestCases(compiled, [
      { ...spec({ name: 'male', assertions: ["Patient.gender = 'male'"] }), text: ADT_A01 },
      { ...spec({ name: 'unknown', assertions: ["Patient.gender = 'male'"] }), text: ADT_A01_SEX_X },
    ]);
    expect(run).toMatchObject({ passed: 1, failed: 1 });
    expect(run.results.map((r) => [r.name, r.passed])).toEqual([
      ['male', true],
      ['unknown', false],
    ]);
    expect(run.results[1]!.failures[0]).toMatchObject({
      message: "Patient.gender is 'unknown', expected = 'male'",
    });
  });
});
