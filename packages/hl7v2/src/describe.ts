import type { DictComponent } from 'hl7-dictionary';
import { dictionaryFor, getStructure, resolveDictionaryVersion, type StructureNode } from './dictionary';

export interface ComponentDescription {
  name: string;
  datatype: string;
  table?: number;
  /** Subcomponents when the component's datatype is itself composite. */
  components?: ComponentDescription[];
}

export interface FieldDescription {
  name: string;
  datatype: string;
  repeating: boolean;
  required: boolean;
  length?: number;
  table?: number;
  /** Components of the datatype; empty for primitive datatypes (ST, NM, ...). */
  components: ComponentDescription[];
}

function subfields(version: string, datatype: string): DictComponent[] {
  const fields = dictionaryFor(version).fields;
  return Object.hasOwn(fields, datatype) ? fields[datatype].subfields : [];
}

function describeComponent(version: string, c: DictComponent, depth: number): ComponentDescription {
  const out: ComponentDescription = { name: c.desc, datatype: c.datatype };
  if (c.table !== undefined) out.table = c.table;
  const subs = depth < 1 ? subfields(version, c.datatype) : [];
  if (subs.length > 0) out.components = subs.map((s) => describeComponent(version, s, depth + 1));
  return out;
}

/**
 * Name and datatype of a field (or of one of its components) from the dictionary; 2.8 and
 * other unknown versions use the nearest lower dictionary version. Undefined when unknown.
 */
export function describeField(
  version: string,
  segmentId: string,
  field: number,
): FieldDescription | undefined;
export function describeField(
  version: string,
  segmentId: string,
  field: number,
  component: number,
): ComponentDescription | undefined;
export function describeField(
  version: string,
  segmentId: string,
  field: number,
  component?: number,
): FieldDescription | ComponentDescription | undefined {
  const dict = dictionaryFor(version);
  const v = resolveDictionaryVersion(version).version;
  if (!Object.hasOwn(dict.segments, segmentId)) return undefined;
  const def = dict.segments[segmentId].fields[field - 1];
  if (!def) return undefined;
  if (component !== undefined) {
    const sub = subfields(v, def.datatype)[component - 1];
    return sub ? describeComponent(v, sub, 0) : undefined;
  }
  const out: FieldDescription = {
    name: def.desc,
    datatype: def.datatype,
    // rep 0 means unbounded repetitions in the dictionary; 1 is a single occurrence.
    repeating: def.rep !== 1,
    required: def.opt === 2,
    components: subfields(v, def.datatype).map((s) => describeComponent(v, s, 0)),
  };
  if (def.len !== undefined) out.length = def.len;
  if (def.table !== undefined) out.table = def.table;
  return out;
}

export interface StructureDescription {
  name: string;
  kind: 'segment' | 'group';
  description: string;
  min: number;
  /** null when unbounded. */
  max: number | null;
  /** Alternative segment ids for a choice slot (e.g. OBR, RXO, RXE). */
  choices?: string[];
  children?: StructureDescription[];
}

function describeNode(node: StructureNode): StructureDescription {
  const out: StructureDescription = {
    name: node.name,
    kind: node.children ? 'group' : 'segment',
    description: node.description,
    min: node.min,
    max: Number.isFinite(node.max) ? node.max : null,
  };
  if (node.children) out.children = node.children.map(describeNode);
  if (node.accepts && node.accepts.length > 1) out.choices = [...node.accepts];
  return out;
}

/** The segment and group tree of a message structure (e.g. "ORU_R01"), or undefined. */
export function describeStructure(version: string, structureId: string): StructureDescription | undefined {
  const node = getStructure(resolveDictionaryVersion(version).version, structureId);
  return node ? describeNode(node) : undefined;
}
