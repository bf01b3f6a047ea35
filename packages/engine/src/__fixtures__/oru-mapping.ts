import type { MappingInput } from '../model';

//  ┌──────────┐      ┌─────────────────────────────┐
//  │ patient  │◄─────┤ report  (DiagnosticReport)  │ for each PATIENT_RESULT.ORDER_OBSERVATION
//  │ Patient  │      │   result ──► obs of my item │
//  └────▲─────┘      └──────────────▲──────────────┘
//       │ subject                   │ parent
//       │            ┌──────────────┴──────────────┐
//       └────────────┤ obs  (Observation)          │ for each OBSERVATION of each report
//                    └─────────────────────────────┘
export const oruMapping: MappingInput = {
  id: 'oru-lab',
  name: 'ORU lab results',
  source: { format: 'hl7v2', messageTypes: ['ORU^R01'] },
  nodes: [
    { id: 'mrn', type: 'source', path: "$msg.PATIENT_RESULT.PATIENT.PID.F3[C5 = 'MR'].C1" },
    { id: 'family', type: 'source', path: '$msg.PATIENT_RESULT.PATIENT.PID.F5.C1' },
    { id: 'orderCode', type: 'source', path: 'OBR.F4' },
    { id: 'obsCode', type: 'source', path: 'OBX.F3' },
    { id: 'obsValue', type: 'source', path: 'OBX.F5.C1' },
    { id: 'unit', type: 'source', path: 'OBX.F6.C1' },
    {
      id: 'mrnIdentifier',
      type: 'transform',
      inputs: ['mrn'],
      expression: '{ "system": "urn:oid:1.2.3.4", "value": $mrn }',
    },
    {
      id: 'reportCode',
      type: 'transform',
      inputs: ['cwe'],
      expression: '{ "coding": [{ "code": $cwe.C1, "display": $cwe.C2, "system": "http://loinc.org" }] }',
    },
    {
      id: 'code',
      type: 'transform',
      inputs: ['cwe'],
      expression: '{ "coding": [{ "code": $cwe.C1, "display": $cwe.C2, "system": "http://loinc.org" }] }',
    },
    {
      id: 'quantity',
      type: 'transform',
      inputs: ['value', 'unit'],
      expression: '$value ? { "value": $number($value), "unit": $unit }',
    },
    { id: 'final', type: 'constant', value: 'final' },
    {
      id: 'patient',
      type: 'target',
      resourceType: 'Patient',
      identity: { mode: 'conditional-create', keys: [{ searchParam: 'identifier', element: 'identifier' }] },
    },
    {
      id: 'report',
      type: 'target',
      resourceType: 'DiagnosticReport',
      forEach: 'PATIENT_RESULT.ORDER_OBSERVATION',
      references: [
        { element: 'subject', target: 'patient' },
        { element: 'result', target: 'obs' },
      ],
    },
    {
      id: 'obs',
      type: 'target',
      resourceType: 'Observation',
      parent: 'report',
      forEach: 'OBSERVATION',
      references: [{ element: 'subject', target: 'patient' }],
    },
  ],
  edges: [
    { id: 'e1', source: 'mrn', target: 'mrnIdentifier', targetHandle: 'mrn' },
    { id: 'e2', source: 'mrnIdentifier', target: 'patient', targetHandle: 'identifier' },
    { id: 'e3', source: 'family', target: 'patient', targetHandle: 'name.family' },
    { id: 'e4', source: 'orderCode', target: 'reportCode', targetHandle: 'cwe' },
    { id: 'e5', source: 'reportCode', target: 'report', targetHandle: 'code' },
    { id: 'e6', source: 'final', target: 'report', targetHandle: 'status' },
    { id: 'e7', source: 'obsCode', target: 'code', targetHandle: 'cwe' },
    { id: 'e8', source: 'code', target: 'obs', targetHandle: 'code' },
    { id: 'e9', source: 'obsValue', target: 'quantity', targetHandle: 'value' },
    { id: 'e10', source: 'unit', target: 'quantity', targetHandle: 'unit' },
    { id: 'e11', source: 'quantity', target: 'obs', targetHandle: 'valueQuantity' },
    { id: 'e12', source: 'final', target: 'obs', targetHandle: 'status' },
  ],
};
