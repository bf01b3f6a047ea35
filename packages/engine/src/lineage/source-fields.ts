import type { ReadPath } from '../coverage/read-paths';

/** A segment id: three upper-case letters or digits, but not a field/component step such as `F29` or `C12`. */
const SEGMENT = /^(?![FCS]\d+$)[A-Z][A-Z0-9]{2}$/;
const FIELD = /^F(\d+)$/;
const COMPONENT = /^C(\d+)$/;
const SUBCOMPONENT = /^S(\d+)$/;

/**
 * One read path in HL7 notation, as analysts say it: `PID.F29` -> `PID-29`, `OBX.F5.C1` -> `OBX-5.1`,
 * `PID.F5.C1.S1` -> `PID-5.1.1`; a bare segment is its id. Groups before the segment are dropped
 * (`PATIENT_RESULT.PATIENT.PID.F3` -> `PID-3`). Undefined when the path names no segment.
 */
export function hl7Notation(steps: readonly string[]): string | undefined {
  let at = -1;
  for (let i = steps.length - 1; i >= 0; i--)
    if (SEGMENT.test(steps[i] as string) && (i + 1 >= steps.length || FIELD.test(steps[i + 1] as string))) {
      at = i;
      break;
    }
  if (at < 0) return undefined;
  let out = steps[at] as string;
  const field = FIELD.exec(steps[at + 1] ?? '');
  if (!field) return out;
  out += `-${field[1]}`;
  const component = COMPONENT.exec(steps[at + 2] ?? '');
  if (!component) return out;
  out += `.${component[1]}`;
  const sub = SUBCOMPONENT.exec(steps[at + 3] ?? '');
  return sub ? `${out}.${sub[1]}` : out;
}

/**
 * The input fields a set of reads names, deduplicated in order: HL7 notation for HL7 v2 input, dotted
 * paths for JSON and CSV (`rows.birthDate`). Field names only, never values.
 */
export function sourceFields(reads: readonly ReadPath[], format: 'hl7v2' | 'csv' | 'json'): string[] {
  const out: string[] = [];
  for (const read of reads) {
    const name = format === 'hl7v2' ? hl7Notation(read.steps) : read.steps.join('.');
    if (name !== undefined && name.length > 0 && !out.includes(name)) out.push(name);
  }
  return out;
}
