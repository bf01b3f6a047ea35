/** Where an engine problem sits: a graph element, an element path, or a position in the input text. */
export interface ErrorLocation {
  nodeId?: string;
  edgeId?: string;
  /** FHIR element path inside a target (`name.family`) or a concrete output path (`Bundle.entry[0]...`). */
  element?: string;
  /** Path inside the mapping document, e.g. `nodes[3].expression`. */
  path?: string;
  /** 0-based character position inside an expression or the generated program. */
  position?: number;
  /** HL7 v2 location, as the parser reports it. */
  segment?: string;
  segmentIndex?: number;
  field?: number;
  component?: number;
  /** 1-based line / column in text input (CSV, JSON, HL7 segment line). */
  line?: number;
  column?: number;
  /**
   * The input fields the failing node reads, in HL7 notation (`PID-29`, `OBX-5.1`); dotted paths for
   * JSON/CSV input (`rows.birthDate`). From the mapping's static lineage, so it names fields, not values.
   */
  source?: string[];
  /**
   * For an unmapped code: the code (MAY CONTAIN PHI, see `value`) and the ConceptMap it was looked up in.
   */
  code?: string;
  conceptMap?: string;
  /**
   * The offending input value, as received (string or HL7 tree fragment). MAY CONTAIN PHI: show it to the
   * analyst next to the message, never write it to a log. `message` never repeats it.
   */
  value?: unknown;
}

/**
 * An error as a value: a stable code, a sentence for the analyst, and where it happened. `message` names
 * the datatype, node, field and reason but never an input value (names, ids, dates, codes from the message),
 * so it is safe to log; the value itself, when there is one, is in `at.value` (and `at.code`), which are not.
 */
export interface EngineError {
  code: string;
  message: string;
  at: ErrorLocation;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: EngineError[] };

export const engineError = (code: string, message: string, at: ErrorLocation = {}): EngineError => ({
  code,
  message,
  at,
});
