/** Where a problem sits, in HL7 terms (1-based, as analysts say them) plus text position. */
export interface IssueLocation {
  /** 0-based index of the segment in the message. */
  segmentIndex?: number;
  /**
   * Segment id. Left out when the text where the id should be is not three letters or digits
   * (a wrapped line of free text, say): that text may be patient data and goes in `detail`.
   */
  segment?: string;
  field?: number;
  repetition?: number;
  component?: number;
  subcomponent?: number;
  /** 0-based character offset in the input text (after the BOM, if any). */
  offset?: number;
  /** 1-based line (segment) number in the input text. */
  line?: number;
}

/**
 * A parse problem: errors stop the parse, warnings are listed while it continues.
 * `code`, `message` and `at` never hold text from the input (no field values, no raw segment or
 * skipped text), so they are safe to log; what the input said goes in `detail`.
 */
export interface ParseIssue {
  code: string;
  message: string;
  at: IssueLocation;
  detail?: IssueDetail;
}

/**
 * The input text an issue is about (a damaged value, an invalid segment id, skipped text).
 * It MAY HOLD PATIENT DATA (PHI): show it to the analyst looking at the message, never write it to
 * logs, metrics or error reports.
 */
export interface IssueDetail {
  value?: string;
}

/** The five delimiters from MSH-1/MSH-2 (truncation is v2.7+ and optional). */
export interface EncodingChars {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
  truncation?: string;
}

/** A component is a string, null for explicit `""`, or subcomponents keyed S1, S2... */
export type Hl7Subcomponents = Record<string, string | null>;
export type Hl7Component = string | null | Hl7Subcomponents;
/** A repetition holds its components keyed C1, C2... (only non-empty ones). */
export type Hl7Repetition = Record<string, Hl7Component>;
/** A field is always the list of its repetitions. */
export type Hl7Field = Hl7Repetition[];
/** A segment instance keyed F1, F2... (only non-empty fields). */
export type Hl7SegmentFields = Record<string, Hl7Field>;

export interface Hl7Segment {
  /** Segment id, e.g. "PID" or "ZVI". */
  id: string;
  /** The exact text of the segment (without its terminator), kept for lossless serializing. */
  raw: string;
  /** Decoded fields in tree form; shared with toTree output, so treat as read-only. */
  fields: Hl7SegmentFields;
  /** 0-based offset of the segment in the input text. */
  offset: number;
  /** 1-based line number in the input text. */
  line: number;
}

/** A group instance or the message root: children in message order. */
export interface Hl7GroupNode {
  name: string;
  children: Hl7Node[];
}
export type Hl7Node = { kind: 'segment'; segment: Hl7Segment } | { kind: 'group'; group: Hl7GroupNode };

export interface Hl7Message {
  encoding: EncodingChars;
  segments: Hl7Segment[];
  /** MSH-12.1 as written (e.g. "2.5.1"), or "" when absent. */
  version: string;
  /** Dictionary version used for structures and field names (e.g. "2.7.1" for 2.8). */
  dictionaryVersion: string;
  /** MSH-9.1, MSH-9.2 */
  messageType: string;
  triggerEvent: string;
  /** Structure id used for grouping, e.g. "ORU_R01"; "" when unknown. */
  structureId: string;
  /** Segments arranged in the groups of the message structure (flat when unknown). */
  root: Hl7GroupNode;
}

export type ParseResult =
  | { ok: true; message: Hl7Message; warnings: ParseIssue[] }
  | { ok: false; errors: ParseIssue[]; warnings: ParseIssue[] };

/** Plain JSON tree: keys are segment ids and group names, each an array of instances. */
export interface Hl7Tree {
  [key: string]: Array<Hl7SegmentFields | Hl7Tree>;
}
