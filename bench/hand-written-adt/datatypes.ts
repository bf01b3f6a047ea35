import { bundledTerminology, hl7Functions } from '@mapwright/engine';
import type { Hl7Field, Hl7Repetition } from '@mapwright/hl7v2';

/** The FHIR R4 datatype shapes the engine's HL7 datatype functions return (only what this mapping reads). */
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}
export interface Identifier {
  type?: CodeableConcept;
  system?: string;
  value?: string;
  assigner?: { display: string };
}
export interface HumanName {
  family?: string;
  given?: string[];
  prefix?: string[];
  suffix?: string[];
}
export interface ContactPoint {
  use?: string;
}
export type Address = object;
interface PractitionerParts {
  identifier?: Identifier;
  name?: HumanName;
}

// The same pure converters the engine registers in JSONata, called directly (UTC: the mapping sets no zone).
const fns = hl7Functions({});
const call = (name: string, value: unknown): unknown => fns[name].implementation(value);
type Input = Hl7Field | Hl7Repetition | undefined;

export const toDate = (v: Input) => call('toDate', v) as string | undefined;
export const toDateTime = (v: Input) => call('toDateTime', v) as string | undefined;
export const toHumanNames = (v: Input) => (call('toHumanName', v) as HumanName[] | undefined) ?? [];
export const toAddresses = (v: Input) => (call('toAddress', v) as Address[] | undefined) ?? [];
export const toIdentifiers = (v: Input) => (call('toIdentifier', v) as Identifier[] | undefined) ?? [];
export const toContactPoints = (v: Input) => (call('toContactPoint', v) as ContactPoint[] | undefined) ?? [];
export const toCodeableConcept = (v: Input) => call('toCodeableConcept', v) as CodeableConcept | undefined;
export const toPractitioner = (v: Input) => call('toPractitioner', v) as PractitionerParts | undefined;

/** XTN-2 wins; the field a number came from says home or work otherwise. */
export const withUse = (points: ContactPoint[], use: string): ContactPoint[] =>
  points.map((p) => (p.use !== undefined ? p : { ...p, use }));

/** A logical practitioner reference: identifier plus "prefix given family suffix" as display. */
export function practitionerReference(
  rep: Hl7Repetition,
): { identifier?: Identifier; display?: string } | undefined {
  const p = toPractitioner(rep);
  if (p === undefined) return undefined;
  const n = p.name;
  const words = [...(n?.prefix ?? []), ...(n?.given ?? []), n?.family, ...(n?.suffix ?? [])];
  const display = words.filter((w) => w !== undefined).join(' ');
  return { identifier: p.identifier, display: display || undefined };
}

/** What a table lookup does with a code its ConceptMap does not list. */
export type Unmapped =
  { policy: 'passthrough' } | { policy: 'default'; code: string; system?: string; display?: string };

const terminology = bundledTerminology();

/** Translates one code (or a CWE repetition: code .1, display .2, system .3) with a bundled ConceptMap. */
export function translate(
  map: string,
  value: string | Hl7Repetition | undefined,
  unmapped: Unmapped,
): Coding | undefined {
  if (value === undefined) return undefined;
  const cwe = typeof value === 'string' ? undefined : value;
  const code = cwe ? cwe.C1 : value;
  if (typeof code !== 'string') return undefined;
  const display = typeof cwe?.C2 === 'string' ? cwe.C2 : undefined;
  const system = typeof cwe?.C3 === 'string' ? cwe.C3 : undefined;
  const hit = terminology.translate(map, code, system);
  if (hit.found) return { system: hit.system, code: hit.code, display: hit.display };
  if (unmapped.policy === 'passthrough') return { system: undefined, code, display };
  return { system: unmapped.system, code: unmapped.code, display: unmapped.display };
}

/** Every repetition of a coded field through a ConceptMap, as CodeableConcepts. */
export const translateConcepts = (
  map: string,
  f: Hl7Field | undefined,
  unmapped: Unmapped,
): CodeableConcept[] =>
  (f ?? []).flatMap((rep) => {
    const coding = translate(map, rep, unmapped);
    return coding ? [{ coding: [coding] }] : [];
  });
