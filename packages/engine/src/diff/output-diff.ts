import { z } from 'zod';

/** Which output entry a difference belongs to. */
export const DiffEntryRef = z.object({
  resourceType: z.string(),
  fullUrl: z.string().optional(),
});
export type DiffEntryRef = z.infer<typeof DiffEntryRef>;

export const DiffKind = z.enum(['added', 'removed', 'changed']);
export type DiffKind = z.infer<typeof DiffKind>;

/**
 * One semantic difference between two versions' output for the same message. `before`/`after` may hold
 * patient data: they stay in this value and must not be copied into messages or logs.
 */
export const ElementDiff = z.object({
  kind: DiffKind,
  /** FHIRPath-style address: `Patient.name[0].family`, `Patient` (whole resource), `Bundle.entry.request.url`. */
  path: z.string(),
  entry: DiffEntryRef,
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type ElementDiff = z.infer<typeof ElementDiff>;

/** The shape diffBundles reads: the engine's Bundle fits it, and so does one read back from JSON. */
export interface DiffableBundle {
  entry?: ReadonlyArray<DiffableEntry>;
}
export interface DiffableEntry {
  fullUrl?: string;
  resource?: Record<string, unknown>;
  request?: unknown;
}

type Pair = { before: DiffableEntry; after: DiffableEntry };

/**
 * Differences between the output bundles of two mapping versions for one message. A null bundle means the
 * message failed to map in that version, so every entry of the other side is added or removed.
 *
 * Entries pair by fullUrl first (it is derived from the message and the target node, so it is stable
 * across versions), then by resourceType and position among the still unpaired entries of that type.
 * Request differences are reported at `Bundle.entry.request.<field>`: a changed conditional-create query
 * changes what the server does even when the resource is identical.
 */
export function diffBundles(before: DiffableBundle | null, after: DiffableBundle | null): ElementDiff[] {
  const { pairs, removed, added } = pairEntries(before?.entry ?? [], after?.entry ?? []);
  // a reference to a paired entry's fullUrl is the same reference on both sides, whatever the uuid
  const sameUrl = new Map(
    pairs.flatMap((p) => (p.before.fullUrl ? [[p.before.fullUrl, p.after.fullUrl]] : [])),
  );
  const out: ElementDiff[] = [];
  for (const e of removed)
    out.push({ kind: 'removed', path: typeOf(e), entry: refOf(e), before: e.resource });
  for (const p of pairs) {
    const entry = refOf(p.after);
    const emit = (d: Omit<ElementDiff, 'entry'>) => out.push({ ...d, entry });
    compareValues(p.before.resource ?? {}, p.after.resource ?? {}, typeOf(p.after), emit, sameUrl);
    compareValues(p.before.request, p.after.request, 'Bundle.entry.request', emit, sameUrl);
  }
  for (const e of added) out.push({ kind: 'added', path: typeOf(e), entry: refOf(e), after: e.resource });
  return out;
}

function pairEntries(before: ReadonlyArray<DiffableEntry>, after: ReadonlyArray<DiffableEntry>) {
  const pairs: Pair[] = [];
  const afterLeft = new Set(after);
  const beforeLeft: DiffableEntry[] = [];
  for (const b of before) {
    const match = after.find((a) => afterLeft.has(a) && a.fullUrl !== undefined && a.fullUrl === b.fullUrl);
    if (match && typeOf(match) === typeOf(b)) {
      pairs.push({ before: b, after: match });
      afterLeft.delete(match);
    } else beforeLeft.push(b);
  }
  const removed: DiffableEntry[] = [];
  for (const b of beforeLeft) {
    const match = [...afterLeft].find((a) => typeOf(a) === typeOf(b));
    if (match) {
      pairs.push({ before: b, after: match });
      afterLeft.delete(match);
    } else removed.push(b);
  }
  return { pairs, removed, added: [...afterLeft] };
}

const typeOf = (e: DiffableEntry): string => {
  const t = e.resource?.resourceType;
  return typeof t === 'string' ? t : 'Resource';
};

const refOf = (e: DiffableEntry): DiffEntryRef =>
  e.fullUrl === undefined ? { resourceType: typeOf(e) } : { resourceType: typeOf(e), fullUrl: e.fullUrl };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Walks both values together; a subtree present on one side only is one difference, not one per leaf. */
function compareValues(
  before: unknown,
  after: unknown,
  path: string,
  emit: (d: Omit<ElementDiff, 'entry'>) => void,
  sameUrl: Map<string, string | undefined>,
): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) return emit({ kind: 'added', path, after });
  if (after === undefined) return emit({ kind: 'removed', path, before });
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) compareValues(before[i], after[i], `${path}[${i}]`, emit, sameUrl);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const k of keys) {
      // the resource type is already the head of the path
      if (k === 'resourceType' && before[k] === after[k]) continue;
      compareValues(before[k], after[k], `${path}.${k}`, emit, sameUrl);
    }
    return;
  }
  if (before === after) return;
  if (typeof before === 'string' && sameUrl.get(before) === after) return;
  emit({ kind: 'changed', path, before, after });
}
