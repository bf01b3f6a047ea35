/**
 * What a bundle means, for comparing our output with another converter's (msft FHIR-Converter, Google
 * Whistle): resource counts and the key fields the corpus README names, normalised so that ids, ordering,
 * systems and formatting choices do not count as differences.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

export function resources(bundle: unknown): Json[] {
  if (!isObject(bundle)) return [];
  return list(bundle.entry)
    .map((e) => (isObject(e) ? e.resource : undefined))
    .filter(isObject);
}

export function countByType(bundle: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of resources(bundle)) {
    const type = String(r.resourceType);
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

/** Normalised texts compare case- and space-insensitively: "EVERYMAN" vs "Everyman" is not a difference of meaning. */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

export interface PatientMeaning {
  identifiers: string[];
  names: string[];
  birthDate: string | undefined;
  gender: string | undefined;
}

export function patientMeaning(bundle: unknown): PatientMeaning | undefined {
  const patient = resources(bundle).find((r) => r.resourceType === 'Patient');
  if (!patient) return undefined;
  const identifiers = [
    ...new Set(
      list(patient.identifier)
        .filter(isObject)
        .map((i) => str(i.value))
        .filter((v): v is string => v !== undefined),
    ),
  ].sort();
  const names = [
    ...new Set(
      list(patient.name)
        .filter(isObject)
        .map((n) => norm([str(n.family) ?? '', ...list(n.given).map((g) => str(g) ?? '')].join('|')))
        .filter((n) => n.replace(/\|/g, '') !== ''),
    ),
  ].sort();
  return { identifiers, names, birthDate: str(patient.birthDate), gender: str(patient.gender) };
}

export function encounterClasses(bundle: unknown): string[] {
  return resources(bundle)
    .filter((r) => r.resourceType === 'Encounter')
    .map((r) => (isObject(r.class) ? (str(r.class.code) ?? '') : ''))
    .sort();
}

function firstCode(cc: unknown): string {
  if (!isObject(cc)) return '';
  const coding = list(cc.coding).find(isObject);
  return str(coding?.code) ?? str(cc.text) ?? '';
}

function observationValue(o: Json): string {
  if (isObject(o.valueQuantity)) {
    const q = o.valueQuantity;
    return `${str(q.comparator) ?? ''}${typeof q.value === 'number' ? q.value : ''}`;
  }
  if (o.valueString !== undefined) return norm(String(o.valueString));
  if (o.valueCodeableConcept !== undefined) return firstCode(o.valueCodeableConcept);
  if (o.valueDateTime !== undefined) return String(o.valueDateTime).slice(0, 10);
  if (isObject(o.valueRange)) return 'range';
  if (isObject(o.valueRatio)) return 'ratio';
  return '';
}

/** `code=value` per Observation, sorted: compares codes and values without caring about order or ids. */
export function observationMeaning(bundle: unknown): string[] {
  return resources(bundle)
    .filter((r) => r.resourceType === 'Observation')
    .map((o) => `${firstCode(o.code)}=${observationValue(o)}`)
    .sort();
}

/**
 * Differences of meaning between our bundle and theirs, one line each, keyed `aspect: detail` so an
 * allow-list can name them. Counts are compared only for the resource types we produce.
 */
export function meaningDiff(ours: unknown, theirs: unknown, producedTypes: readonly string[]): string[] {
  const diffs: string[] = [];
  const oc = countByType(ours);
  const tc = countByType(theirs);
  for (const type of producedTypes) {
    if ((oc[type] ?? 0) !== (tc[type] ?? 0))
      diffs.push(`count:${type}: ours ${oc[type] ?? 0}, theirs ${tc[type] ?? 0}`);
  }
  const op = patientMeaning(ours);
  const tp = patientMeaning(theirs);
  if (op && tp) {
    const missing = tp.identifiers.filter((i) => !op.identifiers.includes(i));
    const extra = op.identifiers.filter((i) => !tp.identifiers.includes(i));
    if (missing.length) diffs.push(`patient.identifier.missing: ${missing.join(', ')}`);
    if (extra.length) diffs.push(`patient.identifier.extra: ${extra.join(', ')}`);
    if (op.names.join(';') !== tp.names.join(';')) {
      diffs.push(`patient.name: ours ${op.names.join(';')}, theirs ${tp.names.join(';')}`);
    }
    if (op.birthDate !== tp.birthDate)
      diffs.push(`patient.birthDate: ours ${op.birthDate}, theirs ${tp.birthDate}`);
    if (op.gender !== tp.gender) diffs.push(`patient.gender: ours ${op.gender}, theirs ${tp.gender}`);
  } else if (op || tp) {
    diffs.push(`patient.presence: ours ${op ? 'yes' : 'no'}, theirs ${tp ? 'yes' : 'no'}`);
  }
  if (producedTypes.includes('Encounter')) {
    const oe = encounterClasses(ours).join(',');
    const te = encounterClasses(theirs).join(',');
    if (oe !== te) diffs.push(`encounter.class: ours ${oe}, theirs ${te}`);
  }
  if (producedTypes.includes('Observation')) {
    const oo = observationMeaning(ours);
    const to = observationMeaning(theirs);
    const remaining = [...to];
    const extra: string[] = [];
    for (const o of oo) {
      const i = remaining.indexOf(o);
      if (i >= 0) remaining.splice(i, 1);
      else extra.push(o);
    }
    for (const o of extra) diffs.push(`observation.extra: ${o}`);
    for (const o of remaining) diffs.push(`observation.missing: ${o}`);
  }
  return diffs;
}
