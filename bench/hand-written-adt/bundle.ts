import { hashHex, type BundleEntry } from '@mapwright/engine';

type Resource = Record<string, unknown>;

/**
 * fullUrls as the engine derives them, so the two bundles can be compared: a version-8 name-based uuid
 * from the hash of `<hash of the message text>|<target id>|<item key>`.
 */
export function fullUrl(seed: string, target: string, key: number): string {
  const h = hashHex(`${seed}|${target}|${key}`);
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** FHIR forbids empty values: drop undefined, null, blank strings, empty arrays and empty objects. */
export function prune(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) {
    const out = value.map(prune).filter((v) => v !== undefined);
    return out.length > 0 ? out : undefined;
  }
  if (typeof value === 'object') {
    let kept: Resource | undefined;
    for (const [key, v] of Object.entries(value)) {
      const p = prune(v);
      if (p !== undefined) (kept ??= {})[key] = p;
    }
    return kept;
  }
  return value;
}

// Keep `:` `/` `|` readable in the URL; escape what would break a query string.
const queryEscape = (s: string): string => s.replace(/[%&#+= ?]/g, (c) => encodeURIComponent(c));

/** `identifier=system|value` of the resource's first identifier, for conditional create/update. */
function identifierQuery(resource: Resource): string | undefined {
  const ids = resource.identifier as { system?: unknown; value?: unknown }[] | undefined;
  const first = ids?.[0];
  if (typeof first?.value !== 'string') return undefined;
  const value = queryEscape(first.value);
  return `identifier=${typeof first.system === 'string' ? `${queryEscape(first.system)}|${value}` : value}`;
}

export type Identity = 'none' | 'conditional-create' | 'conditional-update';

/** One transaction entry: the pruned resource and its request (POST, POST ifNoneExist, or PUT ?identifier=). */
export function entry(url: string, resource: Resource, identity: Identity = 'none'): BundleEntry {
  const kept = (prune(resource) ?? {}) as Resource;
  const type = String(kept.resourceType);
  const query = identity === 'none' ? undefined : identifierQuery(kept);
  const request: BundleEntry['request'] =
    query === undefined
      ? { method: 'POST', url: type }
      : identity === 'conditional-create'
        ? { method: 'POST', url: type, ifNoneExist: query }
        : { method: 'PUT', url: `${type}?${query}` };
  return { fullUrl: url, resource: kept, request };
}
