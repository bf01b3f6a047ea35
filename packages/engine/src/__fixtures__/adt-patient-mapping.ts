import type { MappingInput } from '../model';

//  ┌──────────────────┐   ┌───────────────┐
//  │ mrn  PID.F3[MR]  ├──►│ patient       │ identifier
//  │ family PID.F5.C1 ├──►│  Patient      │ name.family
//  │ given  PID.F5.C2 ├──►│               │ name.given
//  │ sex   PID.F8.C1  ├─┐ │               │
//  └──────────────────┘ │ └───────▲───────┘
//                       │  ┌──────┴──────┐
//                       └─►│ gender      │ transform: M/F -> male/female
//                          └─────────────┘
export const adtPatientMapping: MappingInput = {
  id: 'adt-patient',
  name: 'ADT to Patient',
  source: { format: 'hl7v2', messageTypes: ['ADT^A01', 'ADT^A04'] },
  nodes: [
    { id: 'mrn', type: 'source', path: "PID.F3[C5 = 'MR']" },
    { id: 'family', type: 'source', path: 'PID.F5.C1', label: 'Family name' },
    { id: 'given', type: 'source', path: 'PID.F5.C2' },
    { id: 'sex', type: 'source', path: 'PID.F8.C1' },
    { id: 'birth', type: 'source', path: 'PID.F7.C1' },
    {
      id: 'gender',
      type: 'transform',
      inputs: ['sex'],
      expression: "$sex = 'M' ? 'male' : $sex = 'F' ? 'female' : 'unknown'",
    },
    {
      id: 'identifier',
      type: 'transform',
      inputs: ['cx'],
      expression: '{ "system": "urn:oid:1.2.3.4", "value": $cx.C1 }',
    },
    { id: 'birthDate', type: 'transform', inputs: ['ts'], expression: '$toDate($ts)' },
    {
      id: 'patient',
      type: 'target',
      resourceType: 'Patient',
      identity: { mode: 'conditional-update', keys: [{ searchParam: 'identifier', element: 'identifier' }] },
    },
  ],
  edges: [
    { id: 'e1', source: 'mrn', target: 'identifier', targetHandle: 'cx' },
    { id: 'e2', source: 'identifier', target: 'patient', targetHandle: 'identifier' },
    { id: 'e3', source: 'family', target: 'patient', targetHandle: 'name.family' },
    { id: 'e4', source: 'given', target: 'patient', targetHandle: 'name.given' },
    { id: 'e5', source: 'sex', target: 'gender', targetHandle: 'sex' },
    { id: 'e6', source: 'gender', target: 'patient', targetHandle: 'gender' },
    { id: 'e7', source: 'birth', target: 'birthDate', targetHandle: 'ts' },
    { id: 'e8', source: 'birthDate', target: 'patient', targetHandle: 'birthDate' },
  ],
};
