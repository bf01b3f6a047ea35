import { resolveCodingSystem } from '../datatypes/coding-systems';
import type { ConceptMap, ConceptMapEquivalence, ConceptMapGroup } from './concept-map';

export type TranslationResult =
  | {
      found: true;
      code: string;
      system?: string;
      display?: string;
      equivalence?: ConceptMapEquivalence;
      /** Set when the code only matched ignoring case ("m" for "M"); callers may want to warn. */
      caseInsensitive?: true;
    }
  | { found: false; reason: 'unknown-map' | 'unknown-code' | 'no-target'; message: string };

export interface Terminology {
  /** A ConceptMap by id or canonical url. */
  get(idOrUrl: string): ConceptMap | undefined;
  list(): ConceptMap[];
  /**
   * Translates `code` with the map. `system` is the code's source system (a URI or a v2 name like
   * "HL70001"); when it resolves to a URI, only groups whose source is that system (or unset) are
   * searched. Local names ("L", "99zzz") are ignored.
   */
  translate(mapIdOrUrl: string, code: string, system?: string): TranslationResult;
}

interface Hit {
  group: ConceptMapGroup;
  targets: ConceptMapGroup['element'][number]['target'];
}

interface IndexedMap {
  map: ConceptMap;
  exact: Map<string, Hit[]>;
  /** Lower-cased code -> hits; null when two codes differ only by case, so the fallback would guess. */
  folded: Map<string, Hit[] | null>;
}

const NO_MATCH: ReadonlySet<ConceptMapEquivalence> = new Set(['unmatched', 'disjoint']);

function indexMap(map: ConceptMap): IndexedMap {
  const exact = new Map<string, Hit[]>();
  for (const group of map.group) {
    for (const element of group.element) {
      const code = element.code.trim();
      const hits = exact.get(code) ?? [];
      hits.push({ group, targets: element.target });
      exact.set(code, hits);
    }
  }
  const folded = new Map<string, Hit[] | null>();
  const foldedFrom = new Map<string, string>();
  for (const [code, hits] of exact) {
    const key = code.toLowerCase();
    const previous = foldedFrom.get(key);
    if (previous !== undefined && previous !== code) folded.set(key, null);
    else {
      folded.set(key, hits);
      foldedFrom.set(key, code);
    }
  }
  return { map, exact, folded };
}

/** The hits whose group reads from `sourceSystem` (all of them when the system is unknown or a group has none). */
function inSystem(hits: Hit[] | null | undefined, sourceSystem: string | undefined): Hit[] {
  if (!hits) return [];
  if (sourceSystem === undefined) return hits.slice();
  return hits.filter((hit) => hit.group.source === undefined || hit.group.source === sourceSystem);
}

/**
 * Indexes ConceptMaps once for O(1) lookups by id, url and code.
 *
 * Case: codes match exactly first; when nothing matches exactly, a case-insensitive match is used (senders
 * send "m" for table 0001 "M") unless the map holds two codes that differ only by case, in which case
 * guessing is refused and the code is reported unknown. Surrounding whitespace is ignored.
 * Later maps with the same id or url replace earlier ones (so a project can override a bundled table).
 */
export function createTerminology(maps: readonly ConceptMap[]): Terminology {
  const byKey = new Map<string, IndexedMap>();
  const ordered = new Map<string, IndexedMap>();
  for (const map of maps) {
    const indexed = indexMap(map);
    const previous = byKey.get(map.id);
    if (previous?.map.url !== undefined && byKey.get(previous.map.url) === previous)
      byKey.delete(previous.map.url);
    byKey.set(map.id, indexed);
    if (map.url !== undefined) byKey.set(map.url, indexed);
    ordered.set(map.id, indexed);
  }

  const translate = (mapIdOrUrl: string, code: string, system?: string, depth = 0): TranslationResult => {
    const indexed = byKey.get(mapIdOrUrl);
    if (!indexed) return { found: false, reason: 'unknown-map', message: `No ConceptMap "${mapIdOrUrl}"` };
    const wanted = code.trim();
    // A local system name ("L", "99USL") says nothing checkable, so it does not filter; a known one does.
    const sourceSystem = system === undefined ? undefined : resolveCodingSystem(system.trim());
    let caseInsensitive = false;
    let hits = inSystem(indexed.exact.get(wanted), sourceSystem);
    if (hits.length === 0) {
      hits = inSystem(indexed.folded.get(wanted.toLowerCase()), sourceSystem);
      caseInsensitive = hits.length > 0;
    }
    for (const hit of hits) {
      const target = hit.targets?.find((t) => t.code !== undefined && !NO_MATCH.has(t.equivalence));
      if (target?.code !== undefined) {
        return {
          found: true,
          code: target.code,
          ...(hit.group.target !== undefined && { system: hit.group.target }),
          ...(target.display !== undefined && { display: target.display }),
          equivalence: target.equivalence,
          ...(caseInsensitive && { caseInsensitive: true as const }),
        };
      }
    }
    if (hits.length > 0) {
      return {
        found: false,
        reason: 'no-target',
        message: `The code has no target in ConceptMap "${indexed.map.id}"`,
      };
    }
    // Not listed: the group's `unmapped` rule decides.
    for (const group of indexed.map.group) {
      if (sourceSystem !== undefined && group.source !== undefined && group.source !== sourceSystem) continue;
      const unmapped = group.unmapped;
      if (unmapped?.mode === 'provided') {
        return { found: true, code: wanted, ...(group.target !== undefined && { system: group.target }) };
      }
      if (unmapped?.mode === 'fixed' && unmapped.code !== undefined) {
        return {
          found: true,
          code: unmapped.code,
          ...(group.target !== undefined && { system: group.target }),
          ...(unmapped.display !== undefined && { display: unmapped.display }),
        };
      }
      if (unmapped?.mode === 'other-map' && unmapped.url !== undefined && depth < 8) {
        return translate(unmapped.url, wanted, system, depth + 1);
      }
    }
    return {
      found: false,
      reason: 'unknown-code',
      message: `The code is not in ConceptMap "${indexed.map.id}"`,
    };
  };

  return {
    get: (idOrUrl) => byKey.get(idOrUrl)?.map,
    list: () => [...ordered.values()].map((indexed) => indexed.map),
    translate: (mapIdOrUrl, code, system) => translate(mapIdOrUrl, code, system),
  };
}
