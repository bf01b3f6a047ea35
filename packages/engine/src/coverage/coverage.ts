import type { Hl7Message } from '@mapwright/hl7v2';
import type { ReadLog } from './read-log';

/** A source field with a value that this run did not read. */
export interface UnusedField {
  /** HL7 `PID-13`, `OBX-8` (whatever segment instance), or a dotted JSON/CSV path without indices. */
  field: string;
  /** The first unread value, as HL7 text for HL7 fields (`555-1234^PRN^PH`), cut to 80 characters. */
  sample: string;
  /** In how many segment instances (or JSON/CSV items) the field has a value that was not read. */
  count: number;
}

export interface Coverage {
  /** Non-empty source values in the input: HL7 fields per segment instance, JSON/CSV leaves per item. */
  total: number;
  /** How many of them the evaluation read. */
  used: number;
  /** Unread values, one entry per field id (HL7) or path (JSON/CSV). */
  unused: UnusedField[];
}

/**
 * MSH fields the runtime itself consumes: MSH-1/2 are the encoding, MSH-7 (message time), MSH-9 (type,
 * checked against the accepted types), MSH-10 (control id, for deduplication and bundle uuids) and MSH-12
 * (version, chooses the dictionary). They never count as dropped data.
 */
export const ENVELOPE_FIELDS = new Set(['MSH-1', 'MSH-2', 'MSH-7', 'MSH-9', 'MSH-10', 'MSH-12']);

/** `F12` -> `12`, anything else (`raw`, `F`, `Fx`) -> undefined, without a regex match. */
function fieldNumber(key: string): string | undefined {
  if (key.length < 2 || key.charCodeAt(0) !== 70 /* F */) return undefined;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return key.slice(1);
}

/**
 * HL7 coverage from what the evaluation read: a field is used when a step named it on that segment instance
 * (the tree's segment objects are the message's own `fields` objects, so the log is keyed by them). Stepping
 * into a segment (`OBX` as a condition, a for-each over a group) reads no field.
 */
export function hl7Coverage(message: Hl7Message, log: ReadLog): Coverage {
  const unused = new Map<string, UnusedField>();
  let total = 0;
  let usedCount = 0;
  for (const seg of message.segments) {
    const fields = seg.fields as Record<string, unknown>;
    const read = log.get(fields);
    for (const key of Object.keys(fields)) {
      const n = fieldNumber(key);
      if (n === undefined) continue;
      const reps = fields[key];
      if (!hasValue(reps)) continue;
      total++;
      const id = `${seg.id}-${n}`;
      if (read?.has(key) || ENVELOPE_FIELDS.has(id)) usedCount++;
      else {
        const seen = unused.get(id);
        if (seen) seen.count++;
        else unused.set(id, { field: id, sample: hl7Text(reps).slice(0, 80), count: 1 });
      }
    }
  }
  return { total, used: usedCount, unused: [...unused.values()] };
}

/**
 * Coverage of a JSON value (or CSV `{ rows }`) from what the evaluation read: a leaf is used when its key was
 * read on the object that holds it (a list of scalars counts as the key's value). Reading a container
 * (`rows` in a for-each, `person` on the way to `person.name`) reads none of its leaves.
 */
export function jsonCoverage(root: unknown, log: ReadLog): Coverage {
  const unused = new Map<string, UnusedField>();
  let total = 0;
  const visit = (value: unknown, path: string, owner: object | undefined, key: string): void => {
    if (Array.isArray(value)) {
      for (const v of value) visit(v, path, owner, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, path === '' ? k : `${path}.${k}`, value, k);
    } else if (value !== null && value !== undefined && String(value).trim() !== '') {
      total++;
      if (owner !== undefined && log.get(owner)?.has(key)) return;
      const seen = unused.get(path);
      if (seen) seen.count++;
      else unused.set(path, { field: path, sample: String(value).slice(0, 80), count: 1 });
    }
  };
  visit(root, '', undefined, '');
  let unread = 0;
  for (const u of unused.values()) unread += u.count;
  return { total, used: total - unread, unused: [...unused.values()] };
}

function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) {
    for (const item of value) if (hasValue(item)) return true;
    return false;
  }
  if (typeof value === 'object') {
    for (const key in value) if (hasValue((value as Record<string, unknown>)[key])) return true;
    return false;
  }
  return true;
}

function hl7Text(reps: unknown): string {
  return (Array.isArray(reps) ? reps : [reps]).map(hl7Repetition).join('~');
}

function hl7Repetition(r: unknown): string {
  if (r === null || typeof r !== 'object') return r === null ? '""' : String(r);
  const entries = Object.entries(r as Record<string, unknown>);
  const max = Math.max(0, ...entries.map(([k]) => Number(k.slice(1)) || 0));
  const parts: string[] = [];
  for (let i = 1; i <= max; i++) {
    const c = (r as Record<string, unknown>)[`C${i}`] ?? (r as Record<string, unknown>)[`S${i}`];
    parts.push(
      c === undefined
        ? ''
        : typeof c === 'object' && c !== null
          ? hl7Repetition(c).replace(/\^/g, '&')
          : c === null
            ? '""'
            : String(c),
    );
  }
  return parts.join('^');
}
