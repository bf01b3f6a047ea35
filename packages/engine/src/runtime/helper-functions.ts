import type { Identity, UnmappedPolicy } from '../model';
import { uuidFrom } from '../util/hash';
import { prune } from './prune';
import { RUN_CONTEXT, type EngineThrow, type RunContext } from './run-context';

/** What JSONata hands a registered function as `this`. */
interface Focus {
  environment: { lookup(name: string): unknown };
}

export type RegisteredFunction = {
  implementation: (this: Focus, ...args: unknown[]) => unknown;
  signature?: string;
};

/** Bundle entries carry their target id under this symbol: invisible in JSON, used for references and lineage. */
export const ENTRY_TARGET = Symbol.for('mapwright.target');

export interface BundleEntry {
  fullUrl: string;
  resource: Record<string, unknown>;
  request: { method: 'POST' | 'PUT'; url: string; ifNoneExist?: string };
  [ENTRY_TARGET]?: string;
}

const runContext = (focus: Focus): RunContext => focus.environment.lookup(RUN_CONTEXT) as RunContext;

const fail = (t: EngineThrow): never => {
  throw t;
};

/**
 * Constant arguments (unmapped policy, identity) arrive as JSON text from compiled programs, or as objects
 * from hand-written ones. Parsed texts are cached frozen: the same few strings come back on every run, and a
 * frozen value cannot carry state from one message to the next.
 */
const CONSTANT_CACHE_SIZE = 500;
const constants = new Map<string, unknown>();

function constantArg(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  let parsed = constants.get(value);
  if (parsed === undefined) {
    parsed = deepFreeze(JSON.parse(value));
    if (constants.size >= CONSTANT_CACHE_SIZE) constants.delete(constants.keys().next().value as string);
    constants.set(value, parsed);
  }
  return parsed;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const asEntries = (value: unknown): BundleEntry[] =>
  Array.isArray(value) ? (value as BundleEntry[]) : value === undefined ? [] : [value as BundleEntry];

/** The engine's helpers, registered once on every compiled program. */
export function helperFunctions(): Record<string, RegisteredFunction> {
  return {
    uuid: {
      implementation(this: Focus, targetId: unknown, key: unknown) {
        return `urn:uuid:${uuidFrom(`${runContext(this).seed}|${String(targetId)}|${String(key)}`)}`;
      },
    },
    entry: {
      implementation(this: Focus, targetId: unknown, fullUrl: unknown, resource: unknown, identity: unknown) {
        const ctx = runContext(this);
        const size = { chars: 0 };
        const kept = (prune(resource, size) ?? {}) as Record<string, unknown>;
        ctx.outputChars += size.chars;
        if (ctx.outputChars > ctx.limits.maxOutputChars)
          fail({
            code: 'MW-LIMIT-OUTPUT',
            message: `The output grew past ${ctx.limits.maxOutputChars} characters while building target "${String(targetId)}".`,
            nodeId: String(targetId),
          });
        const entry: BundleEntry = {
          fullUrl: String(fullUrl),
          resource: kept,
          request: requestFor(kept, constantArg(identity) as Identity | undefined, ctx, String(targetId)),
        };
        Object.defineProperty(entry, ENTRY_TARGET, { value: String(targetId), enumerable: false });
        return entry;
      },
    },
    ref: {
      implementation(entries: unknown, targetId: unknown) {
        const hit = asEntries(entries).find((e) => e[ENTRY_TARGET] === targetId);
        return hit === undefined ? undefined : { reference: hit.fullUrl };
      },
    },
    refs: {
      implementation(entries: unknown, targetId: unknown) {
        const out = asEntries(entries)
          .filter((e) => e[ENTRY_TARGET] === targetId)
          .map((e) => ({ reference: e.fullUrl }));
        return out.length > 0 ? out : undefined;
      },
    },
    translate: {
      implementation(
        this: Focus,
        value: unknown,
        conceptMap: unknown,
        policy: unknown,
        output: unknown,
        nodeId: unknown,
      ) {
        const ctx = runContext(this);
        const map = String(conceptMap);
        const how = constantArg(policy) as UnmappedPolicy;
        const shape = String(output);
        const node = String(nodeId);
        // a field is a list of repetitions: one repetition gives one value, like a JSONata singleton
        if (!Array.isArray(value)) return translateOne(ctx, value, map, how, shape, node);
        const out: unknown[] = [];
        for (const v of value as unknown[]) {
          const translated = translateOne(ctx, v, map, how, shape, node);
          if (translated !== undefined) out.push(translated);
        }
        return out.length <= 1 ? out[0] : out;
      },
    },
    pad: {
      implementation(this: Focus, str: unknown, width: unknown, char: unknown) {
        if (str === undefined) return undefined;
        const ctx = runContext(this);
        const w = Math.trunc(Number(width));
        if (Math.abs(w) > ctx.limits.maxStringLength)
          fail({
            code: 'MW-LIMIT-STRING',
            message: `$pad to width ${w} is over the limit of ${ctx.limits.maxStringLength} characters.`,
          });
        const s = String(str);
        const fill = typeof char === 'string' && char.length > 0 ? char : ' ';
        const missing = Math.abs(w) - Array.from(s).length;
        if (missing <= 0) return s;
        const padding = fill.repeat(Math.ceil(missing / fill.length)).slice(0, missing);
        return w > 0 ? s + padding : padding + s;
      },
      signature: '<s-ns?:s>',
    },
    join: {
      implementation(this: Focus, strs: unknown, separator: unknown) {
        if (strs === undefined) return undefined;
        const ctx = runContext(this);
        const list = (Array.isArray(strs) ? strs : [strs]).map(String);
        const sep = typeof separator === 'string' ? separator : '';
        const total = list.reduce((n, s) => n + s.length + sep.length, 0);
        if (total > ctx.limits.maxStringLength)
          fail({
            code: 'MW-LIMIT-STRING',
            message: `$join would build ${total} characters, over the limit of ${ctx.limits.maxStringLength}.`,
          });
        return list.join(sep);
      },
      signature: '<a<s>s?:s>',
    },
  };
}

type Cwe = { C1?: unknown; C2?: unknown; C3?: unknown };

function translateOne(
  ctx: RunContext,
  value: unknown,
  conceptMap: string,
  policy: UnmappedPolicy,
  output: string,
  nodeId: string,
): unknown {
  if (value === undefined || value === null) return undefined;
  const cwe = typeof value === 'object' ? (value as Cwe) : undefined;
  const code = cwe ? cwe.C1 : value;
  if (typeof code !== 'string' && typeof code !== 'number') return undefined;
  const sourceCode = String(code);
  const sourceDisplay = typeof cwe?.C2 === 'string' ? cwe.C2 : undefined;
  const sourceSystem = typeof cwe?.C3 === 'string' ? cwe.C3 : undefined;
  if (ctx.terminology === undefined)
    fail({
      code: 'MW-NO-TERMINOLOGY',
      message: `Lookup "${nodeId}" needs terminology, and none was given to the run.`,
      nodeId,
    });
  const hit = (ctx.terminology as NonNullable<RunContext['terminology']>).translate(
    conceptMap,
    sourceCode,
    sourceSystem,
  );
  if (hit.found) return shape(output, hit.code, hit.system, hit.display);
  ctx.unmapped.push({ nodeId, conceptMap, code: sourceCode, policy: policy.policy });
  switch (policy.policy) {
    case 'error':
      return fail({
        code: 'MW-UNMAPPED-CODE',
        message: `Lookup "${nodeId}": the code is not in ConceptMap "${conceptMap}".`,
        nodeId,
        details: { code: sourceCode, conceptMap },
      });
    case 'passthrough':
      return shape(output, sourceCode, undefined, sourceDisplay);
    case 'default':
      return shape(output, policy.code, policy.system, policy.display);
  }
}

function shape(
  output: string,
  code: string,
  system: string | undefined,
  display: string | undefined,
): unknown {
  if (output === 'code') return code;
  const coding = { system, code, display };
  return output === 'coding' ? coding : { coding: [coding] };
}

/** The request line from the target's identity: POST, conditional create (ifNoneExist) or conditional update (PUT ?query). */
function requestFor(
  resource: Record<string, unknown>,
  identity: Identity | undefined,
  ctx: RunContext,
  targetId: string,
): BundleEntry['request'] {
  const type = String(resource.resourceType);
  if (identity === undefined) return { method: 'POST', url: type };
  const params: string[] = [];
  for (const key of identity.keys) {
    const value = searchValue(firstAt(resource, key.element));
    if (value === undefined) {
      ctx.warnings.push({
        code: 'identity-missing',
        message: `Target "${targetId}" has no value at ${key.element} for its identity; it is created unconditionally.`,
        at: { nodeId: targetId, element: key.element },
      });
      return { method: 'POST', url: type };
    }
    params.push(`${key.searchParam}=${value}`);
  }
  const query = params.join('&');
  return identity.mode === 'conditional-create'
    ? { method: 'POST', url: type, ifNoneExist: query }
    : { method: 'PUT', url: `${type}?${query}` };
}

function firstAt(resource: Record<string, unknown>, path: string): unknown {
  let current: unknown = resource;
  for (const part of path.split('.')) {
    if (Array.isArray(current)) current = current[0];
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return Array.isArray(current) ? current[0] : current;
}

// Keep `:` `/` `|` readable in the URL; escape what would break a query string.
const queryEscape = (s: string): string => s.replace(/[%&#+= ?]/g, (c) => encodeURIComponent(c));

function searchValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object') return queryEscape(String(value));
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.coding)) return searchValue(v.coding[0]);
  const code =
    typeof v.value === 'string'
      ? v.value
      : typeof v.code === 'string'
        ? v.code
        : typeof v.reference === 'string'
          ? v.reference
          : undefined;
  if (code === undefined) return undefined;
  return typeof v.system === 'string' ? `${queryEscape(v.system)}|${queryEscape(code)}` : queryEscape(code);
}
