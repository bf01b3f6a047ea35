import { contentHash, type JsonValue } from '@mapwright/db';
import { Mapping } from '@mapwright/engine';

/**
 * The content hash of a graph as a mapping: defaults applied and unknown keys dropped, so a folder written
 * by hand and the same graph saved by the studio are one version. Node and edge order count (the compiler
 * emits repeated elements in that order), and so do positions (the database hashes them too).
 * Null when the graph is not a valid mapping (it then never equals anything).
 */
export function graphIdentity(graph: unknown): string | null {
  const parsed = Mapping.safeParse(graph);
  if (!parsed.success) return null;
  return contentHash(JSON.parse(JSON.stringify(parsed.data)) as JsonValue);
}

/** Same JSON content whatever the key order (the database's JSONB reorders keys). */
export const sameJson = (a: unknown, b: unknown): boolean =>
  contentHash((a ?? null) as JsonValue) === contentHash((b ?? null) as JsonValue);
