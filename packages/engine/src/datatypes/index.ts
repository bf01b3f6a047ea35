import { xadToAddress } from './address';
import { allOf, cweToCodeableConcept, cweToCoding, firstOf } from './coding';
import type { CodingSystemOptions } from './coding-systems';
import { xtnToContactPoints } from './contact-point';
import { hl7ToDate, hl7ToDateTime, hl7ToInstant, timeZoneResolver } from './datetime';
import { cxToIdentifier, type IdentifierSystemOptions } from './identifier';
import { XPN, xpnToHumanNames } from './name';
import { xcnToPractitioner } from './practitioner';
import { hl7ToBoolean, hl7ToDecimal } from './primitives';
import { toQuantityValue, toRangeValue, toRatioValue } from './quantity';

export interface Hl7FunctionOptions extends CodingSystemOptions, IdentifierSystemOptions {
  /**
   * Offset for date/times that carry a time but no offset: "+01:00" / "+0100", "Z", or an IANA zone
   * ("Europe/Amsterdam", DST-aware). UTC when unset.
   */
  defaultTimeZone?: string;
}

export interface JsonataFunction {
  implementation: (...args: unknown[]) => unknown;
  signature?: string;
}

/**
 * The HL7 v2 -> FHIR datatype functions for JSONata, keyed by name without "$". Register each with
 * `expression.registerFunction(name, fn.implementation, fn.signature)`. Signatures are omitted on purpose:
 * inputs are HL7 tree fragments of any shape (string, repetition, array of repetitions, undefined).
 *
 * Array-valued FHIR types (toHumanName, toAddress, toIdentifier, toContactPoint) return one entry per
 * non-empty repetition, always as an array. The others convert the first non-empty repetition; map over
 * repetitions with `PV1.F7.$toPractitioner($)`. Empty input gives undefined. Present but invalid values
 * throw Hl7DatatypeError (code "invalid-value").
 *
 * Throws RangeError for an unknown `defaultTimeZone`.
 */
export function hl7Functions(options: Hl7FunctionOptions = {}): Record<string, JsonataFunction> {
  const zone = timeZoneResolver(options.defaultTimeZone);
  const fn = (implementation: (...args: unknown[]) => unknown): JsonataFunction => ({ implementation });
  return {
    toDate: fn((value) => hl7ToDate(value)),
    toDateTime: fn((value) => hl7ToDateTime(value, zone)),
    toInstant: fn((value) => hl7ToInstant(value, zone)),
    toHumanName: fn((value) => allOf(value, (rep) => xpnToHumanNames(rep, XPN, zone))),
    toAddress: fn((value) => allOf(value, (rep) => xadToAddress(rep, zone))),
    toIdentifier: fn((value) => allOf(value, (rep) => cxToIdentifier(rep, zone, options))),
    toContactPoint: fn((value) => allOf(value, (rep) => xtnToContactPoints(rep, zone))),
    toCodeableConcept: fn((value) => firstOf(value, (rep) => cweToCodeableConcept(rep, options))),
    toCoding: fn((value) => firstOf(value, (rep) => cweToCoding(rep, options))),
    toPractitioner: fn((value) => firstOf(value, (rep) => xcnToPractitioner(rep, zone, options))),
    toQuantity: fn((value, units) => toQuantityValue(value, units, options)),
    toRange: fn((value, units) => toRangeValue(value, units, options)),
    toRatio: fn((value, units) => toRatioValue(value, units, options)),
    toBoolean: fn((value) => hl7ToBoolean(value)),
    toDecimal: fn((value) => hl7ToDecimal(value)),
  };
}

export { Hl7DatatypeError, isHl7DatatypeError } from './errors';
export { resolveCodingSystem, v2TableSystem, type CodingSystemOptions } from './coding-systems';
export { parseHl7DateTime, type Hl7DateTimeParts } from './datetime';
export type { IdentifierSystemOptions } from './identifier';
