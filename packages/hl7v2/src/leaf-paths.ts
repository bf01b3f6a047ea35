import { describeField } from './describe';
import { keyIndex } from './keys';
import type { Hl7Component, Hl7Message } from './types';

export interface LeafValue {
  /** e.g. "PID-5.1", "PID-3[2].4.2", "OBX[3]-5" (see README for the notation). */
  path: string;
  /** Decoded value; null for an explicit `""`. */
  value: string | null;
  segmentIndex: number;
  segment: string;
  field: number;
  repetition: number;
  component?: number;
  subcomponent?: number;
}

function isPrimitiveField(version: string, segment: string, field: number): boolean | undefined {
  const d = describeField(version, segment, field);
  return d ? d.components.length === 0 : undefined;
}

/**
 * Lists every non-empty leaf of a message with its HL7 path, for coverage reports.
 *
 * Notation: `SEG[n]-F[r].C.S`, 1-based. `[n]` is the occurrence of the segment id in the message
 * and `[r]` the field repetition, both written only when above 1. Components are written for
 * composite datatypes (`PID-5.1`), not for primitive ones (`PID-8`); for fields the dictionary
 * does not know (Z-segments) the component is written unless the value has a single C1.
 */
export function listLeafValues(message: Hl7Message): LeafValue[] {
  const out: LeafValue[] = [];
  const seen = new Map<string, number>();
  message.segments.forEach((seg, segmentIndex) => {
    const occurrence = (seen.get(seg.id) ?? 0) + 1;
    seen.set(seg.id, occurrence);
    const segPath = occurrence > 1 ? `${seg.id}[${occurrence}]` : seg.id;
    for (const fieldKey of Object.keys(seg.fields)) {
      const field = keyIndex(fieldKey, 'F');
      const primitive = isPrimitiveField(message.dictionaryVersion, seg.id, field);
      seg.fields[fieldKey].forEach((rep, r) => {
        const fieldPath = `${segPath}-${field}${r > 0 ? `[${r + 1}]` : ''}`;
        const compKeys = Object.keys(rep);
        const onlyFirst = compKeys.length === 1 && compKeys[0] === 'C1' && typeof rep.C1 !== 'object';
        const bare = primitive ?? onlyFirst;
        for (const compKey of compKeys) {
          const component = keyIndex(compKey, 'C');
          const comp: Hl7Component = rep[compKey];
          const base = { segmentIndex, segment: seg.id, field, repetition: r + 1 };
          if (comp !== null && typeof comp === 'object') {
            for (const subKey of Object.keys(comp)) {
              const subcomponent = keyIndex(subKey, 'S');
              const path = `${fieldPath}.${component}.${subcomponent}`;
              out.push({ path, value: comp[subKey], ...base, component, subcomponent });
            }
          } else {
            const path = bare && component === 1 ? fieldPath : `${fieldPath}.${component}`;
            out.push({ path, value: comp, ...base, component });
          }
        }
      });
    }
  });
  return out;
}
