import type { ConceptMapInput, ConceptMapRepository } from '@mapwright/db';
import { bundledConceptMaps, conceptMapFromJson, type Mapping } from '@mapwright/engine';

const defaultUrl = (id: string) => `http://mapwright.dev/fhir/ConceptMap/${id}`;

/** The repository row for a ConceptMap resource read from a folder, or why it cannot be stored. */
export function conceptMapInput(
  content: unknown,
): { ok: true; input: ConceptMapInput } | { ok: false; message: string } {
  const checked = conceptMapFromJson(content);
  if (!checked.ok)
    return { ok: false, message: checked.errors.map((e) => `${e.at.path}: ${e.message}`).join('; ') };
  const map = checked.conceptMap;
  const distinct = (values: Array<string | undefined>) => {
    const set = [...new Set(values.filter((v): v is string => v !== undefined))];
    return set.length > 0 ? set.join(', ') : null;
  };
  const url = map.url ?? defaultUrl(map.id);
  return {
    ok: true,
    input: {
      url,
      name: (map.title ?? map.name ?? map.id).trim().slice(0, 200) || map.id,
      version: map.version ?? null,
      sourceSystem: map.sourceUri ?? map.sourceCanonical ?? distinct(map.group.map((g) => g.source)),
      targetSystem: map.targetUri ?? map.targetCanonical ?? distinct(map.group.map((g) => g.target)),
      content: { ...(content as Record<string, unknown>), url } as unknown as ConceptMapInput['content'],
    },
  };
}

/**
 * The stored ConceptMaps the graph's lookup nodes name (by id or url), skipping the bundled HL7 tables
 * every installation has. A name nothing matches is reported, not fatal: the folder still exports.
 */
export async function conceptMapsUsedBy(
  mapping: Mapping,
  repo: ConceptMapRepository,
): Promise<{ maps: unknown[]; missing: string[] }> {
  const bundled = new Set(bundledConceptMaps().flatMap((m) => [m.id, ...(m.url ? [m.url] : [])]));
  const refs = [...new Set(mapping.nodes.flatMap((n) => (n.type === 'lookup' ? [n.conceptMap] : [])))].filter(
    (ref) => !bundled.has(ref),
  );
  if (refs.length === 0) return { maps: [], missing: [] };
  const stored = await repo.listWithContent();
  const maps: unknown[] = [];
  const missing: string[] = [];
  for (const ref of refs.sort()) {
    const record = stored.find((r) => r.url === ref) ?? stored.find((r) => r.content.id === ref);
    if (record) maps.push(record.content);
    else missing.push(ref);
  }
  return { maps, missing };
}
