import { RE2JS } from 're2js';

/**
 * The regular-expression engine JSONata runs with (its `RegexEngine` option): RE2 semantics, so matching is
 * linear in the input. JavaScript's backtracking RegExp can take exponential time on patterns like
 * `/^(a+)+$/`, and one such match never yields to the evaluation time limit; with RE2 it cannot happen.
 * RE2 refuses backreferences and lookaround, which mapping expressions do not need.
 *
 * JSONata's contract: `new Engine(literal)`, a writable `lastIndex`, and `exec(text)` returning a
 * RegExpExecArray-like match or null. A class because JSONata constructs it with `new`.
 */
export class LinearRegExp {
  lastIndex = 0;
  private readonly re2: RE2JS;

  constructor(literal: RegExp) {
    let flags = 0;
    if (literal.flags.includes('i')) flags |= RE2JS.CASE_INSENSITIVE;
    if (literal.flags.includes('m')) flags |= RE2JS.MULTILINE;
    this.re2 = RE2JS.compile(RE2JS.translateRegExp(withJavaScriptClasses(literal.source)), flags);
  }

  exec(text: string): RegExpExecArray | null {
    const matcher = this.re2.matcher(text);
    if (this.lastIndex > text.length || !matcher.find(this.lastIndex)) {
      this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [matcher.group(0) ?? ''];
    for (let i = 1; i <= matcher.groupCount(); i++) groups.push(matcher.group(i) ?? undefined);
    this.lastIndex = matcher.end();
    return Object.assign(groups, { index: matcher.start(), input: text }) as RegExpExecArray;
  }
}

// JavaScript's \s (ECMAScript WhiteSpace and LineTerminator): RE2's \s is ASCII only, and NBSP is what a
// windows-1252 0xA0 decodes to, so numbers padded with it would stop matching.
const WHITESPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
// JavaScript's `.` stops at every line terminator; RE2's only at \n.
const ANY = '[^\\n\\r\\u2028\\u2029]';

/**
 * Rewrites `\s`, `\S` and `.` to the classes JavaScript gives them, so a pattern means on RE2 what it means
 * in JavaScript. (`\S` inside a bracket class has no such rewrite and keeps RE2's ASCII meaning.)
 */
export function withJavaScriptClasses(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      i++;
      if (next === 's') out += inClass ? WHITESPACE : `[${WHITESPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${WHITESPACE}]`;
      else out += c + next;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (c === '.' && !inClass) out += ANY;
    else out += c;
  }
  return out;
}

/** Why a regex literal cannot run on the linear engine (backreference, lookaround), or undefined when it can. */
export function linearRegexProblem(literal: RegExp): string | undefined {
  try {
    new LinearRegExp(literal);
    return undefined;
  } catch (e) {
    return `regular expression /${literal.source}/ is not supported: ${(e as Error).message} (backreferences and lookaround are not available; matching is linear-time)`;
  }
}
