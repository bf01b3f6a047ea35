import { unescapeValue } from './escape';
import { componentKey, fieldKey, subcomponentKey } from './keys';
import type {
  EncodingChars,
  ParseIssue,
  Hl7Component,
  Hl7Field,
  Hl7Repetition,
  Hl7SegmentFields,
  Hl7Subcomponents,
} from './types';

/** Where escape problems of a segment are reported (a plain object: no closure per segment). */
export interface SegmentContext {
  warnings: ParseIssue[];
  segmentIndex: number;
  /** Undefined when the segment id is not a valid one (it may then be data). */
  segment: string | undefined;
  /** Offset of the segment in the input text. */
  offset: number;
  line: number;
}

const QUOTE = 0x22;

// Kept out of the hot loop (and not a closure over its counters, which would force them into a
// heap context and slow every iteration).
function decodeEscaped(
  raw: string,
  from: number,
  to: number,
  enc: EncodingChars,
  ctx: SegmentContext | undefined,
  field: number,
  repetition: number,
  component: number,
  subcomponent: number,
): string {
  const v = raw.slice(from, to);
  if (v.indexOf(enc.escape) < 0) return v;
  return unescapeValue(
    v,
    enc,
    ctx &&
      ((code, message, at, text) =>
        ctx.warnings.push({
          code,
          message,
          detail: { value: text },
          at: {
            segmentIndex: ctx.segmentIndex,
            segment: ctx.segment,
            field,
            repetition,
            component,
            subcomponent: subcomponent > 0 ? subcomponent : undefined,
            offset: ctx.offset + from + at,
            line: ctx.line,
          },
        })),
  );
}

/** One leaf: null for explicit `""`, else the text, unescaped when the segment holds escapes. */
function leafValue(
  raw: string,
  from: number,
  to: number,
  hasEscape: boolean,
  enc: EncodingChars,
  ctx: SegmentContext | undefined,
  field: number,
  repetition: number,
  component: number,
  subcomponent: number,
): string | null {
  if (to - from === 2 && raw.charCodeAt(from) === QUOTE && raw.charCodeAt(to - 1) === QUOTE) return null;
  return hasEscape
    ? decodeEscaped(raw, from, to, enc, ctx, field, repetition, component, subcomponent)
    : raw.slice(from, to);
}

/**
 * Decodes the fields of one segment into tree form in a single charCodeAt pass.
 * `start` is where field `firstField` begins (just after the separator following the segment
 * id, or after MSH-2). Values are unescaped only when the segment contains the escape char.
 */
export function decodeFields(
  raw: string,
  start: number,
  firstField: number,
  enc: EncodingChars,
  fields: Hl7SegmentFields,
  ctx?: SegmentContext,
): Hl7SegmentFields {
  const fs = enc.field.charCodeAt(0);
  const rs = enc.repetition.charCodeAt(0);
  const cs = enc.component.charCodeAt(0);
  const ss = enc.subcomponent.charCodeAt(0);
  const hasEscape = raw.indexOf(enc.escape, start) >= 0;
  const len = raw.length;

  let fieldNo = firstField;
  let reps: Hl7Field = [];
  let fieldHasValue = false;
  let rep: Hl7Repetition = {};
  let repHasValue = false;
  let compNo = 1;
  let subs: Hl7Subcomponents | null = null;
  let subsHaveValue = false;
  let subNo = 1;
  let valueStart = start;

  for (let i = start; i <= len; i++) {
    const c = i < len ? raw.charCodeAt(i) : fs;
    if (c !== fs && c !== cs && c !== rs && c !== ss) continue;
    if (c === ss) {
      if (subs === null) subs = {};
      if (i > valueStart) {
        subs[subcomponentKey(subNo)] = leafValue(
          raw,
          valueStart,
          i,
          hasEscape,
          enc,
          ctx,
          fieldNo,
          reps.length + 1,
          compNo,
          subNo,
        );
        subsHaveValue = true;
      }
      subNo++;
      valueStart = i + 1;
      continue;
    }
    // Component ends (component, repetition or field separator, or end of segment).
    if (subs !== null) {
      if (i > valueStart) {
        subs[subcomponentKey(subNo)] = leafValue(
          raw,
          valueStart,
          i,
          hasEscape,
          enc,
          ctx,
          fieldNo,
          reps.length + 1,
          compNo,
          subNo,
        );
        subsHaveValue = true;
      }
      if (subsHaveValue) {
        rep[componentKey(compNo)] = subs as Hl7Component;
        repHasValue = true;
      }
      subs = null;
      subsHaveValue = false;
      subNo = 1;
    } else if (i > valueStart) {
      // Same as leafValue, written out: this is the hottest store, and calling leafValue here
      // measured 1.5-4% slower on decodeFields (the subcomponent sites above are rare).
      rep[componentKey(compNo)] =
        i - valueStart === 2 && raw.charCodeAt(valueStart) === QUOTE && raw.charCodeAt(i - 1) === QUOTE
          ? null
          : hasEscape
            ? decodeEscaped(raw, valueStart, i, enc, ctx, fieldNo, reps.length + 1, compNo, 0)
            : raw.slice(valueStart, i);
      repHasValue = true;
    }
    valueStart = i + 1;
    if (c === cs) {
      compNo++;
      continue;
    }
    reps.push(rep);
    if (repHasValue) fieldHasValue = true;
    rep = {};
    repHasValue = false;
    compNo = 1;
    if (c === rs) continue;
    if (fieldHasValue) fields[fieldKey(fieldNo)] = reps;
    reps = [];
    fieldHasValue = false;
    fieldNo++;
  }
  return fields;
}
