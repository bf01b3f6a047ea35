import { resolveCodingSystem, type CodingSystemOptions } from './coding-systems';
import type { CodeableConcept, Coding } from './fhir-types';
import { compact, repetitions, text, type Repetition } from './tree';

/**
 * CWE/CE/CNE -> Coding / CodeableConcept (IG sheets CWE[CodeableConcept], CE[...], CNE[...]):
 * triplets .1-.3 (+ version .7), .4-.6 (+ .8), .10-.12 (+ .13) become codings; system names resolve
 * through `resolveCodingSystem`, with the OIDs in .14/.17/.20 as fallback.
 * Deviations: a triplet without a code is not a coding (its text can still become `text`); `text` is
 * CWE.9, else the first triplet's text (the IG maps only .9) so the concept stays readable.
 */
const TRIPLETS = [
  { code: 1, display: 2, system: 3, version: 7, oid: 14 },
  { code: 4, display: 5, system: 6, version: 8, oid: 17 },
  { code: 10, display: 11, system: 12, version: 13, oid: 20 },
] as const;

function triplet(
  rep: Repetition,
  t: (typeof TRIPLETS)[number],
  options: CodingSystemOptions,
): Coding | undefined {
  const code = text(rep, t.code);
  if (code === undefined) return undefined;
  return compact({
    system: resolveCodingSystem(text(rep, t.system), options, text(rep, t.oid)),
    version: text(rep, t.version),
    code,
    display: text(rep, t.display),
  });
}

export function cweToCodeableConcept(
  rep: Repetition,
  options: CodingSystemOptions,
): CodeableConcept | undefined {
  const coding = TRIPLETS.map((t) => triplet(rep, t, options)).filter((c): c is Coding => c !== undefined);
  const concept = compact({ coding, text: text(rep, 9) ?? text(rep, 2) ?? text(rep, 5) });
  return Object.keys(concept).length > 0 ? concept : undefined;
}

/** CWE[Coding]: the first triplet; the alternate one when the first has no code. */
export function cweToCoding(rep: Repetition, options: CodingSystemOptions): Coding | undefined {
  return triplet(rep, TRIPLETS[0], options) ?? triplet(rep, TRIPLETS[1], options);
}

export function firstOf<T>(input: unknown, convert: (rep: Repetition) => T | undefined): T | undefined {
  for (const rep of repetitions(input)) {
    const value = convert(rep);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function allOf<T>(input: unknown, convert: (rep: Repetition) => T | T[] | undefined): T[] | undefined {
  const out = repetitions(input).flatMap((rep) => convert(rep) ?? []);
  return out.length > 0 ? out : undefined;
}
