import { resolveCodingSystem, type CodingSystemOptions } from './coding-systems';
import { Hl7DatatypeError } from './errors';
import type { Quantity, Range, Ratio } from './fhir-types';
import { compact, component, nested, repetitions, text, type Repetition } from './tree';
import { looksLikeUcum } from './ucum';

const NM = /^[+-]?(\d+\.?\d*|\.\d+)$/;
const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/**
 * NM -> decimal. JSON numbers cannot keep trailing zeros ("5.10" becomes 5.1); FHIR allows that loss
 * in JSON tooling, but note it when precision matters.
 */
export function parseNm(raw: string | undefined, datatype = 'NM'): number | undefined {
  if (raw === undefined) return undefined;
  if (!NM.test(raw)) throw new Hl7DatatypeError(datatype, raw, 'the value is not an HL7 number (NM)');
  return Number(raw);
}

/**
 * Units (CWE, usually OBX-6) -> Quantity unit/system/code, per IG sheet CWE[Quantity]: unit is CWE.2,
 * else CWE.1; system/code only when CWE.1 and a resolvable CWE.3 are valued. Deviation: with no CWE.3,
 * a CWE.1 that parses as UCUM gets the UCUM system and code (senders often omit "UCUM").
 */
export function unitsOf(
  input: unknown,
  options: CodingSystemOptions,
): Pick<Quantity, 'unit' | 'system' | 'code'> {
  const rep = repetitions(input)[0];
  if (!rep) return {};
  const code = text(rep, 1);
  const unit = text(rep, 2) ?? code;
  const systemName = text(rep, 3);
  let system = systemName !== undefined ? resolveCodingSystem(systemName, options) : undefined;
  if (system === undefined && systemName === undefined && code !== undefined && looksLikeUcum(code))
    system = UCUM_SYSTEM;
  return compact({
    unit,
    system: code !== undefined ? system : undefined,
    code: system !== undefined ? code : undefined,
  });
}

type Sn = { comparator?: string; num1?: number; separator?: string; num2?: number; raw: string };

const COMPARATORS = new Set(['<', '<=', '>=', '>']);

/** Reads NM, SN or CQ from a repetition. CQ (number + units in C2) is told from SN by C1 being a number. */
function readNumeric(rep: Repetition): { sn: Sn; units?: unknown } {
  const c1 = text(rep, 1);
  const c2 = component(rep, 2);
  const raw = [1, 2, 3, 4]
    .map((n) => text(rep, n) ?? '')
    .join('^')
    .replace(/\^+$/, '');
  if (
    c1 !== undefined &&
    NM.test(c1) &&
    c2 !== undefined &&
    !(typeof c2 === 'string' && NM.test(c2.trim()))
  ) {
    return { sn: { num1: parseNm(c1, 'CQ'), raw }, units: nested(rep, 2) };
  }
  if (c2 === undefined && text(rep, 3) === undefined && text(rep, 4) === undefined) {
    return { sn: { num1: parseNm(c1), raw } };
  }
  return {
    sn: {
      comparator: c1,
      num1: parseNm(text(rep, 2), 'SN'),
      separator: text(rep, 3),
      num2: parseNm(text(rep, 4), 'SN'),
      raw,
    },
  };
}

function firstNumeric(input: unknown): { sn: Sn; units?: unknown } | undefined {
  for (const rep of repetitions(input)) {
    const read = readNumeric(rep);
    if (read.sn.num1 !== undefined || read.sn.num2 !== undefined) return read;
  }
  return undefined;
}

function shapeOf(sn: Sn): 'quantity' | 'range' | 'ratio' | 'categorical' {
  if (sn.num2 === undefined) return sn.separator === '+' ? 'categorical' : 'quantity';
  if (sn.separator === '-') return 'range';
  if (sn.separator === ':' || sn.separator === '/') return 'ratio';
  return 'categorical';
}

/**
 * NM, CQ or SN (+ optional units CWE) -> Quantity (IG sheets NM[Quantity], CQ[Quantity], SN[Quantity]).
 * SN comparator "<", "<=", ">=", ">" is kept; "=" or none is dropped. An SN that is a range, ratio or
 * categorical value ("2+"), or uses "<>", throws: use toRange / toRatio, or map it as a string.
 */
export function toQuantityValue(
  value: unknown,
  units: unknown,
  options: CodingSystemOptions,
): Quantity | undefined {
  const read = firstNumeric(value);
  if (!read) return undefined;
  const { sn } = read;
  const shape = shapeOf(sn);
  if (shape !== 'quantity') {
    throw new Hl7DatatypeError('SN->Quantity', sn.raw, `the value is a ${shape} value, not a Quantity`);
  }
  if (sn.comparator !== undefined && sn.comparator !== '=' && !COMPARATORS.has(sn.comparator)) {
    throw new Hl7DatatypeError('SN->Quantity', sn.raw, 'the comparator has no FHIR Quantity equivalent');
  }
  const comparator =
    sn.comparator !== undefined && COMPARATORS.has(sn.comparator)
      ? (sn.comparator as Quantity['comparator'])
      : undefined;
  return compact<Quantity>({ value: sn.num1, comparator, ...unitsOf(units ?? read.units, options) });
}

/** SN "^10^-^20" -> Range (IG sheet SN[Range]); a plain number or a comparator is not a range and throws. */
export function toRangeValue(
  value: unknown,
  units: unknown,
  options: CodingSystemOptions,
): Range | undefined {
  const read = firstNumeric(value);
  if (!read) return undefined;
  if (shapeOf(read.sn) !== 'range')
    throw new Hl7DatatypeError('SN->Range', read.sn.raw, 'the value is not a range (num1^-^num2)');
  const unitParts = unitsOf(units ?? read.units, options);
  return compact<Range>({
    low: compact({ value: read.sn.num1, ...unitParts }),
    high: compact({ value: read.sn.num2, ...unitParts }),
  });
}

/** SN "^1^:^128" or "^1^/^2" -> Ratio (IG sheet SN[Ratio]). Units, when given, go on the numerator. */
export function toRatioValue(
  value: unknown,
  units: unknown,
  options: CodingSystemOptions,
): Ratio | undefined {
  const read = firstNumeric(value);
  if (!read) return undefined;
  if (shapeOf(read.sn) !== 'ratio')
    throw new Hl7DatatypeError('SN->Ratio', read.sn.raw, 'the value is not a ratio (num1^:^num2)');
  const comparator =
    read.sn.comparator !== undefined && COMPARATORS.has(read.sn.comparator)
      ? (read.sn.comparator as Quantity['comparator'])
      : undefined;
  return compact<Ratio>({
    numerator: compact({ value: read.sn.num1, comparator, ...unitsOf(units ?? read.units, options) }),
    denominator: compact({ value: read.sn.num2 }),
  });
}
