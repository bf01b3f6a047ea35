import { validateBundle } from '@mapwright/fhir';
import { bundledTerminology } from '../terminology';
import { compileMapping, type CompileOptions, type CompiledMapping } from '../compiler/compile';
import type { EngineError } from '../errors';
import { hl7Coverage, jsonCoverage, type Coverage } from '../coverage/coverage';
import {
  logReads,
  observeSteps,
  READ_LOG,
  STEP_OBSERVER,
  type ReadLog,
  type StepObserver,
} from '../coverage/read-log';
import { noResourcesWarning, unmappedCodeWarnings } from '../coverage/run-warnings';
import { annotateIssues, bundleLineage, type OutputLineage } from '../lineage/resolve-lineage';
import { messageSeed } from '../util/hash';
import type { BundleEntry } from './helper-functions';
import { resolveLimits, type Limits } from './limits';
import { locateEvaluationError } from './locate-error';
import { parseInput } from './parse-input';
import type { TerminologyPort, ValidatorPort } from './ports';
import { RUN_CONTEXT, type RunContext, type RunWarning, type UnmappedCode } from './run-context';
import type { ValidationIssue } from './validation-issue';

export interface RunOptions {
  /** Validate the bundle against FHIR R4 (default true). */
  validate?: boolean;
  /** Report the origin of every output element (default false: it costs a walk of the output). */
  lineage?: boolean;
  /** Report source fields no node reads (default true). */
  coverage?: boolean;
  limits?: Partial<Limits>;
  /** ConceptMaps for lookup nodes; defaults to the bundled HL7 v2 table maps. */
  terminology?: TerminologyPort;
  /** Bundle validator; defaults to @mapwright/fhir's validateBundle. */
  validator?: ValidatorPort;
  /**
   * Called after every evaluation step of this run with the step and its result (the studio takes each
   * node's value from its bind), so a preview needs one run, not a second one with its own hook.
   */
  onStep?: StepObserver;
}

export interface Bundle {
  resourceType: 'Bundle';
  type: 'transaction';
  entry?: BundleEntry[];
}

export interface RunTimings {
  parseMs: number;
  mapMs: number;
  validateMs: number;
  totalMs: number;
}

export type RunResult =
  | {
      ok: true;
      bundle: Bundle;
      /** Validation issues, each with the node that produced the offending element where known. */
      issues: ValidationIssue[];
      coverage: Coverage | undefined;
      lineage?: OutputLineage[];
      /** Codes a lookup did not find (passed through or defaulted). */
      unmapped: UnmappedCode[];
      warnings: Array<EngineError | RunWarning>;
      timings: RunTimings;
    }
  | { ok: false; errors: EngineError[]; timings?: RunTimings };

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Maps one input message with a compiled mapping. Never throws: failures come back as located errors. */
export async function runMapping(
  compiled: CompiledMapping,
  text: string,
  options: RunOptions = {},
): Promise<RunResult> {
  const t0 = now();
  const parsed = parseInput(compiled.mapping, text);
  const t1 = now();
  if (!parsed.ok) return { ok: false, errors: parsed.errors };

  const limits =
    options.limits === undefined ? compiled.limits : resolveLimits({ ...compiled.limits, ...options.limits });
  const ctx: RunContext = {
    seed: messageSeed(text),
    limits,
    terminology: options.terminology ?? bundledTerminology(),
    outputChars: 0,
    unmapped: [],
    warnings: [],
  };
  let bundle: Bundle;
  const expression = compiled.expression(limits);
  // coverage is what this evaluation reads, so the hook logs it while the program runs
  const reads: ReadLog | undefined = options.coverage === false ? undefined : new Map();
  const stopLogging = reads || options.onStep ? logReads(expression) : undefined;
  const stopObserving = options.onStep && observeSteps();
  try {
    bundle = (await expression.evaluate(parsed.root, {
      [RUN_CONTEXT]: ctx,
      [READ_LOG]: reads,
      ...(options.onStep ? { [STEP_OBSERVER]: options.onStep } : {}),
    })) as Bundle;
  } catch (e) {
    const where = { lineage: compiled.lineage, format: compiled.mapping.source.format, limits };
    return { ok: false, errors: [locateEvaluationError(e, compiled.ranges, where)] };
  } finally {
    stopLogging?.();
    stopObserving?.();
  }
  const entries = toEntries(bundle.entry);
  bundle =
    entries.length > 0
      ? { resourceType: 'Bundle', type: 'transaction', entry: entries }
      : { resourceType: 'Bundle', type: 'transaction' };
  const t2 = now();

  let issues: ValidationIssue[] = [];
  if (options.validate !== false) {
    const raw = (options.validator ?? defaultValidator)(bundle as unknown as Record<string, unknown>);
    issues = annotateIssues(raw, entries, compiled.lineage);
  }
  const t3 = now();

  let coverage: Coverage | undefined;
  if (reads) coverage = parsed.hl7 ? hl7Coverage(parsed.hl7, reads) : jsonCoverage(parsed.root, reads);

  const result: RunResult = {
    ok: true,
    bundle,
    issues,
    coverage,
    unmapped: ctx.unmapped,
    warnings: [
      ...parsed.warnings,
      ...ctx.warnings,
      ...unmappedCodeWarnings(ctx.unmapped),
      ...noResourcesWarning(compiled.mapping, parsed, entries.length),
    ],
    timings: { parseMs: t1 - t0, mapMs: t2 - t1, validateMs: t3 - t2, totalMs: now() - t0 },
  };
  if (options.lineage) result.lineage = bundleLineage(entries, compiled.lineage);
  return result;
}

/** Compiles (cached) and runs in one call. */
export async function mapMessage(
  mapping: unknown,
  text: string,
  options: RunOptions & { compile?: CompileOptions } = {},
): Promise<RunResult> {
  const compiled = compileMapping(mapping, options.compile);
  if (!compiled.ok) return compiled;
  return runMapping(compiled.value, text, options);
}

/** JSONata hands back one entry as a plain object and several as a sequence: normalise to an array. */
function toEntries(value: unknown): BundleEntry[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? [...(value as BundleEntry[])] : [value as BundleEntry];
}

const defaultValidator: ValidatorPort = (bundle) =>
  validateBundle(bundle).issues.map((i) => {
    const issue: ValidationIssue = {
      severity: i.severity,
      code: i.code,
      diagnostics: i.details?.text ?? i.diagnostics ?? '',
    };
    if (i.expression) issue.expression = [...i.expression];
    return issue;
  });
