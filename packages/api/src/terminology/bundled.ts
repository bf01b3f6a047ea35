import { bundledTerminology, type ConceptMap } from '@mapwright/engine';

let ids: { byId: Set<string>; byUrl: Map<string, string> } | undefined;

function bundledKeys() {
  ids ??= {
    byId: new Set(
      bundledTerminology()
        .list()
        .map((map) => map.id),
    ),
    byUrl: new Map(
      bundledTerminology()
        .list()
        .flatMap((map) => (map.url ? [[map.url, map.id] as const] : [])),
    ),
  };
  return ids;
}

export const isBundledId = (id: string): boolean => bundledKeys().byId.has(id);

/** A copy of a bundled map (the shared index must never be handed out), or undefined. */
export function bundledMap(id: string): ConceptMap | undefined {
  const map = isBundledId(id) ? bundledTerminology().get(id) : undefined;
  return map && structuredClone(map);
}

/**
 * Why `resource` may not be stored, when it would stand in for a bundled table: bundled maps are read-only,
 * and a stored map with a bundled id or url would silently change what every lookup of that table returns.
 */
export function bundledClash(resource: Pick<ConceptMap, 'id' | 'url'>): string | null {
  const { byId, byUrl } = bundledKeys();
  const bundledId = byId.has(resource.id) ? resource.id : resource.url && byUrl.get(resource.url);
  if (!bundledId) return null;
  return `${bundledId} is an HL7 v2 table bundled with Mapwright and cannot be changed. To adapt it, save a copy under another id and url (for example ${bundledId}-local).`;
}
