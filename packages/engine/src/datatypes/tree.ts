/**
 * Readers for the HL7 tree handed to JSONata functions (contract of @mapwright/hl7v2): a field is an array
 * of repetitions, a repetition an object `{ C1, C2, ... }`, a component a string, null (HL7 `""`) or
 * `{ S1, S2, ... }`. JSONata may collapse a one-repetition field to the object itself, and analysts may
 * pass a component or a plain string, so every reader accepts all of these.
 */

export type Repetition = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Subcomponents `{ S1, S2 }` passed where a repetition is expected (e.g. `$toIdentifier(X.C4)`) become `{ C1, C2 }`. */
function subcomponentsAsRepetition(value: Record<string, unknown>): Repetition {
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => /^S\d+$/.test(key))) return value;
  return Object.fromEntries(keys.map((key) => [`C${key.slice(1)}`, value[key]]));
}

/** All repetitions of a field-like input, flattening nested arrays (paths through repeating segments). */
export function repetitions(input: unknown): Repetition[] {
  if (input === undefined || input === null) return [];
  if (Array.isArray(input)) return input.flatMap(repetitions);
  if (typeof input === 'string') return input.trim() === '' ? [] : [{ C1: input }];
  if (typeof input === 'number' || typeof input === 'boolean') return [{ C1: String(input) }];
  if (isRecord(input)) return Object.keys(input).length === 0 ? [] : [subcomponentsAsRepetition(input)];
  return [];
}

/** Trimmed non-empty text or undefined. HL7 null (JSON null) is "no value" here. */
export function clean(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Component `n` (1-based) of a repetition, raw. */
export function component(rep: Repetition, n: number): unknown {
  return rep[`C${n}`];
}

/**
 * Text of component `n`: the string itself, or its first subcomponent when the sender used subcomponents
 * (FN in XPN.1 since v2.5, TS inside DR, HD inside CX...).
 */
export function text(rep: Repetition, n: number): string | undefined {
  const value = component(rep, n);
  if (isRecord(value)) return clean(value['S1']);
  return clean(value);
}

/** Subcomponent `s` of component `n`; a plain-string component is its own first subcomponent. */
export function sub(rep: Repetition, n: number, s: number): string | undefined {
  const value = component(rep, n);
  if (isRecord(value)) return clean(value[`S${s}`]);
  return s === 1 ? clean(value) : undefined;
}

/** Component `n` viewed as a repetition of its own (subcomponents become C1, C2...), for nested types. */
export function nested(rep: Repetition, n: number): Repetition | undefined {
  const value = component(rep, n);
  return repetitions(value)[0];
}

/** Drops keys whose value is undefined or an empty array, so FHIR output carries no empty elements. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (isRecord(v) && Object.keys(v).length === 0) continue;
    out[key] = v;
  }
  return out as T;
}

/** Keeps the defined, non-empty strings of a list. */
export function strings(...values: (string | undefined)[]): string[] {
  return values.filter((v): v is string => v !== undefined);
}
