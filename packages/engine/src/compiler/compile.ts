import jsonata from 'jsonata';
import { elementInfo } from '@mapwright/fhir';
import { engineError, type EngineError, type Result } from '../errors';
import { Mapping } from '../model';
import { helperFunctions, type RegisteredFunction } from '../runtime/helper-functions';
import { jsonataLimitsKey, resolveLimits, type Limits } from '../runtime/limits';
import { staticLineage, type StaticLineage } from '../lineage/static-lineage';
import { canonicalJson, hashHex } from '../util/hash';
import { analyseGraph, type GraphAnalysis } from './analyse-graph';
import { fallbackIsListElement, type IsListElement } from './element-cardinality';
import { emitProgram, type SourceRange } from './emit-program';
import { extensionFunctions } from './extension-functions';
import { LinearRegExp } from '../runtime/linear-regex';

export interface CompileOptions {
  /** Decides list elements; defaults to @mapwright/fhir's elementInfo, with a built-in table as fallback. */
  isListElement?: IsListElement;
  limits?: Partial<Limits>;
  /** Extra JSONata functions (name without `$`), registered on the program after the built-in ones. */
  functions?: Record<string, RegisteredFunction>;
}

export interface CompiledMapping {
  mapping: Mapping;
  /** Content hash of the canonical mapping: the cache key and a version fingerprint. */
  hash: string;
  /** The generated JSONata program, as the analyst sees it. */
  program: string;
  /** Which node produced each stretch of the program, for locating evaluation errors. */
  ranges: SourceRange[];
  graph: GraphAnalysis;
  lineage: StaticLineage;
  limits: Limits;
  /** The program, parsed once, with every function registered. Created per limits (JSONata takes them at creation). */
  expression(limits: Limits): jsonata.Expression;
}

const CACHE_SIZE = 200;
const cache = new Map<string, CompiledMapping>();

/** Default list-element rule: the FHIR definitions when they know the path, else the built-in table. */
export const defaultIsListElement: IsListElement = (resourceType, path) => {
  try {
    const info = elementInfo(resourceType, path);
    if (info) return info.isArray;
  } catch {
    // definitions unavailable (e.g. a browser build that has not set them): use the table
  }
  return fallbackIsListElement(resourceType, path);
};

/**
 * Validates the mapping (zod, then graph structure) and compiles it to one JSONata program. Compiled
 * programs are cached by the content hash of the canonical mapping, so a version compiles once.
 */
export function compileMapping(input: unknown, options: CompileOptions = {}): Result<CompiledMapping> {
  const parsed = Mapping.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((issue) => zodError(issue, input)) };
  const mapping = parsed.data;
  const limits = resolveLimits(options.limits);
  const custom = options.isListElement !== undefined || options.functions !== undefined;
  const hash = hashHex(canonicalJson(mapping));
  const cacheKey = `${hash}/${jsonataLimitsKey(limits)}/${limits.maxOutputChars}/${limits.maxStringLength}`;
  const hit = custom ? undefined : cache.get(cacheKey);
  if (hit) return { ok: true, value: hit };

  const isList = options.isListElement ?? defaultIsListElement;
  const graph = analyseGraph(mapping, isList);
  if (!graph.ok) return graph;
  const emitted = emitProgram(mapping, graph.value, isList);
  let extensions: Record<string, RegisteredFunction>;
  try {
    extensions = extensionFunctions(mapping);
  } catch (e) {
    return {
      ok: false,
      errors: [
        engineError('bad-time-zone', e instanceof Error ? e.message : String(e), {
          path: 'settings.defaultTimeZone',
        }),
      ],
    };
  }
  const functions = { ...extensions, ...helperFunctions(), ...options.functions };
  const byLimits = new Map<string, jsonata.Expression>();
  const expression = (l: Limits): jsonata.Expression => {
    const key = jsonataLimitsKey(l);
    let expr = byLimits.get(key);
    if (!expr) {
      expr = jsonata(emitted.text, {
        timeout: l.timeoutMs,
        stack: l.maxDepth,
        sequence: l.maxSequence,
        RegexEngine: LinearRegExp as unknown as RegExpConstructor,
      });
      for (const [name, fn] of Object.entries(functions))
        expr.registerFunction(name, fn.implementation, fn.signature);
      byLimits.set(key, expr);
    }
    return expr;
  };
  try {
    expression(limits);
  } catch (e) {
    const err = e as { message?: string; position?: number };
    return {
      ok: false,
      errors: [
        engineError('program-invalid', `The generated program does not parse: ${err.message ?? String(e)}`, {
          position: err.position,
        }),
      ],
    };
  }
  const compiled: CompiledMapping = {
    mapping,
    hash,
    program: emitted.text,
    ranges: emitted.ranges,
    graph: graph.value,
    lineage: staticLineage(graph.value),
    limits,
    expression,
  };
  if (!custom) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(cacheKey, compiled);
  }
  return { ok: true, value: compiled };
}

function zodError(issue: { message: string; path: PropertyKey[] }, input: unknown): EngineError {
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  const at: EngineError['at'] = { path };
  if (issue.path[0] === 'nodes' && typeof issue.path[1] === 'number') {
    const node = (input as { nodes?: Array<{ id?: unknown }> }).nodes?.[issue.path[1]];
    if (typeof node?.id === 'string') at.nodeId = node.id;
  }
  if (issue.path[0] === 'edges' && typeof issue.path[1] === 'number') {
    const edge = (input as { edges?: Array<{ id?: unknown }> }).edges?.[issue.path[1]];
    if (typeof edge?.id === 'string') at.edgeId = edge.id;
  }
  return engineError('invalid-mapping', `${path || 'mapping'}: ${issue.message}`, at);
}
