import type jsonata from 'jsonata';

/** The keys read on each input object during one evaluation: segment fields (`F5`), CSV columns, JSON keys. */
export type ReadLog = Map<object, Set<string>>;

/**
 * The binding that carries a run's log. The hook finds it on the evaluation's root frame (`environment.base`,
 * where `evaluate(input, bindings)` puts its bindings), so a variable of the program cannot hide it.
 */
export const READ_LOG = '__mapwright_reads';

/**
 * JSONata calls the function bound under this symbol after every evaluation step. Bindings passed to
 * `evaluate` are copied with `Object.keys`, which skips symbols, so the hook cannot come in per run: it is
 * assigned on the (shared, cached) expression while at least one run that wants coverage is evaluating it,
 * and each run's steps go to that run's own log.
 */
const EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit');

/** The binding that carries a run's step observer (`RunOptions.onStep`), found like the read log. */
export const STEP_OBSERVER = '__mapwright_step';

/** Sees every evaluation step of one run with its result: the studio reads each node's value from its bind. */
export type StepObserver = (step: { type: string; position?: number }, result: unknown) => void;

/** Runs with an observer in flight; while none is, the hook does not even look for one. */
let observing = 0;

/** Marks a run with an observer as in flight until the returned function is called. */
export function observeSteps(): () => void {
  observing++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    observing--;
  };
}

interface Step {
  type: string;
  value?: unknown;
  position?: number;
}

interface Frame {
  base?: { lookup(name: string): unknown };
}

/** Runs on every step: stay cheap. Only name steps (`F5` on a segment, `code` on a CSV row) and `*` read keys. */
function onEvaluateExit(expr: Step, input: unknown, environment: Frame, result?: unknown): void {
  if (observing > 0) {
    const observer = environment.base?.lookup(STEP_OBSERVER);
    if (typeof observer === 'function') (observer as StepObserver)(expr, result);
  }
  const type = expr.type;
  if ((type !== 'name' && type !== 'wildcard') || input === null || typeof input !== 'object') return;
  const log = environment.base?.lookup(READ_LOG) as ReadLog | undefined;
  if (log === undefined) return;
  if (type === 'name') note(log, input, expr.value as string);
  else noteAll(log, input);
}

function note(log: ReadLog, input: object, key: string): void {
  if (Array.isArray(input)) {
    // a name step on a sequence reads the key of every object in it, as JSONata's own lookup does
    for (const item of input) if (item !== null && typeof item === 'object') note(log, item, key);
    return;
  }
  let keys = log.get(input);
  if (keys === undefined) log.set(input, (keys = new Set()));
  keys.add(key);
}

function noteAll(log: ReadLog, input: object): void {
  if (Array.isArray(input)) {
    for (const item of input) if (item !== null && typeof item === 'object') noteAll(log, item);
    return;
  }
  for (const key of Object.keys(input)) note(log, input, key);
}

// `assign` binds in the expression's environment; its type says string names, JSONata also looks up symbols.
const setHook = (expression: jsonata.Expression, hook: typeof onEvaluateExit | undefined): void =>
  (expression.assign as unknown as (name: symbol, value: unknown) => void).call(
    expression,
    EVALUATE_EXIT,
    hook,
  );

const runsLogging = new WeakMap<jsonata.Expression, number>();

/**
 * Installs the read hook on `expression` until the returned function is called. Counted, so concurrent runs
 * of one expression keep it until the last of them ends; runs without coverage evaluate with no hook at all
 * when none is logging (and with a hook that returns at once otherwise).
 */
export function logReads(expression: jsonata.Expression): () => void {
  const count = runsLogging.get(expression) ?? 0;
  if (count === 0) setHook(expression, onEvaluateExit);
  runsLogging.set(expression, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (runsLogging.get(expression) ?? 1) - 1;
    runsLogging.set(expression, left);
    if (left === 0) setHook(expression, undefined);
  };
}
