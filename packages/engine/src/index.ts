export * from './datatypes';
export * from './terminology';
export * from './model';
export * from './errors';
export {
  compileMapping,
  defaultIsListElement,
  type CompileOptions,
  type CompiledMapping,
} from './compiler/compile';
export { fallbackIsListElement, type IsListElement } from './compiler/element-cardinality';
export type { SourceRange } from './compiler/emit-program';
export {
  runMapping,
  mapMessage,
  type RunOptions,
  type RunResult,
  type RunTimings,
  type Bundle,
} from './runtime/run-mapping';
export { DEFAULT_LIMITS, type Limits } from './runtime/limits';
export { ENTRY_TARGET, type BundleEntry } from './runtime/helper-functions';
export type { TerminologyPort, ValidatorPort } from './runtime/ports';
export type { ValidationIssue } from './runtime/validation-issue';
export type { UnmappedCode, RunWarning } from './runtime/run-context';
export type { ElementLineage, StaticLineage } from './lineage/static-lineage';
export { lineageOfPath, type OutputLineage } from './lineage/resolve-lineage';
export { ENVELOPE_FIELDS, type Coverage, type UnusedField } from './coverage/coverage';
export type { ReadPath } from './coverage/read-paths';
export type { StepObserver } from './coverage/read-log';
export { hashHex, canonicalJson, messageSeed } from './util/hash';
export { parseJsonText, type JsonTextError } from './util/json-text';
export { inputMessages, type InputMessage, type InputMessages } from './runtime/input-messages';
export { hl7Notation } from './lineage/source-fields';
export * from './diff/graph-diff';
export * from './diff/output-diff';
export * from './diff/group-diffs';
export * from './testing';
export * from './diff/semantic-diff';
