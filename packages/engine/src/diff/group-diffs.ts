import { z } from 'zod';
import { DiffKind, type ElementDiff } from './output-diff';

const MAX_EXAMPLES = 3;

/** The same difference seen across the sample messages of a review, e.g. every changed birthDate. */
export const DiffGroup = z.object({
  kind: DiffKind,
  /** The path without array indices: `Patient.name.family`. */
  path: z.string(),
  /** Ids of the messages showing this difference, each once, in input order. */
  messages: z.array(z.string()),
  count: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Values may be patient data: show them only where the reviewer may see the samples. */
  examples: z.array(z.object({ messageId: z.string(), before: z.unknown(), after: z.unknown() })),
});
export type DiffGroup = z.infer<typeof DiffGroup>;

/** `Patient.name[0].given[1]` -> `Patient.name.given`: the same element in every message, whatever its index. */
export const normalizePath = (path: string): string => path.replace(/\[\d+\]/g, '');

/**
 * Groups per-message differences by (kind, path without indices); `count` counts messages, not
 * differences, so two added telecoms in one message count once. Sorted by count descending, then path.
 */
export function groupDiffs(
  perMessage: ReadonlyArray<{ messageId: string; diffs: ReadonlyArray<ElementDiff> }>,
  totalMessages: number,
): DiffGroup[] {
  const groups = new Map<string, DiffGroup>();
  const seen = new Map<string, Set<string>>();
  for (const { messageId, diffs } of perMessage) {
    for (const d of diffs) {
      const path = normalizePath(d.path);
      const key = `${d.kind} ${path}`;
      let g = groups.get(key);
      let ids = seen.get(key);
      if (!g || !ids) {
        g = { kind: d.kind, path, messages: [], count: 0, total: totalMessages, examples: [] };
        ids = new Set();
        groups.set(key, g);
        seen.set(key, ids);
      }
      if (ids.has(messageId)) continue;
      ids.add(messageId);
      g.messages.push(messageId);
      g.count = g.messages.length;
      if (g.examples.length < MAX_EXAMPLES) g.examples.push({ messageId, before: d.before, after: d.after });
    }
  }
  return [...groups.values()].sort(
    (a, b) => b.count - a.count || compare(a.path, b.path) || compare(a.kind, b.kind),
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** "Patient.birthDate changed in 38 of 40 messages": the path and counts only, never a value. */
export function describeGroup(g: DiffGroup): string {
  return `${g.path} ${g.kind} in ${g.count} of ${g.total} message${g.total === 1 ? '' : 's'}`;
}
