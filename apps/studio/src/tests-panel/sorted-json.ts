/**
 * JSON pretty-printed with every object's keys sorted, arrays in their order: two bundles printed this
 * way differ only where their content does, so a text diff shows real differences and no reordering.
 * Absent (null/undefined) prints as an empty text, the diff's "nothing expected".
 */
export function sortedJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort())
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
