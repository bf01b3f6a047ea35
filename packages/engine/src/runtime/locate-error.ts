import type { SourceRange } from '../compiler/emit-program';
import { engineError, type EngineError, type ErrorLocation } from '../errors';
import { sourceFields } from '../lineage/source-fields';
import type { StaticLineage } from '../lineage/static-lineage';
import type { Limits } from './limits';
import { isEngineThrow } from './run-context';

const LIMIT_CODES: Record<string, string> = {
  D1011: 'limit-depth',
  D1012: 'limit-time',
  D2014: 'limit-sequence',
  D2015: 'limit-sequence',
  'MW-LIMIT-OUTPUT': 'limit-output',
  'MW-LIMIT-STRING': 'limit-string',
  'MW-UNMAPPED-CODE': 'unmapped-code',
  'MW-NO-TERMINOLOGY': 'no-terminology',
  'invalid-value': 'invalid-value',
};

/** JSONata's own cap on a range (`[1..n]`), whatever the `sequence` option says. */
const JSONATA_RANGE_CAP = 10_000_000;

/** What the run knows beyond the program's ranges; each part makes the error more precise. */
export interface LocateContext {
  /** Static lineage: names the input fields behind the failing node (`at.source`). */
  lineage?: StaticLineage;
  /** Input format of the mapping, for the notation of `at.source` (HL7 `PID-29` or dotted paths). */
  format?: 'hl7v2' | 'csv' | 'json';
  /** The run's limits, so a limit error states the limit rather than what JSONata happened to report. */
  limits?: Limits;
}

/** The node whose stretch of the program holds `position` (the innermost, i.e. the shortest, range). */
export function nodeAt(ranges: SourceRange[], position: number | undefined): string | undefined {
  if (position === undefined) return undefined;
  let best: SourceRange | undefined;
  for (const r of ranges)
    if (position >= r.start && position <= r.end && (!best || r.end - r.start < best.end - best.start))
      best = r;
  return best?.nodeId;
}

/**
 * The target whose block holds `position`: value nodes are written right after their target's header
 * and before its child targets, so it is the last target line that starts before the position.
 */
export function targetAt(
  ranges: SourceRange[],
  position: number | undefined,
  isTarget: (id: string) => boolean,
): string | undefined {
  if (position === undefined) return undefined;
  let hit: string | undefined;
  for (const r of ranges) {
    if (r.start > position) break;
    if (isTarget(r.nodeId)) hit = r.nodeId;
  }
  return hit;
}

/** The input fields behind a node: what it and its upstream nodes read, in the target it ran in. */
export function sourceOfNode(
  lineage: StaticLineage,
  nodeId: string,
  targetId: string | undefined,
  format: LocateContext['format'] = 'hl7v2',
): string[] {
  const perTarget = lineage.nodes.get(nodeId);
  if (!perTarget) return [];
  const inTarget = targetId === undefined ? undefined : perTarget.get(targetId);
  const lineages = inTarget ? [inTarget] : [...perTarget.values()];
  return sourceFields(
    lineages.flatMap((l) => l.reads),
    format,
  );
}

interface Thrown {
  code?: string;
  message?: string;
  position?: number;
  nodeId?: string;
  /** JSONata puts the offending operand here (`$number("abc")`); datatype errors the input value. */
  value?: unknown;
  value2?: unknown;
  details?: Record<string, unknown>;
}

/**
 * A thrown evaluation error as a located engine error naming the node that was running and the input
 * fields behind it. Input values never go into `message` (it is logged); they go to `at.value` / `at.code`.
 */
export function locateEvaluationError(
  e: unknown,
  ranges: SourceRange[],
  context: LocateContext = {},
): EngineError {
  const err = (typeof e === 'object' && e !== null ? e : { message: String(e) }) as Thrown;
  const nodeId = isEngineThrow(e) && e.nodeId !== undefined ? e.nodeId : nodeAt(ranges, err.position);
  const rawCode = err.code ?? (e instanceof RangeError ? 'RangeError' : 'error');
  const code = LIMIT_CODES[rawCode] ?? (rawCode === 'RangeError' ? 'limit-memory' : `evaluation-${rawCode}`);

  const at: ErrorLocation = { nodeId, position: err.position };
  const { lineage } = context;
  if (lineage !== undefined && nodeId !== undefined) {
    const targetId = targetAt(ranges, err.position, (id) => lineage.targets.has(id));
    const source = sourceOfNode(lineage, nodeId, targetId, context.format);
    if (source.length > 0) at.source = source;
  }
  if (typeof err.details?.code === 'string') at.code = err.details.code;
  if (typeof err.details?.conceptMap === 'string') at.conceptMap = err.details.conceptMap;
  const value = inputValue(code, err);
  if (value !== undefined) at.value = value;

  const where =
    nodeId === undefined
      ? ''
      : ` (in node "${nodeId}"${at.source ? `, reading ${at.source.join(', ')}` : ''})`;
  return engineError(code, `${describe(code, rawCode, err, context.limits)}${where}`, at);
}

/** The input value behind the error, if the error carries one (a limit's size is not an input value). */
function inputValue(code: string, err: Thrown): unknown {
  if (code === 'unmapped-code') return err.details?.code;
  if (code.startsWith('limit-')) return undefined;
  return err.value;
}

/** The sentence for the analyst, rebuilt where the thrown text could carry an input value or a wrong number. */
function describe(code: string, rawCode: string, err: Thrown, limits: Limits | undefined): string {
  switch (code) {
    case 'limit-sequence': {
      const max = rawCode === 'D2014' ? JSONATA_RANGE_CAP : limits?.maxSequence;
      const size =
        typeof err.value === 'number' && (max === undefined || err.value > max) ? err.value : undefined;
      const limit = max === undefined ? 'the sequence limit' : `the limit of ${max} items`;
      return size === undefined
        ? `A sequence or range grew past ${limit}.`
        : `A sequence or range of ${size} items would exceed ${limit}.`;
    }
    case 'limit-time':
      return limits === undefined
        ? 'Evaluation ran past the time limit.'
        : `Evaluation ran past the time limit of ${limits.timeoutMs} ms.`;
    case 'limit-depth':
      return limits === undefined
        ? 'Evaluation nested past the depth limit (runaway recursion?).'
        : `Evaluation nested past the depth limit of ${limits.maxDepth} (runaway recursion?).`;
    case 'unmapped-code':
      return `The code is not in ConceptMap "${String(err.details?.conceptMap)}".`;
    default:
      return withoutValues(err.message ?? 'Evaluation failed', [err.value, err.value2]);
  }
}

/**
 * JSONata writes an operand into some messages (`Unable to cast value to a number: "1980XX01"`), as its
 * JSON text. Replace it: the value itself is kept in `at.value`.
 */
export function withoutValues(message: string, values: unknown[]): string {
  let out = message;
  for (const value of values) {
    if (value === undefined || value === null) continue;
    let json: string | undefined;
    try {
      json = JSON.stringify(value);
    } catch {
      json = undefined;
    }
    for (const text of new Set([json, typeof value === 'object' ? undefined : String(value)])) {
      if (text === undefined || text.length === 0) continue;
      // a bare number or word could also be part of the sentence: replace it only as a whole token
      const pattern = /^[\w.+-]+$/.test(text)
        ? new RegExp(`(?<![\\w.])${escapeRegex(text)}(?![\\w.])`, 'g')
        : new RegExp(escapeRegex(text), 'g');
      out = out.replace(pattern, '(value)');
    }
  }
  return out;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
