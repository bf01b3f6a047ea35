import { TRPCError } from '@trpc/server';
import type { ConceptMapInput, ConceptMapRecord, ConceptMapRepository } from '@mapwright/db';
import { conceptMapFromJson, type ConceptMap, type ConceptMapIssue } from '@mapwright/engine';
import { bundledClash } from './bundled';
import { displayName, summarizeStored, systemsOf, type ConceptMapSummary } from './concept-map-summary';

/** A stored map with its content checked against the engine's ConceptMap schema. */
export type CheckedConceptMap =
  | { record: ConceptMapRecord; ok: true; resource: ConceptMap }
  | { record: ConceptMapRecord; ok: false; errors: ConceptMapIssue[] };

export function checkStored(record: ConceptMapRecord): CheckedConceptMap {
  const parsed = conceptMapFromJson(record.content);
  return parsed.ok
    ? { record, ok: true, resource: parsed.conceptMap }
    : { record, ok: false, errors: parsed.errors };
}

/** The stored maps lookups can use: those that pass the engine's schema (the others cannot be indexed). */
export async function usableStoredMaps(repo: ConceptMapRepository): Promise<ConceptMap[]> {
  return (await repo.listWithContent())
    .map(checkStored)
    .flatMap((checked) => (checked.ok ? [checked.resource] : []));
}

/** A save either stores the map or says, as data, what in it is wrong. */
export type SaveResult =
  { ok: true; conceptMap: ConceptMapSummary } | { ok: false; errors: ConceptMapIssue[] };

export const defaultUrl = (id: string) => `http://mapwright.dev/fhir/ConceptMap/${id}`;

/**
 * Creates (no `existingId`) or replaces a stored ConceptMap. Refused with a thrown error, because the user
 * must change something other than the map's content: a bundled id or url (read-only tables), an id another
 * stored map has (lookups name maps by id and could not tell them apart), or a url another map has.
 */
export async function storeConceptMap(
  repo: ConceptMapRepository,
  map: ConceptMap,
  existingId?: string,
  expectedUpdatedAt?: Date,
): Promise<SaveResult> {
  const resource: ConceptMap = { ...map, url: map.url ?? defaultUrl(map.id) };
  const clash = bundledClash(resource);
  if (clash) throw new TRPCError({ code: 'FORBIDDEN', message: clash });
  const others = (await repo.listWithContent()).filter((record) => record.id !== existingId);
  if (others.some((record) => record.content.id === resource.id)) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `Another ConceptMap already has the id "${resource.id}": lookups name maps by id and could not tell them apart. Choose another id.`,
    });
  }
  if (others.some((record) => record.url === resource.url)) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: `A ConceptMap with the url ${resource.url} already exists: open it and edit it there, or give this one another url.`,
    });
  }
  const input: ConceptMapInput = {
    url: resource.url!,
    name: displayName(resource),
    version: resource.version ?? null,
    ...systemsOf(resource),
    content: resource as unknown as ConceptMapInput['content'],
  };
  const saved = existingId
    ? await repo.update(existingId, input, expectedUpdatedAt ? { expectedUpdatedAt } : {})
    : await repo.create(input);
  if (saved.ok) return { ok: true, conceptMap: summarizeStored(saved.value) };
  const { error } = saved;
  if (error.code === 'invalid_input') {
    // The repository names its own fields; `content.x` is the resource's `x`, and `url` is the resource's url.
    const errors = (error.issues ?? [{ path: '', message: error.message }]).map((issue): ConceptMapIssue => ({
      code: 'invalid-concept-map',
      message: issue.message,
      at: { path: issue.path.replace(/^content\.?/, '') || '$' },
    }));
    return { ok: false, errors };
  }
  if (error.code === 'not_found') throw new TRPCError({ code: 'NOT_FOUND', message: 'No such ConceptMap.' });
  if (error.stale)
    throw new TRPCError({
      code: 'CONFLICT',
      message:
        'Someone else saved this ConceptMap since you opened it. Your rows were not saved; reload the map to see theirs, then make your change again.',
    });
  throw new TRPCError({ code: 'CONFLICT', message: error.message });
}
