/**
 * FHIR forbids empty values: drop undefined, null, blank strings, empty arrays and empty objects, depth
 * first, and count the characters kept so the output-size limit is checked as resources are built.
 * Returns a fresh plain copy, which also sheds JSONata's sequence flags.
 */
export function prune(value: unknown, size: { chars: number }): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    if (value.trim().length === 0) return undefined;
    size.chars += value.length + 3;
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    size.chars += 6;
    return value;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const kept = prune(item, size);
      if (kept !== undefined) out.push(kept);
    }
    return out.length > 0 ? out : undefined;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    let any = false;
    for (const key of Object.keys(value)) {
      const kept = prune((value as Record<string, unknown>)[key], size);
      if (kept !== undefined) {
        out[key] = kept;
        size.chars += key.length + 4;
        any = true;
      }
    }
    return any ? out : undefined;
  }
  // functions and other non-JSON values never reach FHIR output
  return undefined;
}
