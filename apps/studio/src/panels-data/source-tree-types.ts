export type CoverageMark = 'used' | 'unused-with-value' | 'empty';

/** One row of the source panel: a group, segment, field, component or subcomponent; a CSV column; a JSON key. */
export interface SourceTreeNode {
  /** Unique in the tree (paths are not: every OBX instance shares one). */
  key: string;
  /** As analysts say it: `PID-5.1 Family Name`, `OBX Observation/Result`, `patient_mrn`. */
  label: string;
  /** The dictionary name (`Family Name`) or the column / key. */
  name: string;
  /** HL7 datatype (`XPN`, `ST`); for JSON the value's type. */
  datatype?: string;
  /**
   * The JSONata path the engine reads, exactly as source nodes use it: `PID.F5.C1`,
   * `PATIENT_RESULT.ORDER_OBSERVATION.OBR.F4.C1`; a CSV column by its name (read per row); JSON keys dotted.
   */
  path: string;
  /** The field the engine's coverage counts this row under: `PID-5` (HL7), `rows.gender`, `patient.name`. */
  field?: string;
  /** This sample's value (first repetition / first item). MAY CONTAIN PHI: display only. */
  value?: string | number | boolean | null;
  /** How many instances or repetitions the sample holds; absent when the row has no value in it. */
  repetitions?: number;
  /** Set by markCoverage. */
  coverage?: CoverageMark;
  children: SourceTreeNode[];
}

/** A problem reading the sample for the tree; `message` holds no input values. */
export interface SourceTreeIssue {
  code: string;
  message: string;
  at?: { line?: number; column?: number; segment?: string; field?: number };
}

export interface SourceTree {
  roots: SourceTreeNode[];
  issues: SourceTreeIssue[];
}
