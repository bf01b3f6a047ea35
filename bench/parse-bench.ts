import { Hl7Message } from '@medplum/core';
import { parseHl7, toTree } from '@mapwright/hl7v2';
import { microsPerCall, median, round } from './lib/stats';

/** Medplum parses lazily; reading every component and subcomponent is the fair comparison. */
function medplumReadAll(text: string): number {
  const message = Hl7Message.parse(text.replace(/^\uFEFF/, ''));
  const sub = message.context.subcomponentSeparator;
  let chars = 0;
  for (const segment of message.segments) {
    for (const field of segment.fields) {
      for (const repetition of field.components) {
        for (const component of repetition) {
          for (const value of component.split(sub)) chars += value.length;
        }
      }
    }
  }
  return chars;
}

function oursReadAll(text: string): unknown {
  const result = parseHl7(text);
  return result.ok ? toTree(result.message) : result.errors;
}

export interface ParseFigures {
  messages: number;
  oursMedianMicros: number;
  medplumMedianMicros: number;
  speedup: number;
}

/** Median over messages of the µs one full parse of that message takes (best of five runs per message). */
export function benchParse(messages: { text: string }[]): ParseFigures {
  const usable = messages.filter((m) => parseHl7(m.text).ok);
  // Best of five per message: the machine is shared, and interference only ever adds time.
  const best = (fn: () => void) => Math.min(...Array.from({ length: 5 }, () => microsPerCall(fn)));
  const ours = usable.map((m) => best(() => oursReadAll(m.text)));
  const medplum = usable.map((m) => best(() => medplumReadAll(m.text)));
  const oursMedianMicros = median(ours);
  const medplumMedianMicros = median(medplum);
  return {
    messages: usable.length,
    oursMedianMicros: round(oursMedianMicros),
    medplumMedianMicros: round(medplumMedianMicros),
    speedup: round(medplumMedianMicros / oursMedianMicros),
  };
}
