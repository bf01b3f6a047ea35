import { describe, expect, it } from 'vitest';
import { jsonataDiagnostics } from './jsonata-diagnostics';

/** The text each diagnostic underlines, which is what the analyst sees. */
const underlined = (expression: string, inputs: string[] = [], bound: string[] = []) =>
  jsonataDiagnostics(expression, inputs, { bound }).map((d) => ({
    text: expression.slice(d.startOffset, d.endOffset),
    severity: d.severity,
    code: d.code,
  }));

describe('jsonataDiagnostics: syntax', () => {
  it('accepts valid expressions over inputs and engine functions', () => {
    expect(jsonataDiagnostics('$toDate($dob)', ['dob'])).toEqual([]);
    expect(jsonataDiagnostics('$uppercase($trim($name)) & "!"', ['name'])).toEqual([]);
  });

  it('accepts a body of several statements, as the engine wraps a transform in parentheses', () => {
    expect(jsonataDiagnostics('$y := $x + 1;\n$y * 2', ['x'])).toEqual([]);
  });

  it('underlines the end of an expression that stops early', () => {
    const [d] = jsonataDiagnostics('$toDate($dob', ['dob']);
    expect(d).toMatchObject({
      severity: 'error',
      code: 'S0203',
      message: 'Expected ")" before end of expression',
    });
    expect([d!.startOffset, d!.endOffset]).toEqual([11, 12]);
    expect(underlined('$a +', ['a'])).toEqual([{ text: '+', severity: 'error', code: 'S0207' }]);
  });

  it('underlines the offending token, not the whole expression', () => {
    expect(underlined('$a + + $b', ['a', 'b'])).toEqual([{ text: '+', severity: 'error', code: 'S0211' }]);
    expect(underlined('$a $b', ['a', 'b'])).toMatchObject([{ text: '$b', code: 'S0201' }]);
    expect(underlined('[$a, ]', ['a'])).toMatchObject([{ text: ']', code: 'S0211' }]);
    expect(underlined('{"a": $a "b": 2}', ['a'])).toMatchObject([{ text: '"b"', code: 'S0202' }]);
  });

  it('reports an unbalanced closing parenthesis where it is', () => {
    const [d] = jsonataDiagnostics('$a) & $b', ['a', 'b']);
    expect(d).toMatchObject({ severity: 'error' });
    expect(d!.startOffset).toBe(2);
  });

  it('reports the missing end of a multi-statement body at the end, not at the `;`', () => {
    const expression = '$f := function($v) { $v * 2 }; $f($x';
    const [d] = jsonataDiagnostics(expression, ['x']);
    expect(d).toMatchObject({ code: 'S0203', severity: 'error' });
    expect(d!.endOffset).toBe(expression.length);
  });

  it('calls a path that ends in a dot an early end, not a stray parenthesis', () => {
    const [d] = jsonataDiagnostics('$x := 1; $pid.F5.', ['pid']);
    expect(d).toMatchObject({ code: 'S0207', message: 'Unexpected end of expression' });
  });

  it('locates unclosed comments and strings', () => {
    expect(underlined('$a /* why', ['a'])).toEqual([{ text: '/*', severity: 'error', code: 'S0106' }]);
    expect(underlined('$a & "abc', ['a'])).toMatchObject([{ code: 'S0101', severity: 'error' }]);
  });

  it('asks for an expression when there is none', () => {
    expect(underlined('   ')).toEqual([{ text: '   ', severity: 'error', code: 'empty' }]);
    expect(jsonataDiagnostics('', [])).toMatchObject([{ startOffset: 0, endOffset: 0, code: 'empty' }]);
  });
});

describe('jsonataDiagnostics: unknown $names', () => {
  it('warns about a variable that is not an input, and suggests the input meant', () => {
    const diagnostics = jsonataDiagnostics('$uppercase($nme)', ['name']);
    expect(diagnostics).toEqual([
      {
        code: 'unknown-variable',
        message: '$nme is not a known input, variable or function. Did you mean $name?',
        startOffset: 11,
        endOffset: 15,
        severity: 'warning',
      },
    ]);
  });

  it('warns about an unknown function and suggests the catalogue entry meant', () => {
    const [d] = jsonataDiagnostics('$todate($dob)', ['dob']);
    expect(d).toMatchObject({ severity: 'warning', startOffset: 0, endOffset: 7 });
    expect(d!.message).toBe('$todate is not a known function. Did you mean $toDate?');
  });

  it('knows the engine bindings: $msg and the for-each items of enclosing targets', () => {
    expect(jsonataDiagnostics('$msg.MSH.F7.C1 & $report_item.OBR.F3', [])).toEqual([]);
  });

  it('knows names bound in the expression itself, and $ / $$', () => {
    expect(jsonataDiagnostics('$x := 1; $map($list, function($v, $i) { $v + $i + $x })', ['list'])).toEqual(
      [],
    );
    expect(jsonataDiagnostics('$.OBX#$n@$o.{ "n": $n, "o": $o, "root": $$ }', [])).toEqual([]);
  });

  it('accepts names the caller says are bound', () => {
    expect(underlined('$site', [], [])).toMatchObject([{ text: '$site', severity: 'warning' }]);
    expect(underlined('$site', [], ['site'])).toEqual([]);
  });

  it('warns once per use, each at its own place', () => {
    expect(underlined('$a & $zz & $zz', ['a'])).toEqual([
      { text: '$zz', severity: 'warning', code: 'unknown-variable' },
      { text: '$zz', severity: 'warning', code: 'unknown-variable' },
    ]);
    const [first, second] = jsonataDiagnostics('$a & $zz & $zz', ['a']);
    expect([first!.startOffset, second!.startOffset]).toEqual([5, 11]);
  });
});
