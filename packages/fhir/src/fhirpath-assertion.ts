import {
  InfixOperatorAtom,
  parseFhirPath,
  toTypedValue,
  type FhirPathAtom,
  type TypedValue,
} from '@medplum/core';

export type AssertionSyntax = { ok: true } | { ok: false; message: string };

/** `passed` only when the expression yields the single boolean true; otherwise `message` says what it yielded. */
export interface AssertionResult {
  passed: boolean;
  message?: string;
}

const COMPARISONS = new Set(['=', '!=', '~', '!~', '<', '>', '<=', '>=']);
const MAX_SHOWN = 80;

/**
 * Parses the expression and resolves its function names without data, so a typo (`Patient.nmae` is still
 * legal FHIRPath, `Patient.cuont()` is not) is reported when the analyst saves the test, not when it runs.
 */
export function checkAssertionSyntax(expression: string): AssertionSyntax {
  const parsed = parse(expression);
  if (!parsed.ok) return parsed;
  try {
    // functions are looked up before their input is read, so an empty input finds unknown ones
    parsed.atom.child.eval({ variables: {} }, []);
  } catch (e) {
    return { ok: false, message: errorText(e) };
  }
  return { ok: true };
}

/**
 * Evaluates an assertion over a mapping's output Bundle. The input collection is the entry resources, so
 * `Patient.name.family = 'Smith'` and `Observation.count() = 3` read as an analyst writes them; an expression
 * that starts with `Bundle` reads the Bundle itself. The message may show output values (they can be patient
 * data): it is for the analyst's screen, not for logs.
 */
export function evaluateAssertion(expression: string, bundle: unknown): AssertionResult {
  const parsed = parse(expression);
  if (!parsed.ok) return { passed: false, message: parsed.message };
  const input = inputOf(expression, bundle);
  let result: TypedValue[];
  try {
    result = parsed.atom.child.eval({ variables: {} }, input);
  } catch (e) {
    return { passed: false, message: `error: ${errorText(e)}` };
  }
  if (result.length === 1 && result[0]!.value === true) return { passed: true };

  const top = parsed.atom.child;
  if (top instanceof InfixOperatorAtom && COMPARISONS.has(top.operator)) {
    // the left side's value is what the analyst needs to fix either the mapping or the expectation
    let actual: TypedValue[];
    try {
      actual = top.left.eval({ variables: {} }, input);
    } catch {
      actual = [];
    }
    return {
      passed: false,
      message: `${top.left.toString()} is ${formatCollection(actual)}, expected ${top.operator} ${top.right.toString()}`,
    };
  }
  if (result.length === 0) return { passed: false, message: 'evaluated to an empty collection' };
  if (result.length === 1 && result[0]!.value === false)
    return { passed: false, message: 'evaluated to false' };
  return { passed: false, message: `evaluated to ${formatCollection(result)}, not true` };
}

function parse(expression: string): { ok: true; atom: FhirPathAtom } | { ok: false; message: string } {
  if (expression.trim() === '') return { ok: false, message: 'syntax error: the expression is empty' };
  // Medplum's tokenizer reads an unclosed string to the end of the text instead of refusing it
  if (unclosedString(expression)) return { ok: false, message: 'syntax error: a string is not closed' };
  try {
    return { ok: true, atom: parseFhirPath(expression) };
  } catch (e) {
    return { ok: false, message: `syntax error: ${errorText(e)}` };
  }
}

function unclosedString(expression: string): boolean {
  let open = false;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (open && c === '\\') i++;
    else if (c === "'") open = !open;
  }
  return open;
}

function inputOf(expression: string, bundle: unknown): TypedValue[] {
  if (/^\s*Bundle\b/.test(expression)) return bundle == null ? [] : [toTypedValue(bundle)];
  const entries = (bundle as { entry?: Array<{ resource?: unknown }> } | null)?.entry;
  if (!Array.isArray(entries)) return [];
  return entries.flatMap((e) => (e?.resource == null ? [] : [toTypedValue(e.resource)]));
}

const errorText = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).replace(/^FhirPathError on "[^"]*": (Error: )?/, '');

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function formatCollection(values: TypedValue[]): string {
  if (values.length === 0) return 'empty';
  if (values.length === 1) return formatValue(values[0]!.value);
  return `{ ${values.map((v) => formatValue(v.value)).join(', ')} }`;
}
