/**
 * The text every JSON file of a mapping folder is written as: object keys sorted at every level, 2-space
 * indent, one trailing newline; equal content always gives equal bytes, so a git diff shows only what
 * changed and export -> import -> export is byte-identical. Arrays keep their order (it carries meaning).
 *
 * The layout is the one prettier gives the repository's JSON (printWidth 110), so `prettier --check` and
 * the format agree: non-empty objects one key per line, an array of scalars on one line when the line fits.
 */
export function canonicalJsonText(value: unknown): string {
  return `${render(value, '', 0, 0)}\n`;
}

const PRINT_WIDTH = 110;

/** `used`: characters already on the line before the value; `after`: characters that follow it (a comma). */
function render(value: unknown, indent: string, used: number, after: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every(isFlat)) {
      const line = `[${value.map(flat).join(', ')}]`;
      if (used + line.length + after <= PRINT_WIDTH) return line;
    }
    const inner = `${indent}  `;
    const items = value.map(
      (item, i) => inner + render(item, inner, inner.length, i < value.length - 1 ? 1 : 0),
    );
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    if (keys.length === 0) return '{}';
    const inner = `${indent}  `;
    const items = keys.map((k, i) => {
      const head = `${inner}${JSON.stringify(k)}: `;
      return head + render(value[k], inner, head.length, i < keys.length - 1 ? 1 : 0);
    });
    return `{\n${items.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Values prettier may print on one line: scalars, empty objects and arrays of such values. */
const isFlat = (v: unknown): boolean =>
  Array.isArray(v) ? v.every(isFlat) : isRecord(v) ? Object.values(v).every((x) => x === undefined) : true;

const flat = (v: unknown): string =>
  Array.isArray(v)
    ? v.length === 0
      ? '[]'
      : `[${v.map(flat).join(', ')}]`
    : isRecord(v)
      ? '{}'
      : (JSON.stringify(v) ?? 'null');
