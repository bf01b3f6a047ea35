import { hl7ToDateTime, type TimeZoneResolver } from './datetime';
import { Hl7DatatypeError } from './errors';
import type { ContactPoint } from './fhir-types';
import { compact, text, type Repetition } from './tree';
import { mapCode } from './vocabulary';

const EMAIL_TYPES = new Set(['INTERNET', 'X.400']);
const CONTACT_POINT_USE = 'http://hl7.org/fhir/contact-point-use';

/** "+XTN.5 XTN.6 XTN.7 XXTN.8" as the IG builds it; undefined without a local number. */
function builtNumber(rep: Repetition): string | undefined {
  const local = text(rep, 7);
  if (local === undefined) return undefined;
  const country = text(rep, 5);
  const area = text(rep, 6);
  const extension = text(rep, 8);
  return [
    country !== undefined ? `+${country}` : undefined,
    area,
    local,
    extension !== undefined ? `X${extension}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
}

/**
 * XTN -> ContactPoint[] (IG sheet XTN[ContactPoint]). system from XTN.3 via ConceptMap v2-0202 ("CP" maps
 * to use "mobile" there, so it gives system "phone" + use "mobile"); use from XTN.2 via v2-0201; value:
 * e-mail types take XTN.4, phones take XTN.12, else XTN.5-8 built as the IG says, else XTN.1.
 * Deviations: with no XTN.3, a phone number gives system "phone" (the IG's note allows a default; an
 * absent system would make the ContactPoint invalid, cpt-2); a repetition holding both a number and an
 * e-mail with no XTN.3 ("(509) 555-1212^^^jdoe@paml.com") gives two ContactPoints instead of one that
 * loses the number. Not mapped: XTN.5-8 extensions, XTN.9-11, XTN.15-17.
 */
export function xtnToContactPoints(rep: Repetition, zone: TimeZoneResolver): ContactPoint[] {
  const equipment = text(rep, 3);
  const use = mapCode('v2-0201', text(rep, 2))?.code;
  const email = text(rep, 4);
  const phone = text(rep, 12) ?? builtNumber(rep) ?? text(rep, 1);
  const rankText = text(rep, 18);
  const rank = rankText !== undefined ? Number(rankText) : undefined;
  if (rank !== undefined && !(Number.isInteger(rank) && rank > 0)) {
    throw new Hl7DatatypeError(
      'XTN.18->positiveInt',
      rankText,
      'the preference order is not a positive integer',
    );
  }
  const common = {
    use,
    rank,
    period: compact({ start: hl7ToDateTime(text(rep, 13), zone), end: hl7ToDateTime(text(rep, 14), zone) }),
  };
  const make = (system: string, value: string | undefined, overrideUse?: string): ContactPoint =>
    compact<ContactPoint>({
      system,
      value,
      ...common,
      ...(overrideUse !== undefined && { use: overrideUse }),
    });

  if (equipment !== undefined) {
    if (EMAIL_TYPES.has(equipment.toUpperCase())) {
      // Pre-2.3 habit: the address in XTN.1 instead of XTN.4.
      const address = email ?? text(rep, 1);
      return address !== undefined ? [make('email', address)] : [];
    }
    const value = phone ?? email;
    if (value === undefined) return [];
    const mapped = mapCode('v2-0202', equipment);
    if (mapped?.system === CONTACT_POINT_USE) return [make('phone', value, mapped.code)];
    return [make(mapped?.code ?? 'other', value)];
  }
  const out: ContactPoint[] = [];
  if (phone !== undefined) out.push(make('phone', phone));
  if (email !== undefined) out.push(make('email', email));
  return out;
}
