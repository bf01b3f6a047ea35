import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** A JSON syntax error located by line and column (1-based) and character offset, as editors show it. */
export interface JsonTextError {
  code: 'invalid-json';
  message: string;
  at: { line: number; column: number; offset: number };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * JSON.parse for user input. V8's messages no longer carry a position, so a syntax error is located
 * with a tolerant scanner (jsonc-parser) that reports the offset of the first problem.
 */
export function parseJsonText(
  text: string,
): { ok: true; value: unknown } | { ok: false; error: JsonTextError } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    const errors: ParseError[] = [];
    parse(body, errors, { allowTrailingComma: false, disallowComments: true });
    const first = errors[0];
    const offset = first?.offset ?? body.length;
    // V8's own message quotes part of the input, so it is never used.
    const reason = first ? printParseErrorCode(first.error) : 'Invalid JSON';
    const at = { ...lineAndColumn(body, offset), offset };
    return {
      ok: false,
      error: { code: 'invalid-json', message: `${reason} at line ${at.line}, column ${at.column}`, at },
    };
  }
}
