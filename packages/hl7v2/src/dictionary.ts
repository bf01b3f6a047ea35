import dictionary from 'hl7-dictionary';
import type { DictStructureNode, DictVersion } from 'hl7-dictionary';

/** Versions the dictionary carries, oldest first. */
export const DICTIONARY_VERSIONS: readonly string[] = Object.keys(dictionary.definitions).sort(
  compareVersions,
);
const NEWEST = DICTIONARY_VERSIONS[DICTIONARY_VERSIONS.length - 1];

function versionParts(v: string): number[] {
  return v.split('.').map((p) => Number.parseInt(p, 10) || 0);
}

export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Maps a declared version to the dictionary version to use: itself when known, else the
 * newest one not above it (2.8 -> 2.7.1), else the newest (unreadable versions).
 */
const resolvedCache = new Map<string, { version: string; exact: boolean }>();

export function resolveDictionaryVersion(version: string): { version: string; exact: boolean } {
  let hit = resolvedCache.get(version);
  if (hit === undefined) {
    hit = resolveUncached(version);
    // Bounded: damaged input could otherwise fill the cache with one-off strings.
    if (resolvedCache.size < 256) resolvedCache.set(version, hit);
  }
  return hit;
}

function resolveUncached(version: string): { version: string; exact: boolean } {
  const v = version.trim();
  if (Object.hasOwn(dictionary.definitions, v)) return { version: v, exact: true };
  if (!/^\d+(\.\d+)*$/.test(v)) return { version: NEWEST, exact: false };
  let best: string | undefined;
  for (const known of DICTIONARY_VERSIONS) if (compareVersions(known, v) <= 0) best = known;
  return { version: best ?? DICTIONARY_VERSIONS[0], exact: false };
}

export function dictionaryFor(version: string): DictVersion {
  return dictionary.definitions[resolveDictionaryVersion(version).version];
}

/** A message structure compiled for the segment-group walker. */
export interface StructureNode {
  name: string;
  description: string;
  min: number;
  /** Infinity when unbounded. */
  max: number;
  /** Segment ids a segment slot accepts (several for a choice). */
  accepts?: readonly string[];
  children?: StructureNode[];
  /** Segment ids that may open a new instance of this group (up to its first required child). */
  first?: ReadonlySet<string>;
  /** Every segment id somewhere inside this group. */
  all?: ReadonlySet<string>;
}

function compileNode(node: DictStructureNode): StructureNode {
  const max = node.max === 0 ? Infinity : node.max;
  if (node.children) {
    const children = node.children.map(compileNode);
    const first = new Set<string>();
    const all = new Set<string>();
    let open = true;
    for (const c of children) {
      const ids = c.children ? [...(c.first ?? [])] : (c.accepts ?? []);
      if (open) for (const id of ids) first.add(id);
      for (const id of c.children ? (c.all ?? []) : (c.accepts ?? [])) all.add(id);
      if (c.min >= 1) open = false;
    }
    return { name: node.name, description: node.desc, min: node.min, max, children, first, all };
  }
  const accepts = node.name.split(',').filter((n) => /^[A-Z][A-Z0-9]{2}$/.test(n));
  return { name: node.name, description: node.desc, min: node.min, max, accepts };
}

const structureCache = new Map<string, StructureNode | null>();

/** The compiled structure `structureId` of a dictionary version, or undefined when unknown. */
export function getStructure(dictVersion: string, structureId: string): StructureNode | undefined {
  const key = `${dictVersion}|${structureId}`;
  let hit = structureCache.get(key);
  if (hit === undefined) {
    const messages = dictionary.definitions[dictVersion]?.messages;
    const msg = messages && Object.hasOwn(messages, structureId) ? messages[structureId] : undefined;
    hit = msg
      ? compileNode({ name: structureId, desc: msg.desc, min: 1, max: 1, children: msg.segments.segments })
      : null;
    structureCache.set(key, hit);
  }
  return hit ?? undefined;
}

/**
 * Picks the structure for a message: MSH-9.3 first, then `${type}_${event}` (the dictionary keys
 * trigger events to their full structure), then the bare type (ACK), in the message's version and
 * then in the others, newest first.
 */
export function findStructure(
  dictVersion: string,
  candidates: readonly string[],
): { id: string; version: string; node: StructureNode } | undefined {
  const versions = [dictVersion, ...[...DICTIONARY_VERSIONS].reverse().filter((v) => v !== dictVersion)];
  for (const version of versions) {
    for (const id of candidates) {
      if (!id) continue;
      const node = getStructure(version, id);
      if (node) return { id, version, node };
    }
  }
  return undefined;
}
