import type { TimeZoneResolver } from './datetime';
import type { Address } from './fhir-types';
import { periodOf } from './name';
import { compact, component, strings, sub, text, type Repetition } from './tree';
import { mapCode } from './vocabulary';

/** CWE[string]: original text (.9), else text (.2), else the code; plain IS/ST strings as they are. */
function cweString(rep: Repetition, n: number): string | undefined {
  if (typeof component(rep, n) !== 'object') return text(rep, n);
  return sub(rep, n, 9) ?? sub(rep, n, 2) ?? sub(rep, n, 1);
}

/**
 * XAD -> Address (IG sheet XAD[Address] with SAD[Address]): line = XAD.1 subcomponents (street or
 * mailing address, street name, dwelling number), XAD.2, XAD.19; XAD.7 goes to `use` through
 * ConceptMap v2-0190 and to `type` through v2-0190-type (both from the IG sheets). Period from XAD.13/14,
 * else XAD.12. Not mapped: XAD.7 "HV" and census tract extensions, XAD.8, XAD.10, XAD.11, XAD.15-18.
 */
export function xadToAddress(rep: Repetition, zone: TimeZoneResolver): Address | undefined {
  const addressType = text(rep, 7);
  const address = compact<Address>({
    use: mapCode('v2-0190', addressType)?.code,
    type: mapCode('v2-0190-type', addressType)?.code,
    line: strings(sub(rep, 1, 1), sub(rep, 1, 2), sub(rep, 1, 3), text(rep, 2), text(rep, 19)),
    city: text(rep, 3),
    district: cweString(rep, 9),
    state: text(rep, 4),
    postalCode: text(rep, 5),
    country: text(rep, 6),
    period: periodOf(rep, 12, 13, 14, zone),
  });
  const { use: _use, type: _type, period: _period, ...content } = address;
  return Object.keys(content).length > 0 ? address : undefined;
}
