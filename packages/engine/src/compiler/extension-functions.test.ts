import { describe, expect, it } from 'vitest';
import { mapMessage } from '../runtime/run-mapping';

//  ┌────────┐   ┌──────────────────────┐   ┌─────────┐
//  │ pid3   ├──►│ ids: $toIdentifier   ├──►│ Patient │
//  └────────┘   └──────────────────────┘   │ identifier
//  ┌────────┐   ┌──────────────────────┐   │ maritalStatus
//  │ pid16  ├──►│ ms: $toCodeableConcept├─►│         │
//  └────────┘   └──────────────────────┘   └─────────┘
const mapping = (settings: Record<string, string>) => ({
  id: 'settings',
  name: 'Settings',
  source: { format: 'hl7v2' },
  settings,
  nodes: [
    { id: 'pid3', type: 'source', path: 'PID.F3' },
    { id: 'pid16', type: 'source', path: 'PID.F16' },
    { id: 'ids', type: 'transform', inputs: ['cx'], expression: '$toIdentifier($cx)' },
    { id: 'ms', type: 'transform', inputs: ['cwe'], expression: '$toCodeableConcept($cwe)' },
    { id: 'patient', type: 'target', resourceType: 'Patient' },
  ],
  edges: [
    { id: 'e1', source: 'pid3', target: 'ids', targetHandle: 'cx' },
    { id: 'e2', source: 'ids', target: 'patient', targetHandle: 'identifier' },
    { id: 'e3', source: 'pid16', target: 'ms', targetHandle: 'cwe' },
    { id: 'e4', source: 'ms', target: 'patient', targetHandle: 'maritalStatus' },
  ],
});

const message = [
  'MSH|^~\\&|A|B|C|D|20240101||ADT^A01|1|P|2.5.1',
  'PID|1||555^^^ADT1^MR||Doe^Jo|||||||||||W^Widowed^99LOC',
].join('\r');

const patient = async (settings: Record<string, string>) => {
  const result = await mapMessage(mapping(settings), message, { validate: false });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.bundle.entry![0]!.resource as Record<string, unknown>;
};

describe('mapping settings reach the datatype functions', () => {
  it('gives local assigning authorities and code systems a system under the configured bases', async () => {
    const p = await patient({
      localIdentifierSystemBase: 'https://hospital.example/id/',
      localCodeSystemBase: 'https://hospital.example/cs/',
    });
    expect(p.identifier).toMatchObject([{ system: 'https://hospital.example/id/ADT1', value: '555' }]);
    expect(p.maritalStatus).toMatchObject({
      coding: [{ system: 'https://hospital.example/cs/99LOC', code: 'W' }],
    });
  });

  it('leaves local names without a system when no base is configured', async () => {
    const p = await patient({});
    expect(p.identifier).toMatchObject([{ value: '555', assigner: { display: 'ADT1' } }]);
    expect((p.identifier as { system?: string }[])[0]!.system).toBeUndefined();
  });
});
