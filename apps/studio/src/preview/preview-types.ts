import type { ConceptMap, MappingInput, UnusedField } from '@mapwright/engine';

export type SampleFormat = 'hl7v2' | 'csv' | 'json';

export interface PreviewSample {
  content: string;
  format: SampleFormat;
}

/** What the studio sends to the preview worker: plain data only (it crosses postMessage). */
export interface PreviewRequest {
  /** Increasing per request; the hook keeps only the answer to the latest one. */
  requestId: number;
  mapping: MappingInput;
  sample: PreviewSample | null;
  /** The project's own ConceptMaps, added to the bundled HL7 v2 table maps (same id replaces a bundled one). */
  conceptMaps: ConceptMap[];
}

export type PreviewStatus = 'ok' | 'invalid-mapping' | 'unparseable-sample' | 'mapping-error' | 'no-sample';

/** Where an issue sits in the input: HL7 segment/field, or line/column of CSV and JSON text. */
export interface PreviewLocation {
  segment?: string;
  field?: number;
  component?: number;
  line?: number;
  column?: number;
  /** Path inside the mapping document (`nodes[3].expression`) for a mapping that does not validate. */
  path?: string;
  /** 0-based character position inside the node's expression or the generated program. */
  position?: number;
}

/**
 * One problem for the analyst. `message` never holds input values (names, ids, codes from the sample),
 * so it may be logged; the offending value, when known, is only in `value`.
 */
export interface PreviewIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  message: string;
  /** FHIRPath of the output element (`Bundle.entry[0].resource.gender`) for validation issues. */
  expression?: string;
  /** The graph node that produced the element or failed. */
  nodeId?: string;
  edgeId?: string;
  /** Input fields behind the node, in HL7 notation (`PID-8.1`) or dotted paths for CSV/JSON. */
  sourceFields?: string[];
  at?: PreviewLocation;
  /** The offending value. MAY CONTAIN PHI: show it next to the sample, never log it. */
  value?: unknown;
}

export interface PreviewCoverage {
  /** Fields the mapping reads, in HL7 notation (`PID-5`, `PID-8.1`) or dotted paths (`rows.gender`). */
  used: string[];
  /** Fields with a value in this sample that no node read (the engine's dynamic coverage). */
  unused: UnusedField[];
  /** Non-empty source values in the sample, and how many of them were read. */
  total: number;
  usedCount: number;
}

export interface PreviewResult {
  requestId: number;
  status: PreviewStatus;
  bundle?: unknown;
  /** The bundle as pretty JSON, for the output panel. */
  bundleText?: string;
  issues: PreviewIssue[];
  /** Each value node's value for this sample (first item of a for-each), for hover. MAY CONTAIN PHI. */
  nodeValues: Record<string, unknown>;
  coverage?: PreviewCoverage;
  /** The generated JSONata ("View JSONata"); empty when the mapping does not compile. */
  program: string;
  timings: { totalMs: number };
}

/** What the preview worker posts back: a result, or a failure of the worker itself (not of the mapping). */
export type PreviewAnswer =
  { kind: 'result'; result: PreviewResult } | { kind: 'worker-error'; requestId: number; message: string };
