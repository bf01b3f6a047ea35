/** An OperationOutcome-style issue, plus where in the graph the offending element came from. */
export interface ValidationIssue {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  diagnostics: string;
  /** FHIRPath of the element, e.g. `Bundle.entry[2].resource.name[0].family`. */
  expression?: string[];
  entryIndex?: number;
  /** Filled in by the engine from lineage: the node that produced the element, its target and wire. */
  nodeId?: string;
  targetId?: string;
  edgeId?: string;
  sourcePaths?: string[];
  /**
   * The output value at `expression`, when there is one. MAY CONTAIN PHI (a passed-through code, a name):
   * show it to the analyst, never log it. `diagnostics` never repeats it.
   */
  value?: unknown;
}
