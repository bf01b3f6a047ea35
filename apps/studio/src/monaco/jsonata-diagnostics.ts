import jsonata from 'jsonata';
import {
  ENGINE_VARIABLE_PATTERN,
  ENGINE_VARIABLES,
  functionDoc,
  JSONATA_FUNCTIONS,
} from './jsonata-functions';

export type DiagnosticSeverity = 'error' | 'warning';

/** A problem in a transform expression, located by character offsets into it (end exclusive). */
export interface JsonataDiagnostic {
  /** JSONata's error code (`S0203`), or ours: `empty`, `unknown-variable`. */
  code: string;
  message: string;
  startOffset: number;
  endOffset: number;
  severity: DiagnosticSeverity;
}

export interface DiagnosticOptions {
  /** More names (without `$`) the caller knows are bound around the transform. */
  bound?: readonly string[];
}

interface ParseError {
  code?: string;
  message?: string;
  position?: number;
  token?: string;
}

interface AstNode {
  type?: string;
  value?: unknown;
  position?: number;
  lhs?: unknown;
  rhs?: unknown;
  arguments?: unknown;
  body?: unknown;
  index?: unknown;
  focus?: unknown;
  [key: string]: unknown;
}

/**
 * Syntax errors and unknown `$names` in a transform's expression. The engine compiles a transform as
 * `( expression )`, so a body of several `;`-separated statements is valid here although it is not at the
 * top level of a JSONata program; the expression is checked the same way.
 */
export function jsonataDiagnostics(
  expression: string,
  inputs: readonly string[],
  options: DiagnosticOptions = {},
): JsonataDiagnostic[] {
  if (expression.trim() === '')
    return [
      {
        code: 'empty',
        message: 'A transform needs an expression.',
        startOffset: 0,
        endOffset: expression.length,
        severity: 'error',
      },
    ];
  let ast: AstNode;
  try {
    ast = jsonata(`(${expression}\n)`).ast() as AstNode;
  } catch (wrappedError) {
    return [syntaxDiagnostic(expression, wrappedError as ParseError)];
  }
  return unknownVariables(expression, ast, inputs, options.bound ?? []);
}

function syntaxDiagnostic(expression: string, wrappedError: ParseError): JsonataDiagnostic {
  const raw = parseError(expression);
  // The expression as typed gives messages about what the analyst wrote; only a top-level `;` (legal in a
  // transform body, not in a bare program) needs the wrapped parse's answer instead.
  if (raw !== undefined && !(raw.code === 'S0201' && raw.token === ';'))
    return located(expression, raw, raw.position ?? expression.length);
  const position = (wrappedError.position ?? expression.length + 1) - 1;
  if (position > expression.length && !/before end of expression/.test(wrappedError.message ?? ''))
    // The error is at the closing parenthesis we added: the expression itself ended too early.
    return located(
      expression,
      { code: 'S0207', message: 'Unexpected end of expression', token: '(end)' },
      position,
    );
  return located(expression, wrappedError, position);
}

function parseError(expression: string): ParseError | undefined {
  try {
    jsonata(expression);
    return undefined;
  } catch (e) {
    return e as ParseError;
  }
}

function located(expression: string, error: ParseError, position: number): JsonataDiagnostic {
  const length = expression.length;
  const end = Math.min(Math.max(position, 0), length);
  let range: [number, number];
  const token = error.token === '(end)' ? undefined : error.token;
  if (token === undefined && (error.token === '(end)' || position >= length))
    range = [Math.max(0, length - 1), length];
  else if (error.code === 'S0106')
    range = [end, Math.min(length, end + 2)]; // position is the `/*` that never closes
  else if (token !== undefined) {
    // JSONata names a string token by its content, and a variable token without its `$`.
    const quoted = /["']/.test(expression[end - 1] ?? '') && !token.endsWith(expression[end - 1]!);
    let start = Math.max(0, end - token.length - (quoted ? 2 : 0));
    if (!quoted && /^\w+$/.test(token) && expression[start - 1] === '$') start -= 1;
    range = [start, end];
  } else range = [Math.max(0, end - 1), end];
  return {
    code: error.code ?? 'syntax',
    message: error.message ?? 'Syntax error',
    startOffset: range[0],
    endOffset: Math.max(range[1], range[0]),
    severity: 'error',
  };
}

interface VariableUse {
  name: string;
  /** End offset in the wrapped text. */
  position: number;
  called: boolean;
}

function unknownVariables(
  expression: string,
  ast: AstNode,
  inputs: readonly string[],
  bound: readonly string[],
): JsonataDiagnostic[] {
  const declared = new Set<string>([...inputs, ...bound, ...ENGINE_VARIABLES]);
  const uses: VariableUse[] = [];
  collect(ast, declared, uses, new WeakSet());
  const seen = new Set<string>();
  const out: JsonataDiagnostic[] = [];
  for (const use of uses) {
    // `$` is the context and `$$` the root: JSONata gives them the names '' and '$'.
    if (use.name === '' || use.name === '$') continue;
    if (declared.has(use.name) || functionDoc(use.name) !== undefined) continue;
    if (ENGINE_VARIABLE_PATTERN.test(use.name)) continue;
    const token = `$${use.name}`;
    const end = use.position - 1;
    const start =
      expression.slice(end - token.length, end) === token
        ? end - token.length
        : expression.lastIndexOf(token, end);
    if (start < 0 || seen.has(`${start}`)) continue;
    seen.add(`${start}`);
    const suggestion = closest(use.name, [...inputs, ...bound, ...JSONATA_FUNCTIONS.map((fn) => fn.name)]);
    const what = use.called ? 'function' : 'input, variable or function';
    out.push({
      code: 'unknown-variable',
      message: `${token} is not a known ${what}.${suggestion === undefined ? '' : ` Did you mean $${suggestion}?`}`,
      startOffset: start,
      endOffset: start + token.length,
      severity: 'warning',
    });
  }
  return out.sort((a, b) => a.startOffset - b.startOffset);
}

/**
 * Names bound anywhere in the expression (`$x :=`, lambda parameters, `#$i`, `@$v`) count as declared
 * everywhere: a warning must never be wrong, and scoping mistakes are JSONata's to report at run time.
 */
function collect(node: unknown, declared: Set<string>, uses: VariableUse[], visited: WeakSet<object>): void {
  if (typeof node !== 'object' || node === null || visited.has(node)) return;
  visited.add(node);
  if (Array.isArray(node)) {
    for (const item of node) collect(item, declared, uses, visited);
    return;
  }
  const n = node as AstNode;
  if (typeof n.index === 'string') declared.add(n.index);
  if (typeof n.focus === 'string') declared.add(n.focus);
  if (n.type === 'variable' && typeof n.value === 'string' && typeof n.position === 'number') {
    uses.push({ name: n.value, position: n.position, called: false });
    return;
  }
  if (n.type === 'bind' && isVariable(n.lhs)) {
    declared.add(n.lhs.value);
    collect(n.rhs, declared, uses, visited);
    return;
  }
  if (n.type === 'lambda' && Array.isArray(n.arguments)) {
    for (const arg of n.arguments) if (isVariable(arg)) declared.add(arg.value);
    collect(n.body, declared, uses, visited);
    return;
  }
  if ((n.type === 'function' || n.type === 'partial') && isVariable(n.procedure)) {
    const procedure = n.procedure as AstNode & { value: string; position: number };
    uses.push({ name: procedure.value, position: procedure.position, called: true });
    collect(n.arguments, declared, uses, visited);
    return;
  }
  for (const value of Object.values(n)) collect(value, declared, uses, visited);
}

const isVariable = (node: unknown): node is AstNode & { value: string } =>
  typeof node === 'object' &&
  node !== null &&
  (node as AstNode).type === 'variable' &&
  typeof (node as AstNode).value === 'string';

/** The candidate a typo most likely meant: same name ignoring case, or at most two edits away. */
function closest(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) >= bestDistance) continue;
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
