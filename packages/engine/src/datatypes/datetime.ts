import { Hl7DatatypeError } from './errors';
import { repetitions, text } from './tree';

/**
 * HL7 DTM/TS/DT -> FHIR date, dateTime, instant. Precision is kept (FHIR allows YYYY, YYYY-MM, YYYY-MM-DD
 * or a full time with seconds and offset), so `198001` stays `1980-01`. A time without seconds gets `:00`
 * because FHIR dateTime has no minute precision; a time without an offset gets the default time zone.
 */

// YYYY[MM[DD[HH[MM[SS[.S...]]]]]][+/-ZZZZ]. Digits after SS without a "." are accepted as fractional
// seconds: senders emit "20170403011212000+0000" (seen in the corpus), which HL7 does not allow.
const DTM =
  /^(\d{4})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:(\d{2})(?:\.?(\d{1,9}))?)?)?)?)?)?(?:([+-])(\d{2})(\d{2}))?$/;

export interface Hl7DateTimeParts {
  year: number;
  month?: number;
  day?: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** Fractional seconds digits as written ("1082" for .1082). */
  fraction?: string;
  /** Offset in minutes east of UTC when the value carries one. */
  offsetMinutes?: number;
}

/** How values without an offset are read: a fixed offset or an IANA zone (DST-aware). */
export type TimeZoneResolver = (parts: Hl7DateTimeParts) => number;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an HL7 date/time string; throws Hl7DatatypeError when it is not a real date. */
export function parseHl7DateTime(raw: string, datatype = 'DTM'): Hl7DateTimeParts {
  const match = DTM.exec(raw);
  if (!match)
    throw new Hl7DatatypeError(
      datatype,
      raw,
      'the value is not an HL7 date/time (YYYY[MM[DD[HHMM[SS[.S]]]]][+/-ZZZZ])',
    );
  const [, y, mo, d, h, mi, s, frac, sign, oh, om] = match;
  const parts: Hl7DateTimeParts = { year: Number(y) };
  const invalid = (what: string) => new Hl7DatatypeError(datatype, raw, `the value has an invalid ${what}`);
  if (mo !== undefined) {
    parts.month = Number(mo);
    if (parts.month < 1 || parts.month > 12) throw invalid('month');
  }
  if (d !== undefined) {
    parts.day = Number(d);
    if (parts.day < 1 || parts.day > daysInMonth(parts.year, parts.month!)) throw invalid('day');
  }
  if (h !== undefined) {
    parts.hour = Number(h);
    if (parts.hour > 23) throw invalid('hour');
  }
  if (mi !== undefined) {
    parts.minute = Number(mi);
    if (parts.minute > 59) throw invalid('minute');
  }
  if (s !== undefined) {
    parts.second = Number(s);
    if (parts.second > 59) throw invalid('second');
  }
  if (frac !== undefined) parts.fraction = frac;
  if (sign !== undefined) {
    const hours = Number(oh);
    const minutes = Number(om);
    if (hours > 14 || minutes > 59) throw invalid('time zone offset');
    parts.offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/**
 * Builds the resolver for `defaultTimeZone`: "Z"/"UTC"/unset -> +00:00, "+01:00"/"+0100" -> fixed,
 * anything else is taken as an IANA zone ("Europe/Amsterdam") and resolved per value, so DST is right.
 * Throws a RangeError for an unknown zone: that is a configuration error, found at registration.
 */
export function timeZoneResolver(defaultTimeZone: string | undefined): TimeZoneResolver {
  if (defaultTimeZone === undefined || defaultTimeZone === 'Z' || defaultTimeZone.toUpperCase() === 'UTC') {
    return () => 0;
  }
  const fixed = OFFSET.exec(defaultTimeZone);
  if (fixed) {
    const minutes = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
    return () => minutes;
  }
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: defaultTimeZone, // throws RangeError for an unknown zone
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsetAt = (utcMillis: number): number => {
    const values: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(utcMillis))) values[part.type] = Number(part.value);
    const asUtc = Date.UTC(
      values.year!,
      values.month! - 1,
      values.day!,
      values.hour!,
      values.minute!,
      values.second!,
    );
    return Math.round((asUtc - utcMillis) / 60_000);
  };
  return (parts) => {
    const wall = Date.UTC(
      parts.year,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    // Two passes find the offset in force at that wall-clock time (one pass is wrong near DST changes).
    return offsetAt(wall - offsetAt(wall) * 60_000);
  };
}

function datePart(parts: Hl7DateTimeParts): string {
  let out = pad(parts.year, 4);
  if (parts.month !== undefined) out += `-${pad(parts.month)}`;
  if (parts.day !== undefined) out += `-${pad(parts.day)}`;
  return out;
}

function timePart(parts: Hl7DateTimeParts, zone: TimeZoneResolver): string {
  const seconds = pad(parts.second ?? 0) + (parts.fraction !== undefined ? `.${parts.fraction}` : '');
  const offset = parts.offsetMinutes ?? zone(parts);
  return `T${pad(parts.hour ?? 0)}:${pad(parts.minute ?? 0)}:${seconds}${formatOffset(offset)}`;
}

/** First non-empty date/time text of a TS/DTM/DT input (TS.1 / DTM / plain string). */
function firstValue(input: unknown): string | undefined {
  for (const rep of repetitions(input)) {
    const value = text(rep, 1);
    if (value !== undefined) return value;
  }
  return undefined;
}

export function hl7ToDate(input: unknown): string | undefined {
  const raw = firstValue(input);
  if (raw === undefined) return undefined;
  // A time on a birth date etc. is dropped: the date is the sender's local calendar date.
  return datePart(parseHl7DateTime(raw, 'DT->date'));
}

export function hl7ToDateTime(input: unknown, zone: TimeZoneResolver): string | undefined {
  const raw = firstValue(input);
  if (raw === undefined) return undefined;
  const parts = parseHl7DateTime(raw, 'DTM->dateTime');
  if (parts.day === undefined || parts.hour === undefined) return datePart(parts);
  return datePart(parts) + timePart(parts, zone);
}

export function hl7ToInstant(input: unknown, zone: TimeZoneResolver): string | undefined {
  const raw = firstValue(input);
  if (raw === undefined) return undefined;
  const parts = parseHl7DateTime(raw, 'DTM->instant');
  if (parts.minute === undefined) {
    throw new Hl7DatatypeError(
      'DTM->instant',
      raw,
      'the value is not precise enough for an instant (needs at least YYYYMMDDHHMM)',
    );
  }
  return datePart(parts) + timePart(parts, zone);
}
