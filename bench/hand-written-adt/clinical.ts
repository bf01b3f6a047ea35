import {
  practitionerReference,
  toAddresses,
  toCodeableConcept,
  toContactPoints,
  toDate,
  toDateTime,
  toHumanNames,
  translate,
  translateConcepts,
  withUse,
} from './datatypes';
import { field, fieldText, firstRep, type Segment } from './hl7';

type Resource = Record<string, unknown>;

export function relatedPerson(nk1: Segment, patient: string): Resource {
  return {
    resourceType: 'RelatedPerson',
    name: [...toHumanNames(field(nk1, 2)), ...toHumanNames(field(nk1, 30))],
    relationship: [
      ...translateConcepts('v2-0063', field(nk1, 3), { policy: 'passthrough' }),
      ...translateConcepts('v2-0131', field(nk1, 7), { policy: 'passthrough' }),
    ],
    address: [...toAddresses(field(nk1, 4)), ...toAddresses(field(nk1, 32))],
    telecom: [
      ...toContactPoints(field(nk1, 5)),
      ...withUse(toContactPoints(field(nk1, 6)), 'work'),
      ...toContactPoints(field(nk1, 31)),
    ],
    gender: translate('v2-0001', fieldText(nk1, 15), { policy: 'default', code: 'unknown' })?.code,
    birthDate: toDate(field(nk1, 16)),
    period: { start: toDateTime(field(nk1, 8)), end: toDateTime(field(nk1, 9)) },
    patient: { reference: patient },
  };
}

// Tables 0127 / 0128 have no bundled ConceptMap yet: the IG AllergenType and AllergySeverity maps inline.
const ALLERGEN_CATEGORY: Record<string, string> = {
  DA: 'medication',
  FA: 'food',
  EA: 'environment',
  AA: 'biologic',
  PA: 'environment',
  LA: 'environment',
};
const CRITICALITY: Record<string, string> = { SV: 'high', MI: 'low' };
const REACTION_SEVERITY: Record<string, string> = { SV: 'severe', MO: 'moderate', MI: 'mild' };
const lookup = (table: Record<string, string>, code: string | undefined): string | undefined =>
  code !== undefined && Object.hasOwn(table, code) ? table[code] : undefined;

export function allergy(al1: Segment, patient: string): Resource {
  const severity = fieldText(al1, 4);
  // manifestation is required: a reaction only when AL1-5 has text
  const reactions = (field(al1, 5) ?? [])
    .map((rep) => rep.C1)
    .filter((c): c is string => typeof c === 'string' && c !== '');
  return {
    resourceType: 'AllergyIntolerance',
    clinicalStatus: {
      coding: [
        {
          code: 'active',
          display: 'Active',
          system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
        },
      ],
    },
    category: [lookup(ALLERGEN_CATEGORY, fieldText(al1, 2))],
    code: toCodeableConcept(field(al1, 3)),
    criticality: lookup(CRITICALITY, severity),
    reaction: [
      reactions.length > 0
        ? {
            manifestation: reactions.map((text) => ({ text })),
            severity: lookup(REACTION_SEVERITY, severity),
          }
        : undefined,
    ],
    onsetDateTime: toDateTime(field(al1, 6)),
    patient: { reference: patient },
  };
}

export function condition(dg1: Segment, patient: string, encounter: string | undefined): Resource {
  const code = toCodeableConcept(field(dg1, 3));
  const description = fieldText(dg1, 4);
  const clinician = firstRep(dg1, 16);
  return {
    resourceType: 'Condition',
    category: [
      {
        coding: [
          {
            code: 'encounter-diagnosis',
            display: 'Encounter Diagnosis',
            system: 'http://terminology.hl7.org/CodeSystem/condition-category',
          },
        ],
      },
    ],
    code: description ? { ...code, text: description } : code,
    onsetDateTime: toDateTime(field(dg1, 5)),
    recordedDate: toDateTime(field(dg1, 19)),
    asserter: clinician && practitionerReference(clinician),
    verificationStatus:
      fieldText(dg1, 21) === 'D'
        ? {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
                code: 'entered-in-error',
              },
            ],
          }
        : undefined,
    subject: { reference: patient },
    encounter: encounter === undefined ? undefined : { reference: encounter },
  };
}
