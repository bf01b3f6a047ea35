import type { Hl7Component, Hl7Field, Hl7Repetition } from '@mapwright/hl7v2';
import {
  practitionerReference,
  toCodeableConcept,
  toDateTime,
  toIdentifiers,
  translate,
  translateConcepts,
  type CodeableConcept,
  type Identifier,
} from './datatypes';
import { field, fieldText, text, type Segment } from './hl7';
import { SYSTEM_BASE } from './patient';

const V2_0069 = 'http://terminology.hl7.org/CodeSystem/v2-0069';
const VISIT_NUMBER = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'VN', display: 'Visit number' }],
  text: 'visit number',
};
const PARTICIPANTS: [field: number, code: string, display: string][] = [
  [7, 'ATND', 'attender'],
  [8, 'REF', 'referrer'],
  [9, 'CON', 'consultant'],
  [17, 'ADM', 'admitter'],
];

/** PV1-7/8/9/17 as participants with logical practitioner references (no Practitioner resources). */
function participants(pv1: Segment): object[] {
  return PARTICIPANTS.flatMap(([n, code, display]) =>
    (field(pv1, n) ?? []).flatMap((rep) => {
      const individual = practitionerReference(rep);
      if (individual === undefined) return [];
      const system = 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType';
      return [{ type: [{ coding: [{ system, code, display }] }], individual }];
    }),
  );
}

/**
 * `<base><sender>/` from MSH-4 (namespace, else universal id), else MSH-3; `<base>` when the message names
 * no sender. Visit numbers without an assigning authority are scoped to it, so two senders' visit 1234
 * stay two Encounters.
 */
function senderSystemBase(msh: Segment | undefined): string {
  const facility = field(msh, 4)?.[0];
  const application = field(msh, 3)?.[0];
  const sender = text(facility, 1) ?? text(facility, 2) ?? text(application, 1) ?? text(application, 2);
  return sender === undefined ? SYSTEM_BASE : `${SYSTEM_BASE}${encodeURIComponent(sender)}/`;
}

function visitSystem(id: Identifier, scope: string): Identifier {
  if (id.system !== undefined) return id;
  const authority = id.assigner?.display;
  return { ...id, system: authority ? SYSTEM_BASE + encodeURIComponent(authority) : `${scope}visit-number` };
}

const plText = (c: Hl7Component | undefined): unknown => (typeof c === 'object' && c !== null ? c.S1 : c);

/** PL as "point room bed facility building floor" (display only: no Location resources). */
function location(rep: Hl7Repetition | undefined, status: string): object | undefined {
  if (rep === undefined) return undefined;
  const parts = [rep.C1, rep.C2, rep.C3, rep.C4, rep.C7, rep.C8].map(plText);
  const display = parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
  return display ? { location: { display }, status } : undefined;
}

/** PV1-10 with the table 0069 system on codings that name none. */
function serviceType(f: Hl7Field | undefined): CodeableConcept | undefined {
  const concept = toCodeableConcept(f);
  if (concept === undefined) return undefined;
  return {
    ...concept,
    coding: (concept.coding ?? []).map((c) => (c.system !== undefined ? c : { ...c, system: V2_0069 })),
  };
}

export function encounter(pv1: Segment, pv2: Segment | undefined, msh: Segment | undefined, subject: string) {
  const patientClass = fieldText(pv1, 2);
  const classCode = patientClass || 'U';
  const discharge = field(pv1, 45);
  // PV1-45 HL7 null clears the discharge time: it is no discharge
  const discharged =
    (discharge ?? []).some((rep) => typeof rep.C1 === 'string') || fieldText(msh, 9, 2) === 'A03';
  const scope = senderSystemBase(msh);
  return {
    resourceType: 'Encounter',
    class: translate('v2-0004', classCode, {
      policy: 'default',
      code: 'U',
      system: 'http://terminology.hl7.org/CodeSystem/v2-0004',
      display: 'Unknown',
    }),
    status: discharged
      ? 'finished'
      : translate('v2-0004-encounter-status', classCode, { policy: 'default', code: 'unknown' })?.code,
    identifier: [
      ...toIdentifiers(field(pv1, 19)).map((id) => visitSystem({ ...id, type: VISIT_NUMBER }, scope)),
      ...toIdentifiers(field(pv1, 50)).map((id) => visitSystem(id, scope)),
    ],
    period: { start: toDateTime(field(pv1, 44)), end: toDateTime(discharge) },
    type: translateConcepts('v2-0007', field(pv1, 4), { policy: 'passthrough' }),
    serviceType: serviceType(field(pv1, 10)),
    participant: participants(pv1),
    location: [
      location(field(pv1, 3)?.[0], patientClass === 'P' ? 'planned' : 'active'),
      location(field(pv1, 6)?.[0], 'completed'),
    ],
    hospitalization: {
      admitSource: toCodeableConcept(field(pv1, 14)),
      dischargeDisposition: toCodeableConcept(field(pv1, 36)),
    },
    reasonCode: [toCodeableConcept(field(pv2, 3))],
    subject: { reference: subject },
  };
}
