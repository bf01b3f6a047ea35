import {
  describeField,
  describeStructure,
  parseToTree,
  type ComponentDescription,
  type Hl7Component,
  type Hl7GroupNode,
  type Hl7Repetition,
  type Hl7SegmentFields,
  type StructureDescription,
} from '@mapwright/hl7v2';
import type { SourceTree, SourceTreeNode } from './source-tree-types';

type Instance = { kind: 'segment'; fields: Hl7SegmentFields } | { kind: 'group'; group: Hl7GroupNode };

/**
 * An HL7 v2 sample as the source panel shows it: segments inside their groups (as the parser groups them,
 * so paths match what the engine reads), every field of the segment's dictionary definition with name and
 * datatype, components and subcomponents. Repeated segments and groups are one row (`×n`) showing the first
 * instance, since a source path reads all of them alike.
 */
export function hl7SourceTree(content: string, options: { version?: string } = {}): SourceTree {
  const parsed = parseToTree(content);
  if (!parsed.ok)
    return {
      roots: [],
      issues: parsed.errors.map((e) => ({
        code: `hl7-${e.code}`,
        message: e.message,
        at: {
          ...(e.at.line !== undefined ? { line: e.at.line } : {}),
          ...(e.at.segment !== undefined ? { segment: e.at.segment } : {}),
          ...(e.at.field !== undefined ? { field: e.at.field } : {}),
        },
      })),
    };
  const message = parsed.message;
  const version = options.version ?? message.dictionaryVersion;
  const descriptions = new Map<string, string>();
  const structure = describeStructure(version, message.structureId);
  if (structure) collectDescriptions(structure, descriptions);
  const ctx: Ctx = { version, descriptions };
  return { roots: groupChildren(ctx, [message.root], '', 'root'), issues: [] };
}

interface Ctx {
  version: string;
  descriptions: Map<string, string>;
}

function collectDescriptions(node: StructureDescription, out: Map<string, string>): void {
  if (!out.has(node.name)) out.set(node.name, node.description);
  for (const child of node.children ?? []) collectDescriptions(child, out);
}

/** The children of a group's instances, one row per segment id / group name, in message order. */
function groupChildren(
  ctx: Ctx,
  groups: Hl7GroupNode[],
  prefix: string,
  parentKey: string,
): SourceTreeNode[] {
  const byName = new Map<string, Instance[]>();
  for (const group of groups)
    for (const child of group.children) {
      const name = child.kind === 'segment' ? child.segment.id : child.group.name;
      const list = byName.get(name) ?? [];
      list.push(
        child.kind === 'segment'
          ? { kind: 'segment', fields: child.segment.fields }
          : { kind: 'group', group: child.group },
      );
      byName.set(name, list);
    }
  return [...byName].map(([name, instances]) => {
    const path = `${prefix}${name}`;
    const key = `${parentKey}/${name}`;
    const description = ctx.descriptions.get(name);
    const base = {
      key,
      label: description ? `${name} ${description}` : name,
      name: description ?? name,
      path,
      repetitions: instances.length,
    };
    if (instances[0]?.kind === 'group') {
      const inner = instances.flatMap((i) => (i.kind === 'group' ? [i.group] : []));
      return { ...base, children: groupChildren(ctx, inner, `${path}.`, key) };
    }
    const first = instances[0]?.kind === 'segment' ? instances[0].fields : {};
    return { ...base, children: segmentFields(ctx, name, first, path, key) };
  });
}

function fieldCount(ctx: Ctx, segment: string): number {
  let n = 0;
  while (describeField(ctx.version, segment, n + 1) !== undefined) n++;
  return n;
}

function segmentFields(
  ctx: Ctx,
  segment: string,
  fields: Hl7SegmentFields,
  segPath: string,
  segKey: string,
): SourceTreeNode[] {
  const present = Object.keys(fields).map((k) => Number(k.slice(1)) || 0);
  const count = Math.max(fieldCount(ctx, segment), ...present);
  const out: SourceTreeNode[] = [];
  for (let n = 1; n <= count; n++) {
    const def = describeField(ctx.version, segment, n);
    const reps = fields[`F${n}`];
    const first: Hl7Repetition | undefined = reps?.[0];
    const id = `${segment}-${n}`;
    const name = def?.name ?? `Field ${n}`;
    const node: SourceTreeNode = {
      key: `${segKey}/F${n}`,
      label: `${id} ${name}`,
      name,
      ...(def ? { datatype: def.datatype } : {}),
      path: `${segPath}.F${n}`,
      field: id,
      ...(reps && reps.length > 0 ? { repetitions: reps.length } : {}),
      children: [],
    };
    // A primitive field's value sits in C1: source nodes read `PID.F8.C1` (as the example mappings do).
    // OBX-5 is VARIES (or ST in 2.7.1) yet often holds a CWE: components in the sample make it composite.
    const varies = def?.datatype === 'VARIES' || def?.datatype === '*';
    const primitive =
      !varies &&
      (def ? def.components.length === 0 : first !== undefined) &&
      (first === undefined || isOnlyC1(first));
    if (primitive) {
      node.path = `${segPath}.F${n}.C1`;
      if (first?.C1 !== undefined) node.value = componentText(first.C1);
    } else {
      if (first !== undefined) node.value = repetitionText(first);
      node.children = components(def?.components ?? [], first, node.path, node.key, id, node.field ?? id);
    }
    out.push(node);
  }
  return out;
}

function isOnlyC1(rep: Hl7Repetition): boolean {
  const keys = Object.keys(rep);
  return keys.length === 1 && keys[0] === 'C1' && (rep.C1 === null || typeof rep.C1 !== 'object');
}

function components(
  defs: readonly ComponentDescription[],
  rep: Hl7Repetition | Record<string, string | null> | undefined,
  parentPath: string,
  parentKey: string,
  parentId: string,
  field: string,
  letter: 'C' | 'S' = 'C',
): SourceTreeNode[] {
  const present = Object.keys(rep ?? {}).map((k) => Number(k.slice(1)) || 0);
  const count = Math.max(defs.length, ...present);
  const out: SourceTreeNode[] = [];
  for (let n = 1; n <= count; n++) {
    const def = defs[n - 1];
    const value = (rep as Record<string, Hl7Component> | undefined)?.[`${letter}${n}`];
    const name = def?.name ?? `${letter === 'C' ? 'Component' : 'Subcomponent'} ${n}`;
    const id = `${parentId}.${n}`;
    const node: SourceTreeNode = {
      key: `${parentKey}/${letter}${n}`,
      label: `${id} ${name}`,
      name,
      ...(def ? { datatype: def.datatype } : {}),
      path: `${parentPath}.${letter}${n}`,
      field,
      children: [],
    };
    if (value !== undefined) node.value = componentText(value);
    const subs = def?.components ?? [];
    if (letter === 'C' && (subs.length > 0 || (value !== null && typeof value === 'object')))
      node.children = components(
        subs,
        value !== null && typeof value === 'object' ? value : undefined,
        node.path,
        node.key,
        id,
        field,
        'S',
      );
    out.push(node);
  }
  return out;
}

/** HL7's explicit null `""` stays null; subcomponents are shown as HL7 text (`A&B`). */
function componentText(c: Hl7Component): string | null {
  if (c === null || typeof c !== 'object') return c;
  return joinKeyed(c, 'S', '&');
}

function repetitionText(rep: Hl7Repetition): string {
  return joinKeyed(rep, 'C', '^', (c) => componentText(c as Hl7Component) ?? '""');
}

function joinKeyed(
  values: Record<string, unknown>,
  letter: string,
  separator: string,
  text: (v: unknown) => string = (v) => (v === null ? '""' : String(v)),
): string {
  const max = Math.max(0, ...Object.keys(values).map((k) => Number(k.slice(1)) || 0));
  const parts: string[] = [];
  for (let i = 1; i <= max; i++) {
    const v = values[`${letter}${i}`];
    parts.push(v === undefined ? '' : text(v));
  }
  return parts.join(separator);
}
