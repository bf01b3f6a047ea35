import { stripIndices } from '../compiler/element-path';
import { ENTRY_TARGET, type BundleEntry } from '../runtime/helper-functions';
import type { ValidationIssue } from '../runtime/validation-issue';
import type { ElementLineage, StaticLineage } from './static-lineage';

/** One concrete output element and where it came from. */
export interface OutputLineage extends ElementLineage {
  /** `Bundle.entry[3].resource.name[0].family` */
  path: string;
  entryIndex: number;
}

const ENTRY_PATH = /^Bundle\.entry\[(\d+)\]\.resource\.?(.*)$/;

/** Lineage of a concrete output path: the target of its entry, then the longest element path with a known origin. */
export function lineageOfPath(
  path: string,
  entries: BundleEntry[],
  lineage: StaticLineage,
): OutputLineage | undefined {
  const m = ENTRY_PATH.exec(path);
  if (!m) return undefined;
  const entryIndex = Number(m[1]);
  const targetId = entries[entryIndex]?.[ENTRY_TARGET];
  if (targetId === undefined) return undefined;
  const elements = lineage.targets.get(targetId);
  const parts = stripIndices(m[2] ?? '')
    .split('.')
    .filter((p) => p.length > 0);
  for (let n = parts.length; n > 0; n--) {
    const hit = elements?.get(parts.slice(0, n).join('.'));
    if (hit) return { ...hit, path, entryIndex };
  }
  // the element has no wire of its own (e.g. resourceType): the target produced it
  return {
    targetId,
    element: parts.join('.'),
    nodeId: targetId,
    via: [],
    sourcePaths: [],
    reads: [],
    path,
    entryIndex,
  };
}

/** Every leaf of the bundle's resources with its lineage. */
export function bundleLineage(entries: BundleEntry[], lineage: StaticLineage): OutputLineage[] {
  const out: OutputLineage[] = [];
  entries.forEach((entry, i) => {
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((v, j) => visit(v, `${path}[${j}]`));
      else if (value !== null && typeof value === 'object')
        for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
      else {
        const hit = lineageOfPath(path, entries, lineage);
        if (hit) out.push(hit);
      }
    };
    visit(entry.resource, `Bundle.entry[${i}].resource`);
  });
  return out;
}

/** Adds the producing node (and wire, target, source paths) to each validation issue that points into a resource. */
export function annotateIssues(
  issues: ValidationIssue[],
  entries: BundleEntry[],
  lineage: StaticLineage,
): ValidationIssue[] {
  return issues.map((issue) => {
    const expression = issue.expression?.[0];
    if (expression === undefined) return issue;
    const hit = lineageOfPath(expression, entries, lineage);
    if (!hit) return issue;
    const out: ValidationIssue = {
      ...issue,
      nodeId: hit.nodeId,
      targetId: hit.targetId,
      entryIndex: hit.entryIndex,
    };
    if (hit.edgeId !== undefined) out.edgeId = hit.edgeId;
    if (hit.sourcePaths.length > 0) out.sourcePaths = hit.sourcePaths;
    const value = valueAtPath(expression, entries);
    if (value !== undefined) out.value = value;
    return out;
  });
}

const STEP = /^([^[\]]+)((?:\[\d+\])*)$/;

/** The value at a concrete output path (`Bundle.entry[0].resource.name[0].family`), if it exists. */
export function valueAtPath(path: string, entries: BundleEntry[]): unknown {
  const m = ENTRY_PATH.exec(path);
  if (!m) return undefined;
  let value: unknown = entries[Number(m[1])]?.resource;
  for (const step of (m[2] ?? '').split('.').filter((s) => s.length > 0)) {
    const parts = STEP.exec(step);
    if (!parts || typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[parts[1] as string];
    for (const index of (parts[2] ?? '').match(/\d+/g) ?? [])
      value = Array.isArray(value) ? (value as unknown[])[Number(index)] : undefined;
  }
  return value;
}
