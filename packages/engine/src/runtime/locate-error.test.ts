import { describe, expect, it } from 'vitest';
import { ADT_A01 } from '../__fixtures__/adt-a01';
import { ORU_TWO_OBR } from '../__fixtures__/oru-two-obr';
import { oruMapping } from '../__fixtures__/oru-mapping';
import { hl7Notation } from '../lineage/source-fields';
import type { MappingInput, MappingNode } from '../model';
import type { TerminologyPort } from './ports';
import { locateEvaluationError, withoutValues } from './locate-error';
import { mapMessage, type RunResult } from './run-mapping';

// Recognisable patient data, each in a field where it is invalid for the node that reads it.
const NAME = 'ZEBULON';
const MRN = 'MRN778899';
const DATE = '19730229'; // 1973 is not a leap year
const PHI = [NAME, MRN, DATE];
const MESSAGE = [
  'MSH|^~\\&|EPIC|HOSP|MAPWRIGHT|HOSP|20240101120000||ADT^A01|MSG00001|P|2.5.1',
  'EVN|A01|20240101120000',
  `PID|1||${MRN}^^^HOSP^MR||${NAME}^QUINTUS||${DATE}|${NAME}|||||||||||||||||||||${DATE}|${MRN}`,
  'PV1|1|I|WARD^101^A',
].join('\r');

//  ┌───────────────────┐     ┌─────────────────┐     ┌─────────┐
//  │ field (source)    ├────►│ node under test ├────►│ patient │ <element>
//  └───────────────────┘     └─────────────────┘     └─────────┘
const oneNode = (path: string, node: MappingNode, element: string): MappingInput => ({
  id: 'phi',
  name: 'PHI in errors',
  source: { format: 'hl7v2' },
  nodes: [
    { id: 'field', type: 'source', path },
    node,
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'field', target: node.id, targetHandle: 'x' },
    { id: 'e2', source: node.id, target: 'patient', targetHandle: element },
  ],
});
const transform = (expression: string): MappingNode => ({
  id: 'convert',
  type: 'transform',
  inputs: ['x'],
  expression,
});
const lookup = (policy: 'error' | 'passthrough'): MappingNode => ({
  id: 'convert',
  type: 'lookup',
  conceptMap: 'sex',
  unmapped: { policy },
  output: 'code',
});
const terminology: TerminologyPort = {
  translate: (_map, code) => (code === 'M' ? { found: true, code: 'male' } : { found: false }),
};

const messagesOf = (r: RunResult): string[] =>
  r.ok
    ? [...r.warnings.map((w) => w.message), ...r.issues.map((i) => i.diagnostics)]
    : r.errors.map((e) => e.message);

describe('errors never carry patient values in their message', () => {
  it.each([
    ['an impossible date (DTM -> date)', 'PID.F7', transform('$toDate($x)'), 'birthDate', DATE, 'PID-7'],
    [
      'a death date (DTM -> dateTime)',
      'PID.F29',
      transform('$toDateTime($x)'),
      'deceasedDateTime',
      DATE,
      'PID-29',
    ],
    ['a name as Y/N', 'PID.F5.C1', transform('$toBoolean($x)'), 'deceasedBoolean', NAME, 'PID-5.1'],
    [
      'a name as a number (JSONata $number)',
      'PID.F5.C1',
      transform('$number($x)'),
      'multipleBirthInteger',
      NAME,
      'PID-5.1',
    ],
    ['an MRN as NM', 'PID.F30', transform('$toDecimal($x)'), 'multipleBirthInteger', MRN, 'PID-30'],
    ['an MRN not in the ConceptMap', 'PID.F3.C1', lookup('error'), 'gender', MRN, 'PID-3.1'],
  ])('%s', async (_label, path, node, element, value, source) => {
    const r = await mapMessage(oneNode(path, node, element), MESSAGE, { terminology });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const message of messagesOf(r)) for (const phi of PHI) expect(message).not.toContain(phi);
    const [error] = r.errors;
    expect(error?.at).toMatchObject({ nodeId: 'convert', source: [source] });
    expect(JSON.stringify(error?.at.value)).toContain(value);
    expect(error?.message).toContain(source);
  });

  it('validation issues on a passed-through value keep it in `value`, not in the text', async () => {
    const r = await mapMessage(oneNode('PID.F8', lookup('passthrough'), 'gender'), MESSAGE, { terminology });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const issue = r.issues.find((i) => i.expression?.[0] === 'Bundle.entry[0].resource.gender');
    expect(issue).toMatchObject({
      severity: 'error',
      nodeId: 'convert',
      value: NAME,
      sourcePaths: ['PID.F8'],
    });
    for (const message of messagesOf(r)) for (const phi of PHI) expect(message).not.toContain(phi);
  });
});

describe('run errors point at the input field', () => {
  it('names the OBX fields behind a failing node of a for-each target', async () => {
    const bad = ORU_TWO_OBR.replace('||40.1|%|', '||4O.1|%|');
    const r = await mapMessage(oruMapping, bad, { validate: false });
    if (r.ok) throw new Error('expected a failure');
    expect(r.errors[0]).toMatchObject({
      code: 'evaluation-D3030',
      at: { nodeId: 'quantity', source: ['OBX-5.1', 'OBX-6.1'], value: '4O.1' },
    });
    expect(r.errors[0]?.message).not.toContain('4O.1');
  });

  it('writes read paths in HL7 notation', () => {
    expect(hl7Notation(['PID', 'F29'])).toBe('PID-29');
    expect(hl7Notation(['PATIENT_RESULT', 'PATIENT', 'PID', 'F3', 'C1'])).toBe('PID-3.1');
    expect(hl7Notation(['PID', 'F5', 'C1', 'S2'])).toBe('PID-5.1.2');
    expect(hl7Notation(['ORDER_OBSERVATION', 'OBR'])).toBe('OBR');
    expect(hl7Notation(['rows', 'birthDate'])).toBeUndefined();
  });
});

describe('limit errors', () => {
  it('report the attempted size and the configured maximum, each as what it is', async () => {
    const r = await mapMessage(
      oneNode('PID.F5.C1', transform('$count([1..5000000])'), 'name.text'),
      ADT_A01,
      {
        validate: false,
      },
    );
    if (r.ok) throw new Error('expected a failure');
    expect(r.errors[0]?.code).toBe('limit-sequence');
    expect(r.errors[0]?.message).toMatch(
      /^A sequence or range of 5000000 items would exceed the limit of 100000 items/,
    );
  });

  it('state the limit when JSONata reports the maximum itself', () => {
    const e = locateEvaluationError({ code: 'D2015', value: 100_000, position: 3 }, [], {
      limits: { timeoutMs: 1, maxDepth: 1, maxSequence: 100_000, maxStringLength: 1, maxOutputChars: 1 },
    });
    expect(e.message).toBe('A sequence or range grew past the limit of 100000 items.');
    expect(e.at.value).toBeUndefined();
  });
});

describe('withoutValues', () => {
  it('replaces a value written as JSON or as a whole token, not parts of other words', () => {
    expect(withoutValues('Unable to cast value to a number: "ZEBULON"', ['ZEBULON'])).toBe(
      'Unable to cast value to a number: (value)',
    );
    expect(withoutValues('Number out of range: 12 (argument 123)', [12])).toBe(
      'Number out of range: (value) (argument 123)',
    );
    expect(withoutValues('nothing here', [undefined, null])).toBe('nothing here');
  });
});
