import {
  bundledConceptMaps,
  bundledTerminology,
  canonicalJson,
  compileMapping,
  createTerminology,
  runMapping,
  type ConceptMap,
  type TerminologyPort,
} from '@mapwright/engine';
import { nodeValueObserver } from './node-values';
import { fromEngineError, fromValidationIssue, isSampleError, readFields } from './preview-issues';
import type { PreviewCoverage, PreviewRequest, PreviewResult } from './preview-types';

export type * from './preview-types';

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * One live-preview run: compile the mapping, map the sample, validate, and collect what the studio shows
 * (output, issues pinned to nodes, each node's value, coverage, the generated JSONata). Pure and never
 * throws, so it runs the same in the worker and in Node tests.
 */
export async function runPreview(request: PreviewRequest): Promise<PreviewResult> {
  const t0 = now();
  const done = (result: Omit<PreviewResult, 'requestId' | 'timings'>): PreviewResult => ({
    requestId: request.requestId,
    ...result,
    timings: { totalMs: now() - t0 },
  });

  const compiled = compileMapping(request.mapping);
  if (!compiled.ok)
    return done({
      status: 'invalid-mapping',
      issues: compiled.errors.map((e) => fromEngineError(e, 'error')),
      nodeValues: {},
      program: '',
    });
  const program = compiled.value.program;
  if (request.sample === null || request.sample.content.trim() === '')
    return done({ status: 'no-sample', issues: [], nodeValues: {}, program });

  const terminology = terminologyFor(request.conceptMaps);
  const text = request.sample.content;
  // Each node's value comes from this same run, observed step by step.
  const observed = nodeValueObserver(compiled.value);
  const run = await runMapping(compiled.value, text, { terminology, onStep: observed.onStep });
  if (!run.ok) {
    const unreadable = run.errors.some(isSampleError);
    return done({
      status: unreadable ? 'unparseable-sample' : 'mapping-error',
      issues: run.errors.map((e) => fromEngineError(e, 'error')),
      // what the nodes held up to the failure still helps find it
      nodeValues: unreadable ? {} : observed.values,
      program,
    });
  }

  const format = compiled.value.mapping.source.format;
  const coverage: PreviewCoverage | undefined = run.coverage && {
    used: readFields(
      compiled.value.lineage.reads.filter((r) => r.absolute),
      format,
    ),
    unused: run.coverage.unused,
    total: run.coverage.total,
    usedCount: run.coverage.used,
  };
  return done({
    status: 'ok',
    bundle: run.bundle,
    bundleText: JSON.stringify(run.bundle, null, 2),
    issues: [
      ...run.issues.map((i) => fromValidationIssue(i, compiled.value)),
      ...run.warnings.map((w) => fromEngineError(w, 'warning')),
    ],
    nodeValues: observed.values,
    ...(coverage ? { coverage } : {}),
    program,
  });
}

let customTerminology: { key: string; port: TerminologyPort } | undefined;

/** Bundled maps plus the project's own; rebuilt only when the custom maps change (the usual preview keeps them). */
function terminologyFor(custom: readonly ConceptMap[]): TerminologyPort {
  if (custom.length === 0) return bundledTerminology();
  const key = canonicalJson(custom);
  if (customTerminology?.key !== key)
    customTerminology = { key, port: createTerminology([...bundledConceptMaps(), ...custom]) };
  return customTerminology.port;
}
