import type { MappingRecord, MappingVersionRecord, MessageFormat } from '@mapwright/db';
import { Mapping, type MappingInput } from '@mapwright/engine';
import { z } from 'zod';

/** A larger graph is not something an analyst drew by hand; refusing it keeps drafts cheap to load and save. */
export const MAX_GRAPH_BYTES = 2 * 1024 * 1024;

const byteLength = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value) ?? '').length;

/** A graph sent by the studio: at most 2 MB, then valid under the engine's `Mapping` schema. */
export const GraphInput = z
  .custom<MappingInput>((value) => byteLength(value) <= MAX_GRAPH_BYTES, {
    message: `The mapping is larger than ${MAX_GRAPH_BYTES / 1024 / 1024} MB and was not saved.`,
    abort: true,
  })
  .pipe(Mapping);

/** What a problem with a stored graph looks like to the studio: where in the graph, and what is wrong. */
export interface GraphIssue {
  path: string;
  message: string;
}

export interface OpenedGraph {
  /** Valid graphs come back with the schema's defaults applied; see `issues` otherwise. */
  graph: MappingInput;
  /** Where the graph came from: the unsaved draft, the latest saved version, or nothing yet. */
  from: 'draft' | 'version' | 'new';
  /**
   * Non-empty when the stored graph no longer fits the `Mapping` schema (it was written by an older
   * Mapwright or by hand): the graph is then returned as stored, so nothing is lost, and the studio shows
   * these issues instead of trusting it.
   */
  issues: GraphIssue[];
}

/** A new mapping's graph: valid, and empty. */
export function emptyGraph(slug: string, name: string, format: MessageFormat): MappingInput {
  return Mapping.parse({ id: slug, name, source: { format }, nodes: [], edges: [] });
}

/** The graph the studio opens: the draft when there is one, else the latest version, else an empty graph. */
export function graphToOpen(mapping: MappingRecord, latest: MappingVersionRecord | null): OpenedGraph {
  if (mapping.draft !== null) return checked(mapping.draft, 'draft');
  if (latest) return checked(latest.graph, 'version');
  return { graph: emptyGraph(mapping.slug, mapping.name, mapping.sourceFormat), from: 'new', issues: [] };
}

function checked(stored: unknown, from: OpenedGraph['from']): OpenedGraph {
  const parsed = Mapping.safeParse(stored);
  if (parsed.success) return { graph: parsed.data, from, issues: [] };
  return {
    // Handed back as stored (see `issues`): dropping it would lose the analyst's work.
    graph: stored as MappingInput,
    from,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

/** `ADT to Patient` -> `adt-to-patient`: a slug for a mapping named in the studio's form. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug === '' ? 'mapping' : slug;
}

/** The message a user sees when their draft is stale: what happened and what to do. */
export function staleDraftMessage(currentRevision: number | undefined): string {
  const now = currentRevision === undefined ? '' : ` (now revision ${currentRevision})`;
  return `Someone else saved this mapping since you opened it${now}. Your changes were not saved: reload to get their version, then make your changes again.`;
}
