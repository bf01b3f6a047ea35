import { hl7ToDateTime, type TimeZoneResolver } from './datetime';
import type { Extension, HumanName, Period } from './fhir-types';
import { component, compact, strings, sub, text, type Repetition } from './tree';
import { mapCode } from './vocabulary';

/** Where the name parts sit: XPN from .1, XCN shifted by one (XCN.1 is the id). */
export interface NameLayout {
  family: number;
  given: number;
  middle: number;
  suffix: number;
  prefix: number;
  /** Degree goes to suffix for XPN; XCN maps it to Practitioner.qualification instead. */
  degree?: number;
  type: number;
  validityRange: number;
  start: number;
  end: number;
  professionalSuffix: number;
  calledBy?: number;
}

export const XPN: NameLayout = {
  family: 1,
  given: 2,
  middle: 3,
  suffix: 4,
  prefix: 5,
  degree: 6,
  type: 7,
  validityRange: 10,
  start: 12,
  end: 13,
  professionalSuffix: 14,
  calledBy: 15,
};

export const XCN_NAME: NameLayout = {
  family: 2,
  given: 3,
  middle: 4,
  suffix: 5,
  prefix: 6,
  type: 10,
  validityRange: 17,
  start: 19,
  end: 20,
  professionalSuffix: 21,
};

const FN_EXTENSIONS = [
  { sub: 2, url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix' },
  { sub: 3, url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name' },
  { sub: 4, url: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-prefix' },
  { sub: 5, url: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name' },
];

/** Period from effective/expiration dates, else from the validity range (DR as subcomponents). */
export function periodOf(
  rep: Repetition,
  range: number,
  start: number,
  end: number,
  zone: TimeZoneResolver,
): Period | undefined {
  const startValue = text(rep, start);
  const endValue = text(rep, end);
  const period =
    startValue !== undefined || endValue !== undefined
      ? { start: hl7ToDateTime(startValue, zone), end: hl7ToDateTime(endValue, zone) }
      : { start: hl7ToDateTime(sub(rep, range, 1), zone), end: hl7ToDateTime(sub(rep, range, 2), zone) };
  const out = compact(period);
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * XPN -> HumanName (IG sheet XPN[HumanName]; XCN uses the same code with its own layout). XPN.1 may be
 * a plain string (v2.3) or FN subcomponents (v2.5+): FN.1 is `family`, FN.2-5 go to the humanname-*
 * extensions on `_family`. XPN.3 stays one `given` entry ("Mary Anne" is not split: HL7 cannot say
 * whether it is one name). XPN.15 "called by" becomes a second name with use "nickname".
 * Not mapped: XPN.8, .9, .11 (assembly order extension).
 */
export function xpnToHumanNames(rep: Repetition, layout: NameLayout, zone: TimeZoneResolver): HumanName[] {
  const extensions: Extension[] = [];
  if (typeof component(rep, layout.family) === 'object') {
    for (const ext of FN_EXTENSIONS) {
      const value = sub(rep, layout.family, ext.sub);
      if (value !== undefined) extensions.push({ url: ext.url, valueString: value });
    }
  }
  const name = compact<HumanName>({
    use: mapCode('v2-0200', text(rep, layout.type))?.code,
    family: text(rep, layout.family),
    _family: extensions.length > 0 ? { extension: extensions } : undefined,
    given: strings(text(rep, layout.given), text(rep, layout.middle)),
    prefix: strings(text(rep, layout.prefix)),
    suffix: strings(
      text(rep, layout.suffix),
      layout.degree !== undefined ? text(rep, layout.degree) : undefined,
      text(rep, layout.professionalSuffix),
    ),
    period: periodOf(rep, layout.validityRange, layout.start, layout.end, zone),
  });
  const names: HumanName[] = [];
  // A name that is only a use code or period says nothing about the person.
  if (
    name.family !== undefined ||
    name.given !== undefined ||
    name._family !== undefined ||
    name.prefix !== undefined ||
    name.suffix !== undefined
  ) {
    names.push(name);
  }
  const calledBy = layout.calledBy !== undefined ? text(rep, layout.calledBy) : undefined;
  if (calledBy !== undefined) names.push({ use: 'nickname', given: [calledBy] });
  return names;
}
