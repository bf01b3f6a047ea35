import type { Hl7Component, Hl7Field, Hl7Message, Hl7Repetition, Hl7SegmentFields } from '@mapwright/hl7v2';

/** One segment instance: its fields keyed F1, F2... as the parser decoded them. */
export type Segment = Hl7SegmentFields;

/** The segments the ADT mapping reads, in message order. */
export interface AdtSegments {
  msh: Segment | undefined;
  pid: Segment | undefined;
  pv1: Segment | undefined;
  pv2: Segment | undefined;
  nk1: Segment[];
  al1: Segment[];
  dg1: Segment[];
  /** IN1 segments of the INSURANCE groups (an IN1 outside a group is not insurance). */
  in1: Segment[];
}

/** Top-level segments by id, plus IN1 from the INSURANCE groups: the shape of ADT A01/A03/A04/A08. */
export function adtSegments(message: Hl7Message): AdtSegments {
  const top = new Map<string, Segment[]>();
  const in1: Segment[] = [];
  for (const child of message.root.children) {
    if (child.kind === 'segment') {
      const list = top.get(child.segment.id);
      if (list) list.push(child.segment.fields);
      else top.set(child.segment.id, [child.segment.fields]);
    } else if (child.group.name === 'INSURANCE') {
      for (const node of child.group.children)
        if (node.kind === 'segment' && node.segment.id === 'IN1') in1.push(node.segment.fields);
    }
  }
  const first = (id: string): Segment | undefined => top.get(id)?.[0];
  return {
    msh: first('MSH'),
    pid: first('PID'),
    pv1: first('PV1'),
    pv2: first('PV2'),
    nk1: top.get('NK1') ?? [],
    al1: top.get('AL1') ?? [],
    dg1: top.get('DG1') ?? [],
    in1,
  };
}

/** Field `n` (1-based, as analysts say it): its repetitions, undefined when the field is empty. */
export const field = (segment: Segment | undefined, n: number): Hl7Field | undefined => segment?.[`F${n}`];

/** The first repetition of field `n`. */
export const firstRep = (segment: Segment | undefined, n: number): Hl7Repetition | undefined =>
  field(segment, n)?.[0];

/** Component `c` of a repetition when it is plain text (not HL7 null `""`, not subcomponents). */
export function text(rep: Hl7Repetition | undefined, c: number): string | undefined {
  const value: Hl7Component | undefined = rep?.[`C${c}`];
  return typeof value === 'string' ? value : undefined;
}

/** Component `c` of the first repetition of field `n` as text: `PID-8.1`. */
export const fieldText = (segment: Segment | undefined, n: number, c = 1): string | undefined =>
  text(firstRep(segment, n), c);

/** A field counts as sent when one repetition has a component, even HL7 null `""`. */
export const isSent = (f: Hl7Field | undefined): boolean =>
  f !== undefined && f.some((rep) => Object.keys(rep).length > 0);
