/** A value for a node badge or a hover: short, one line, and honest about absence. */
export function formatValue(value: unknown, max = 60): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
