import { Hl7DatatypeError } from './errors';
import { repetitions, text } from './tree';
import { parseNm } from './quantity';

function firstText(input: unknown): string | undefined {
  for (const rep of repetitions(input)) {
    const value = text(rep, 1);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** ID (table 0136) -> boolean: Y/N, either case. Anything else throws (no guessing on clinical flags). */
export function hl7ToBoolean(input: unknown): boolean | undefined {
  if (typeof input === 'boolean') return input;
  const value = firstText(input);
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (upper === 'Y') return true;
  if (upper === 'N') return false;
  throw new Hl7DatatypeError('ID(0136)->boolean', value, 'the value is not Y or N');
}

/** NM -> decimal (first non-empty repetition). */
export function hl7ToDecimal(input: unknown): number | undefined {
  if (typeof input === 'number') return input;
  return parseNm(firstText(input));
}
