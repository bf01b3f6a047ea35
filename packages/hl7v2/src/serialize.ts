import { DEFAULT_ENCODING, encodingCharsText } from './encoding';
import { escapeValue } from './escape';
import { keyIndex } from './keys';
import type { EncodingChars, Hl7Component, Hl7Field, Hl7Message, Hl7SegmentFields, Hl7Tree } from './types';

/**
 * Writes a parsed message back from the raw text it kept, so escapes and unusual spacing
 * survive byte for byte. Segments end with CR, the HL7 terminator, whatever the input used.
 */
export function serializeHl7(message: Hl7Message): string {
  let out = '';
  for (const seg of message.segments) out += seg.raw + '\r';
  return out;
}

/** Entries of an object keyed F1/C1/S1..., in numeric order, with their numbers. */
function numbered<T>(obj: Record<string, T>, prefix: string): Array<[number, T]> {
  const out: Array<[number, T]> = [];
  for (const key of Object.keys(obj)) {
    const n = keyIndex(key, prefix);
    if (!Number.isNaN(n)) out.push([n, obj[key]]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function joinNumbered<T>(
  obj: Record<string, T>,
  prefix: string,
  sep: string,
  write: (v: T) => string,
): string {
  let out = '';
  let at = 1;
  for (const [n, v] of numbered(obj, prefix)) {
    while (at < n) {
      out += sep;
      at++;
    }
    out += write(v);
  }
  return out;
}

const leaf = (v: string | null | undefined, enc: EncodingChars): string =>
  v === null ? '""' : v === undefined ? '' : escapeValue(String(v), enc);

function writeComponent(c: Hl7Component, enc: EncodingChars): string {
  if (c === null || typeof c !== 'object') return leaf(c, enc);
  return joinNumbered(c, 'S', enc.subcomponent, (s) => leaf(s, enc));
}

function writeField(field: Hl7Field, enc: EncodingChars): string {
  if (!Array.isArray(field)) return '';
  return field
    .map((rep) =>
      rep && typeof rep === 'object'
        ? joinNumbered(rep, 'C', enc.component, (c) => writeComponent(c, enc))
        : '',
    )
    .join(enc.repetition);
}

function writeSegment(id: string, fields: Hl7SegmentFields, enc: EncodingChars): string {
  if (id === 'MSH') {
    const rest: Hl7SegmentFields = {};
    // MSH-1/2 are the delimiters themselves; MSH-3 is the first field after them.
    for (const [n, f] of numbered(fields, 'F')) if (n >= 3) rest[`F${n - 2}`] = f;
    const body = joinNumbered(rest, 'F', enc.field, (f) => writeField(f, enc));
    return `MSH${enc.field}${encodingCharsText(enc)}${body ? enc.field + body : ''}`;
  }
  const body = joinNumbered(fields, 'F', enc.field, (f) => writeField(f, enc));
  return body ? `${id}${enc.field}${body}` : id;
}

const SEGMENT_KEY = /^[A-Z][A-Z0-9]{2}$/;

function isSegmentInstance(value: unknown): value is Hl7SegmentFields {
  if (!value || typeof value !== 'object') return false;
  return Object.keys(value).every((k) => !Number.isNaN(keyIndex(k, 'F')));
}

function writeTree(tree: Hl7Tree, enc: EncodingChars, out: string[]): void {
  for (const key of Object.keys(tree)) {
    const instances = tree[key];
    if (!Array.isArray(instances)) continue;
    // Group instances hold segment ids and group names; segment instances only F-keys.
    const asSegments = SEGMENT_KEY.test(key) && instances.every(isSegmentInstance);
    for (const inst of instances) {
      if (!inst || typeof inst !== 'object') continue;
      if (asSegments) out.push(writeSegment(key, inst as Hl7SegmentFields, enc));
      else writeTree(inst as Hl7Tree, enc, out);
    }
  }
}

function encodingFromTree(tree: Hl7Tree): EncodingChars | undefined {
  const msh = tree.MSH?.[0] as Hl7SegmentFields | undefined;
  const fs = msh?.F1?.[0]?.C1;
  const chars = msh?.F2?.[0]?.C1;
  if (typeof fs !== 'string' || typeof chars !== 'string' || fs.length !== 1 || chars.length < 4)
    return undefined;
  const enc: EncodingChars = {
    field: fs,
    component: chars[0],
    repetition: chars[1],
    escape: chars[2],
    subcomponent: chars[3],
  };
  if (chars.length > 4) enc.truncation = chars[4];
  return enc;
}

/**
 * Builds an HL7 message from a tree of the toTree shape, escaping every value. Segments are
 * written in the tree's key order, instances in array order, so a flat list of alternating
 * segments (OBX, NTE, OBX) comes back grouped by id. MSH-1/2 come from `encodingChars`, else
 * from the tree's MSH.F1/F2, else the defaults.
 */
export function fromTree(tree: Hl7Tree, encodingChars?: EncodingChars): string {
  const enc = encodingChars ?? encodingFromTree(tree) ?? DEFAULT_ENCODING;
  const out: string[] = [];
  writeTree(tree, enc, out);
  return out.length ? out.join('\r') + '\r' : '';
}
