import type { ConceptMapRecord } from '@mapwright/db';
import type { ConceptMap } from '@mapwright/engine';

/** One row of the Terminology screen's list. */
export interface ConceptMapSummary {
  /** What the conceptMaps procedures take: a bundled map's FHIR id (`v2-0001`) or a stored map's UUID. */
  id: string;
  /** The FHIR id a lookup node names (`conceptMap: "v2-0001"`); null when the stored resource has none. */
  resourceId: string | null;
  url: string;
  name: string;
  sourceSystem: string | null;
  targetSystem: string | null;
  /** Source codes listed, over all groups. */
  elementCount: number;
  /** Shipped with Mapwright: read-only. */
  bundled: boolean;
}

/** A human name first (title), then the computer name, then the id. */
export const displayName = (map: Pick<ConceptMap, 'id' | 'name' | 'title'>): string =>
  (map.title ?? map.name ?? map.id).trim().slice(0, 200) || map.id;

/** The systems a map reads and writes: the declared ones, else what its groups say. */
export function systemsOf(map: ConceptMap): { sourceSystem: string | null; targetSystem: string | null } {
  const distinct = (values: (string | undefined)[]) => {
    const set = [...new Set(values.filter((v): v is string => v !== undefined))];
    return set.length > 0 ? set.join(', ') : null;
  };
  return {
    sourceSystem: map.sourceUri ?? map.sourceCanonical ?? distinct(map.group.map((g) => g.source)),
    targetSystem: map.targetUri ?? map.targetCanonical ?? distinct(map.group.map((g) => g.target)),
  };
}

export function summarizeBundled(map: ConceptMap): ConceptMapSummary {
  return {
    id: map.id,
    resourceId: map.id,
    url: map.url ?? '',
    name: displayName(map),
    ...systemsOf(map),
    elementCount: map.group.reduce((n, group) => n + group.element.length, 0),
    bundled: true,
  };
}

/** Read defensively: stored content need not have been written through this API. */
export function summarizeStored(record: ConceptMapRecord): ConceptMapSummary {
  const groups = Array.isArray(record.content.group) ? record.content.group : [];
  const elementCount = groups.reduce<number>((n, group) => {
    const elements = isObject(group) ? group.element : undefined;
    return n + (Array.isArray(elements) ? elements.length : 0);
  }, 0);
  return {
    id: record.id,
    resourceId: typeof record.content.id === 'string' ? record.content.id : null,
    url: record.url,
    name: record.name,
    sourceSystem: record.sourceSystem,
    targetSystem: record.targetSystem,
    elementCount,
    bundled: false,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
