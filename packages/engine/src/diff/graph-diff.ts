import type { Edge, Mapping, MappingNode } from '../model';

/** One changed parameter, named by its dotted path inside the node or mapping (`unmapped.policy`). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  id: string;
  type: MappingNode['type'];
  changes: FieldChange[];
}

/** An edge that still fills the same input (target + targetHandle) but is fed from somewhere else. */
export interface EdgeChange {
  before: Edge;
  after: Edge;
  changes: FieldChange[];
}

export interface GraphDiff {
  /** name, description, source.*, settings.* */
  mapping: FieldChange[];
  nodes: {
    added: MappingNode[];
    removed: MappingNode[];
    changed: NodeChange[];
    /** Ids of nodes present on both sides whose canvas position differs; layout only, never a change. */
    moved: string[];
  };
  edges: { added: Edge[]; removed: Edge[]; changed: EdgeChange[] };
}

type Json = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => sameValue(a[k], b[k]));
  }
  return Object.is(a, b);
}

/**
 * Field-by-field changes. Objects are walked so a reviewer sees `unmapped.policy` rather than a whole
 * `unmapped` blob; arrays are compared whole (`inputs`, `identity.keys`) because their items have no
 * stable identity to pair them by. A key absent on one side and `undefined` on the other is no change.
 */
function fieldChanges(before: Json, after: Json, skip: ReadonlySet<string>, prefix = ''): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !skip.has(k));
  const out: FieldChange[] = [];
  for (const key of keys) {
    const b = before[key];
    const a = after[key];
    const field = prefix + key;
    if (isPlainObject(b) && isPlainObject(a)) {
      out.push(...fieldChanges(b, a, new Set(), `${field}.`));
    } else if (!sameValue(b, a)) {
      out.push({ field, before: b, after: a });
    }
  }
  return out;
}

const NODE_SKIP = new Set(['id', 'type', 'position']);

function diffNodes(before: MappingNode[], after: MappingNode[]): GraphDiff['nodes'] {
  const beforeById = new Map(before.map((n) => [n.id, n]));
  const afterById = new Map(after.map((n) => [n.id, n]));
  const result: GraphDiff['nodes'] = { added: [], removed: [], changed: [], moved: [] };
  for (const old of before) {
    const next = afterById.get(old.id);
    // A node that changed kind shares nothing meaningful with its predecessor but the id.
    if (!next || next.type !== old.type) result.removed.push(old);
  }
  for (const next of after) {
    const old = beforeById.get(next.id);
    if (!old || old.type !== next.type) {
      result.added.push(next);
      continue;
    }
    const changes = fieldChanges(old as Json, next as Json, NODE_SKIP);
    if (changes.length > 0) result.changed.push({ id: next.id, type: next.type, changes });
    if (!sameValue(old.position, next.position)) result.moved.push(next.id);
  }
  return result;
}

// Ids are editor bookkeeping (renaming one means nothing), so an edge is what it connects.
const edgeKey = (e: Edge): string =>
  JSON.stringify([e.source, e.sourceHandle ?? null, e.target, e.targetHandle ?? null]);
const slotKey = (e: Edge): string => JSON.stringify([e.target, e.targetHandle ?? null]);

/** Removes and returns, per key, the edges of `from` not matched one-for-one by an edge of `against`. */
function unmatched(from: Edge[], against: Edge[], key: (e: Edge) => string): Edge[] {
  const counts = new Map<string, number>();
  for (const e of against) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return from.filter((e) => {
    const left = counts.get(key(e)) ?? 0;
    if (left === 0) return true;
    counts.set(key(e), left - 1);
    return false;
  });
}

function diffEdges(before: Edge[], after: Edge[]): GraphDiff['edges'] {
  const removed = unmatched(before, after, edgeKey);
  const added = unmatched(after, before, edgeKey);
  // A slot (target + handle) emptied once and filled once is the same wire with a new source; a
  // moved target handle stays removed + added, since it now fills a different element.
  const changed: EdgeChange[] = [];
  const countBySlot = (edges: Edge[]) => {
    const m = new Map<string, number>();
    for (const e of edges) m.set(slotKey(e), (m.get(slotKey(e)) ?? 0) + 1);
    return m;
  };
  const removedSlots = countBySlot(removed);
  const addedSlots = countBySlot(added);
  const pairedSlots = new Set(
    [...removedSlots].filter(([slot, n]) => n === 1 && addedSlots.get(slot) === 1).map(([slot]) => slot),
  );
  for (const old of removed) {
    if (!pairedSlots.has(slotKey(old))) continue;
    const next = added.find((e) => slotKey(e) === slotKey(old)) as Edge;
    const changes = fieldChanges(
      { source: old.source, sourceHandle: old.sourceHandle },
      { source: next.source, sourceHandle: next.sourceHandle },
      new Set(),
    );
    changed.push({ before: old, after: next, changes });
  }
  return {
    added: added.filter((e) => !pairedSlots.has(slotKey(e))),
    removed: removed.filter((e) => !pairedSlots.has(slotKey(e))),
    changed,
  };
}

function mappingChanges(before: Mapping, after: Mapping): FieldChange[] {
  const pick = (m: Mapping): Json => ({
    name: m.name,
    description: m.description,
    source: m.source,
    settings: m.settings,
  });
  return fieldChanges(pick(before), pick(after), new Set());
}

/** What changed between two versions of a mapping, as a reviewer would read it. Both must be parsed. */
export function diffGraphs(before: Mapping, after: Mapping): GraphDiff {
  return {
    mapping: mappingChanges(before, after),
    nodes: diffNodes(before.nodes, after.nodes),
    edges: diffEdges(before.edges, after.edges),
  };
}

/** True when nothing a reviewer needs changed; moves count only with `includeMoves`. */
export function isEmpty(diff: GraphDiff, options: { includeMoves?: boolean } = {}): boolean {
  const { nodes, edges } = diff;
  return (
    diff.mapping.length === 0 &&
    nodes.added.length + nodes.removed.length + nodes.changed.length === 0 &&
    edges.added.length + edges.removed.length + edges.changed.length === 0 &&
    (!options.includeMoves || nodes.moved.length === 0)
  );
}

const end = (node: string, handle: string | undefined): string => (handle ? `${node}.${handle}` : node);

/** `pid7 -> patient (birthDate)`: the source end, then the target and the element or input it fills. */
export const describeEdge = (e: Edge): string =>
  `${end(e.source, e.sourceHandle)} -> ${e.target}${e.targetHandle ? ` (${e.targetHandle})` : ''}`;

const fields = (changes: FieldChange[]): string => changes.map((c) => c.field).join(', ');

/**
 * One line per change, for a review pane or a commit message. Values are left out on purpose: they are
 * in the structured diff, and a line stays readable whatever length an expression has.
 */
export function summarizeGraphDiff(diff: GraphDiff): string[] {
  const lines: string[] = [];
  if (diff.mapping.length > 0) lines.push(`mapping: ${fields(diff.mapping)} changed`);
  for (const n of diff.nodes.removed) lines.push(`node ${n.id} (${n.type}) removed`);
  for (const n of diff.nodes.added) lines.push(`node ${n.id} (${n.type}) added`);
  for (const n of diff.nodes.changed) lines.push(`node ${n.id}: ${fields(n.changes)} changed`);
  for (const e of diff.edges.removed) lines.push(`edge ${describeEdge(e)} removed`);
  for (const e of diff.edges.added) lines.push(`edge ${describeEdge(e)} added`);
  for (const e of diff.edges.changed) {
    lines.push(`edge ${describeEdge(e.before)} now from ${end(e.after.source, e.after.sourceHandle)}`);
  }
  const moved = diff.nodes.moved.length;
  if (moved > 0) lines.push(`layout: ${moved} node${moved === 1 ? '' : 's'} moved`);
  return lines;
}
