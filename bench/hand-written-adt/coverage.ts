import {
  toAddresses,
  toContactPoints,
  toDateTime,
  toHumanNames,
  toCodeableConcept,
  toIdentifiers,
} from './datatypes';
import { field, fieldText, type Segment } from './hl7';
import { withLocalSystem } from './patient';

type Resource = Record<string, unknown>;

// R4 subscriber-relationship codes (the binding) for table 0063 values.
const RELATIONSHIP: Record<string, string> = {
  SEL: 'self',
  SPO: 'spouse',
  DOM: 'common',
  CHD: 'child',
  PAR: 'parent',
  MTH: 'parent',
  FTH: 'parent',
};

/**
 * `payor` is required in R4: only an IN1 that names its insurer (an IN1-3 id or an IN1-4 name) gives a
 * Coverage. HL7 null `""` there clears the value; it names no one.
 */
export const namesInsurer = (in1: Segment): boolean =>
  (field(in1, 3) ?? []).some((rep) => typeof rep.C1 === 'string') || fieldText(in1, 4) !== undefined;

const coverageClass = (code: string, display: string) => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-class', code, display }],
});

export function coverage(in1: Segment, patient: string, insurer: string): Resource {
  const plan = field(in1, 2)?.[0];
  const groupNumber = fieldText(in1, 8);
  const relationship = fieldText(in1, 17);
  const insured = toHumanNames(field(in1, 16))[0];
  const insuredName = [...(insured?.prefix ?? []), ...(insured?.given ?? []), insured?.family]
    .filter((w) => w !== undefined)
    .join(' ');
  return {
    resourceType: 'Coverage',
    status: 'active',
    identifier: [fieldText(in1, 36) ? { value: fieldText(in1, 36) } : undefined],
    class: [
      typeof plan?.C1 === 'string'
        ? { type: coverageClass('plan', 'Plan'), value: plan.C1, name: plan.C2 }
        : undefined,
      groupNumber
        ? { type: coverageClass('group', 'Group'), value: groupNumber, name: fieldText(in1, 9) }
        : undefined,
    ],
    period: { start: toDateTime(field(in1, 12)), end: toDateTime(field(in1, 13)) },
    type: toCodeableConcept(field(in1, 15)),
    relationship: relationship
      ? {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
              code: (Object.hasOwn(RELATIONSHIP, relationship) && RELATIONSHIP[relationship]) || 'other',
            },
          ],
          text: relationship,
        }
      : undefined,
    // An insured other than the patient is a display-only reference (no RelatedPerson is made).
    subscriber: relationship !== 'SEL' && insuredName ? { display: insuredName } : undefined,
    subscriberId: fieldText(in1, 49),
    beneficiary: { reference: patient },
    payor: [{ reference: insurer }],
  };
}

/** The insurer Organization from IN1-3/4/5/7, created once per identifier (conditional create). */
export function insurer(in1: Segment): Resource {
  return {
    resourceType: 'Organization',
    identifier: toIdentifiers(field(in1, 3)).map((id) => withLocalSystem(id, 'insurer')),
    name: fieldText(in1, 4),
    address: toAddresses(field(in1, 5)),
    telecom: toContactPoints(field(in1, 7)),
    type: [
      {
        coding: [
          {
            code: 'ins',
            display: 'Insurance Company',
            system: 'http://terminology.hl7.org/CodeSystem/organization-type',
          },
        ],
      },
    ],
  };
}
