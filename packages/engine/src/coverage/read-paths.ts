import jsonata from 'jsonata';

/**
 * A path an expression reads, as name steps. `absolute` when it starts at the message root (`$msg.`, or a
 * relative path whose context is known); otherwise it is relative to an unknown context.
 */
export interface ReadPath {
  steps: string[];
  absolute: boolean;
}

type Ast = {
  type: string;
  value?: unknown;
  steps?: Ast[];
  stages?: Ast[];
  predicate?: Ast[];
  expr?: Ast;
  [k: string]: unknown;
};

/**
 * The source paths an expression reads, from its JSONata AST. `context` is the absolute path of the
 * current context item (the for-each chain), or null when it cannot be known statically.
 */
export function readPaths(expression: string, context: string[] | null): ReadPath[] {
  let ast: Ast;
  try {
    ast = jsonata(expression).ast() as unknown as Ast;
  } catch {
    return [];
  }
  const out: ReadPath[] = [];
  walk(ast, context, out);
  return out;
}

/** Where a for-each expression's items sit, when it is a plain path (predicates allowed). */
export function itemContext(expression: string, context: string[] | null): string[] | null {
  const reads = readPaths(expression, context);
  const main = reads[reads.length - 1];
  let ast: Ast;
  try {
    ast = jsonata(expression).ast() as unknown as Ast;
  } catch {
    return null;
  }
  if (ast.type !== 'path' && ast.type !== 'name') return null;
  return main?.absolute ? main.steps : null;
}

function walk(node: unknown, context: string[] | null, out: ReadPath[]): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, context, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const ast = node as Ast;
  if (ast.type === 'path' && Array.isArray(ast.steps)) {
    walkPath(ast.steps, context, out);
    return;
  }
  if (ast.type === 'name' && typeof ast.value === 'string') {
    const steps = [ast.value];
    record(context, steps, out);
    walkStages(ast, context === null ? null : [...context, ...steps], out);
    return;
  }
  for (const [key, child] of Object.entries(ast)) {
    if (key === 'position' || key === 'value' || key === 'type') continue;
    walk(child, context, out);
  }
}

function record(context: string[] | null, steps: string[], out: ReadPath[]): void {
  if (steps.length === 0) return;
  out.push(context === null ? { steps, absolute: false } : { steps: [...context, ...steps], absolute: true });
}

function walkStages(step: Ast, here: string[] | null, out: ReadPath[]): void {
  for (const stage of [...(step.stages ?? []), ...(step.predicate ?? [])])
    if (stage.expr) walk(stage.expr, here, out);
}

function walkPath(steps: Ast[], context: string[] | null, out: ReadPath[]): void {
  let base: string[] | null = context;
  let names: string[] = [];
  steps.forEach((step, i) => {
    if (i === 0 && step.type === 'variable') {
      // `$msg.X` starts at the root; `$.X` at the context; other variables hold node values read elsewhere.
      base = step.value === 'msg' ? [] : step.value === '' ? context : null;
      if (base === null) names = [];
      walkStages(step, base, out);
      return;
    }
    if (step.type === 'name' && typeof step.value === 'string') {
      names.push(step.value);
      walkStages(step, base === null ? null : [...base, ...names], out);
      return;
    }
    if (step.type === 'wildcard' || step.type === 'descendant') return;
    // a computed step (block, function, ...): read what it reads, then the rest is relative to something unknown
    record(base, names, out);
    walk(step, base === null ? null : [...base, ...names], out);
    base = null;
    names = [];
  });
  if (
    base === null &&
    names.length > 0 &&
    steps[0]?.type === 'variable' &&
    steps[0].value !== 'msg' &&
    steps[0].value !== ''
  )
    return;
  record(base, names, out);
}
