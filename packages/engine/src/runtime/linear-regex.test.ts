import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { LinearRegExp, linearRegexProblem } from './linear-regex';

const evaluate = (expression: string, input: unknown = {}) =>
  jsonata(expression, { RegexEngine: LinearRegExp as unknown as RegExpConstructor }).evaluate(input);

describe('JSONata with the linear-time regex engine', () => {
  it('behaves like JavaScript regexes for the functions and patterns mappings use', async () => {
    expect(await evaluate('$match("19800101120000", /^(\\d{4})(\\d{2})(\\d{2})/)')).toMatchObject({
      match: '19800101',
      index: 0,
      groups: ['1980', '01', '01'],
    });
    expect(await evaluate('$replace("a-b-c", /-/, "+")')).toBe('a+b+c');
    expect(await evaluate('$contains("Smith", /smi/i)')).toBe(true);
    expect(await evaluate('$split("a1b22c", /\\d+/)')).toEqual(['a', 'b', 'c']);
    expect(await evaluate('$count($match("x1y2z3", /\\d/))')).toBe(3);
    expect(await evaluate('"2.5.1" ~> /^2\\.5/')).toBeTruthy();
  });

  // With JavaScript's backtracking RegExp each of these runs for longer than the age of the universe, so the
  // test would hit its timeout; with RE2 they return at once.
  it('matches patterns that make a backtracking engine hang, in linear time', async () => {
    const hostile = 'a'.repeat(5000) + 'b';
    expect(await evaluate(`$match("${hostile}", /^(a+)+$/)`)).toBeUndefined();
    expect(await evaluate(`$contains("${hostile}", /^(a|a)*$/)`)).toBe(false);
    expect(await evaluate(`$replace("${hostile}", /(a|aa)+$/, "x")`)).toBe(hostile);
  });

  it('names the feature when a pattern cannot run linearly', () => {
    expect(linearRegexProblem(/(a)\1/)).toMatch(/not supported/);
    expect(linearRegexProblem(/^\d{4}$/)).toBeUndefined();
  });

  it('gives \\s, \\S and . their JavaScript meaning (NBSP is white space; . stops at CR)', async () => {
    expect(await evaluate('$split("a\u00a0b c", /\\s/)')).toEqual(['a', 'b', 'c']);
    expect(await evaluate('$match(" \u00a012.5", /^\\s*(\\S+)$/).groups')).toEqual(['12.5']);
    expect(await evaluate('$contains("a\rb", /a.b/)')).toBe(false);
    expect(await evaluate('$contains("a-b", /a.b/)')).toBe(true);
    expect(await evaluate('$contains("a b", /a[\\s]b/)')).toBe(true);
    expect(await evaluate('$contains("a.b", /a[.]b/)')).toBe(true);
  });
});
