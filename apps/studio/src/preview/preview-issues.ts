import { hl7Notation } from '@mapwright/engine';
import type {
  CompiledMapping,
  EngineError,
  ReadPath,
  RunWarning,
  SourceFormat,
  ValidationIssue,
} from '@mapwright/engine';
import type { PreviewIssue, PreviewLocation } from './preview-types';

/** Engine errors that mean the sample itself could not be read (parse-input's codes). */
export function isSampleError(error: EngineError): boolean {
  return (
    error.code.startsWith('hl7-') ||
    error.code.startsWith('csv-') ||
    error.code === 'json-syntax' ||
    error.code === 'message-type-not-accepted'
  );
}

export function fromEngineError(
  error: EngineError | RunWarning,
  severity: PreviewIssue['severity'],
): PreviewIssue {
  const at = (error.at ?? {}) as EngineError['at'];
  const issue: PreviewIssue = { severity, code: error.code, message: error.message };
  if (at.nodeId !== undefined) issue.nodeId = at.nodeId;
  if (at.edgeId !== undefined) issue.edgeId = at.edgeId;
  if (at.element !== undefined) issue.expression = at.element;
  if (at.source !== undefined && at.source.length > 0) issue.sourceFields = [...at.source];
  const where = location(at);
  if (where) issue.at = where;
  if (at.value !== undefined) issue.value = at.value;
  else if (at.code !== undefined) issue.value = at.code;
  return issue;
}

function location(at: EngineError['at']): PreviewLocation | undefined {
  const out: PreviewLocation = {};
  if (at.segment !== undefined) out.segment = at.segment;
  if (at.field !== undefined) out.field = at.field;
  if (at.component !== undefined) out.component = at.component;
  if (at.line !== undefined) out.line = at.line;
  if (at.column !== undefined) out.column = at.column;
  if (at.path !== undefined) out.path = at.path;
  if (at.position !== undefined) out.position = at.position;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A validation issue pinned (by the engine's lineage) to the node that produced the element. */
export function fromValidationIssue(issue: ValidationIssue, compiled: CompiledMapping): PreviewIssue {
  const out: PreviewIssue = { severity: issue.severity, code: issue.code, message: issue.diagnostics };
  const expression = issue.expression?.[0];
  if (expression !== undefined) out.expression = expression;
  if (issue.nodeId !== undefined) out.nodeId = issue.nodeId;
  if (issue.edgeId !== undefined) out.edgeId = issue.edgeId;
  if (issue.nodeId !== undefined) {
    const fields = fieldsBehind(compiled, issue.nodeId, issue.targetId);
    if (fields.length > 0) out.sourceFields = fields;
  }
  if (issue.value !== undefined) out.value = issue.value;
  return out;
}

/** The input fields a node (and what feeds it) reads inside one target, in the analyst's notation. */
function fieldsBehind(compiled: CompiledMapping, nodeId: string, targetId: string | undefined): string[] {
  const perTarget = compiled.lineage.nodes.get(nodeId);
  if (!perTarget) return [];
  const inTarget = targetId === undefined ? undefined : perTarget.get(targetId);
  const reads = (inTarget ? [inTarget] : [...perTarget.values()]).flatMap((l) => l.reads);
  return readFields(reads, compiled.mapping.source.format);
}

/** Read paths as field names: HL7 `PID-5.1` for HL7 v2, dotted paths for CSV and JSON. Deduplicated, in order. */
export function readFields(reads: readonly ReadPath[], format: SourceFormat): string[] {
  const out: string[] = [];
  for (const read of reads) {
    if (format !== 'hl7v2' && !read.absolute) continue;
    const name = format === 'hl7v2' ? hl7Notation(read.steps) : read.steps.join('.');
    if (name !== undefined && name.length > 0 && !out.includes(name)) out.push(name);
  }
  return out;
}
