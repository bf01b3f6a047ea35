import type { CompiledMapping } from '../compiler/compile';
import { runMapping, type RunResult } from '../runtime/run-mapping';
import type { TerminologyPort } from '../runtime/ports';
import { describeRunError } from '../testing/evaluate-test-case';
import { groupDiffs, type DiffGroup } from './group-diffs';
import { diffBundles, type DiffableBundle, type ElementDiff } from './output-diff';

/** A message both versions run over; `id` is what groups list, `name` what a person reads. */
export interface SemanticMessage {
  id: string;
  name: string;
  origin: 'sample' | 'test' | 'corpus';
  text: string;
}

/** How one version did on one message; `problem` (located, no values) says why it did not map. */
export interface MessageOutcome {
  ok: boolean;
  errors: number;
  warnings: number;
  problem?: string;
}

export interface ValidationCounts {
  messages: number;
  failedToMap: number;
  errors: number;
  warnings: number;
}

export interface SemanticMessageDiff {
  id: string;
  name: string;
  origin: SemanticMessage['origin'];
  /** May hold patient data (before/after values): show, never log. */
  diffs: ElementDiff[];
  before: MessageOutcome;
  after: MessageOutcome;
}

export interface SemanticDiff {
  total: number;
  /** Messages with at least one output difference. */
  changed: number;
  groups: DiffGroup[];
  messages: SemanticMessageDiff[];
  validation: { before: ValidationCounts; after: ValidationCounts };
}

/**
 * What changing one mapping version into another does to its output: both run over every message, each
 * message's bundles are diffed element by element, and the differences are grouped across messages
 * ("Patient.birthDate changed in 38 of 40 messages"). A message that fails in one version counts as every
 * entry of the other side added or removed. `validate: false` skips FHIR validation (the counts are then 0).
 */
export async function semanticDiff(
  before: CompiledMapping,
  after: CompiledMapping,
  messages: ReadonlyArray<SemanticMessage>,
  options: { validate?: boolean; terminology?: TerminologyPort } = {},
): Promise<SemanticDiff> {
  // the server's lookups read its stored ConceptMaps too: without them every such code would differ
  const runOptions = {
    validate: options.validate !== false,
    coverage: false,
    ...(options.terminology ? { terminology: options.terminology } : {}),
  };
  const out: SemanticMessageDiff[] = [];
  for (const message of messages) {
    const [b, a] = await Promise.all([
      runMapping(before, message.text, runOptions),
      runMapping(after, message.text, runOptions),
    ]);
    out.push({
      id: message.id,
      name: message.name,
      origin: message.origin,
      diffs: [...diffBundles(bundleOf(b), bundleOf(a)), ...failureDiff(b, a)],
      before: outcomeOf(b),
      after: outcomeOf(a),
    });
  }
  const changed = out.filter((m) => m.diffs.length > 0);
  return {
    total: out.length,
    changed: changed.length,
    groups: groupDiffs(
      changed.map((m) => ({ messageId: m.id, diffs: m.diffs })),
      out.length,
    ),
    messages: out,
    validation: { before: countsOf(out.map((m) => m.before)), after: countsOf(out.map((m) => m.after)) },
  };
}

/**
 * A message neither version maps shows no bundle difference, yet failing for another reason is a change
 * the reviewer must see. The problems are located error descriptions, never message values.
 */
function failureDiff(before: RunResult, after: RunResult): ElementDiff[] {
  if (before.ok || after.ok) return [];
  const [b, a] = [outcomeOf(before).problem, outcomeOf(after).problem];
  return b === a
    ? []
    : [{ kind: 'changed', path: 'Bundle', entry: { resourceType: 'Bundle' }, before: b, after: a }];
}

const bundleOf = (r: RunResult): DiffableBundle | null => (r.ok ? (r.bundle as DiffableBundle) : null);

function outcomeOf(r: RunResult): MessageOutcome {
  if (!r.ok) {
    const problem = r.errors.map(describeRunError).join('; ') || 'the message did not map';
    return { ok: false, errors: 0, warnings: 0, problem };
  }
  const errors = r.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length;
  const warnings = r.issues.filter((i) => i.severity === 'warning').length;
  return { ok: true, errors, warnings };
}

function countsOf(outcomes: MessageOutcome[]): ValidationCounts {
  return {
    messages: outcomes.length,
    failedToMap: outcomes.filter((o) => !o.ok).length,
    errors: outcomes.reduce((n, o) => n + o.errors, 0),
    warnings: outcomes.reduce((n, o) => n + o.warnings, 0),
  };
}
