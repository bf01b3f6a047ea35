import type { Hl7Repetition } from '@mapwright/hl7v2';
import {
  toAddresses,
  toCodeableConcept,
  toContactPoints,
  toDate,
  toDateTime,
  toHumanNames,
  toIdentifiers,
  translate,
  translateConcepts,
  withUse,
  type Identifier,
} from './datatypes';
import { field, fieldText, firstRep, text, type Segment } from './hl7';

/** Identifier system base for local assigning authorities (the mapping's constant; configure per site). */
export const SYSTEM_BASE = 'http://example.org/fhir/sid/';
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const CDC_RACE_ETHNICITY = 'urn:oid:2.16.840.1.113883.6.238';
const OMB_RACE = new Set(['1002-5', '2028-9', '2054-5', '2076-8', '2106-3']);
const OMB_ETHNICITY: Record<string, string> = {
  '2135-2': 'Hispanic or Latino',
  '2186-5': 'Not Hispanic or Latino',
};

/**
 * Identifiers without a URI system get `<base><assigning authority>` (else `<base><fallback>`), so the
 * conditional `identifier=system|value` stays scoped to one authority.
 */
export function withLocalSystem(id: Identifier, fallback: string): Identifier {
  if (id.system !== undefined) return id;
  return { ...id, system: SYSTEM_BASE + encodeURIComponent(id.assigner?.display || fallback) };
}

/** PID-3 MR first, other PID-3, PID-2, PID-4, PID-20 (DL), then PID-19 (SSN); the first of each value wins. */
function patientIdentifiers(pid: Segment | undefined): Identifier[] {
  const pid3 = field(pid, 3) ?? [];
  const isMr = (rep: Hl7Repetition) => rep.C5 === 'MR';
  const dl = firstRep(pid, 20);
  const licence = text(dl, 1);
  const licenceAuthority = text(dl, 2);
  const local = [
    ...toIdentifiers(pid3.filter(isMr)),
    ...toIdentifiers(pid3.filter((rep) => !isMr(rep))),
    ...toIdentifiers(field(pid, 2)),
    ...toIdentifiers(field(pid, 4)),
    ...(licence
      ? [
          {
            type: { coding: [{ system: V2_0203, code: 'DL' }] },
            value: licence,
            assigner: licenceAuthority ? { display: licenceAuthority } : undefined,
          },
        ]
      : []),
  ].map((id) => withLocalSystem(id, id.type?.coding?.[0]?.code || id.type?.text || 'id'));
  const ssn = fieldText(pid, 19);
  if (ssn)
    local.push({
      type: { coding: [{ system: V2_0203, code: 'SS' }] },
      system: 'http://hl7.org/fhir/sid/us-ssn',
      value: ssn,
    });
  const seen = new Set<unknown>();
  return local.filter((id) => {
    if (id.value === undefined) return true;
    if (seen.has(id.value)) return false;
    seen.add(id.value);
    return true;
  });
}

/** PID-10 as the US Core race extension (OMB categories only). */
function race(pid: Segment | undefined): object | undefined {
  const codes = (field(pid, 10) ?? []).filter(
    (rep) =>
      typeof rep.C1 === 'string' &&
      OMB_RACE.has(rep.C1) &&
      (rep.C3 === undefined || rep.C3 === 'CDCREC' || rep.C3 === 'HL70005'),
  );
  if (codes.length === 0) return undefined;
  return {
    url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race',
    extension: [
      ...codes.map((rep) => ({
        url: 'ombCategory',
        valueCoding: { system: CDC_RACE_ETHNICITY, code: rep.C1, display: rep.C2 },
      })),
      { url: 'text', valueString: codes.map((rep) => text(rep, 2) || text(rep, 1)).join(', ') },
    ],
  };
}

/** PID-22 through table 0189 as the US Core ethnicity extension (OMB categories only). */
function ethnicity(pid: Segment | undefined): object | undefined {
  const reps = field(pid, 22) ?? [];
  let code: string | undefined;
  let matched: Hl7Repetition | undefined;
  for (const rep of reps) {
    const coding = translate('v2-0189', rep, { policy: 'passthrough' });
    if (coding?.code !== undefined && Object.hasOwn(OMB_ETHNICITY, coding.code)) {
      code = coding.code;
      matched = rep;
      break;
    }
  }
  if (code === undefined) return undefined;
  const display = OMB_ETHNICITY[code];
  return {
    url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity',
    extension: [
      { url: 'ombCategory', valueCoding: { system: CDC_RACE_ETHNICITY, code, display } },
      { url: 'text', valueString: text(matched, 2) || display },
    ],
  };
}

/** Table 0136 Y/N as a boolean; other values are ignored. */
function yesNo(code: string | undefined): boolean | undefined {
  const mapped = translate('v2-0136', code, { policy: 'passthrough' })?.code;
  return mapped === 'true' ? true : mapped === 'false' ? false : undefined;
}

export function patient(pid: Segment | undefined): Record<string, unknown> {
  const pid7 = field(pid, 7);
  const birthOrder = fieldText(pid, 25);
  const death = field(pid, 29);
  return {
    resourceType: 'Patient',
    identifier: patientIdentifiers(pid),
    name: [...toHumanNames(field(pid, 5)), ...toHumanNames(field(pid, 9))],
    // A PID-7 that is not a date at all (one corpus message has "female" there) is left out.
    birthDate: /^\d{4}/.test(text(pid7?.[0], 1) ?? '') ? toDate(pid7) : undefined,
    gender: translate('v2-0001', fieldText(pid, 8), { policy: 'default', code: 'unknown' })?.code,
    address: toAddresses(field(pid, 11)),
    telecom: [
      ...withUse(toContactPoints(field(pid, 13)), 'home'),
      ...withUse(toContactPoints(field(pid, 14)), 'work'),
      ...toContactPoints(field(pid, 40)),
    ],
    maritalStatus: translateConcepts('v2-0002', field(pid, 16), { policy: 'passthrough' })[0],
    communication: [{ language: toCodeableConcept(field(pid, 15)) }],
    extension: [race(pid), ethnicity(pid)],
    multipleBirthBoolean: birthOrder ? undefined : yesNo(fieldText(pid, 24)),
    multipleBirthInteger: birthOrder ? Number(birthOrder) : undefined,
    deceasedDateTime: toDateTime(death),
    // PID-29 HL7 null clears the death time: only a real deceasedDateTime makes PID-30 give way
    deceasedBoolean: toDateTime(death) !== undefined ? undefined : yesNo(fieldText(pid, 30)),
  };
}
