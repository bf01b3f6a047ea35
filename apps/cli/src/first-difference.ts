/** Where two JSON values first differ, as a FHIRPath-like address, or undefined when equal. */
export function firstDifference(
  expected: unknown,
  actual: unknown,
  path = 'Bundle',
): { path: string; expected: unknown; actual: unknown } | undefined {
  if (Object.is(expected, actual)) return undefined;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const length = Math.max(expected.length, actual.length);
    for (let i = 0; i < length; i++) {
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  if (isObject(expected) && isObject(actual) && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const key of keys) {
      const d = firstDifference(expected[key], actual[key], `${path}.${key}`);
      if (d) return d;
    }
    return undefined;
  }
  return { path, expected, actual };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export function describeDifference(d: { path: string; expected: unknown; actual: unknown }): string {
  const show = (v: unknown): string => (v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 120));
  return `${d.path}: expected ${show(d.expected)}, got ${show(d.actual)}`;
}
