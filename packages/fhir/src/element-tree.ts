import { childElements, getDefinitions, getTypeDef, hasInlineChildren } from './definitions';
import type { ElementDef, TypeDef } from './definitions';

export interface ElementBinding {
  readonly strength: string;
  readonly valueSet: string;
}

export interface ElementNode {
  /** Instance path from the root type: `Patient.name.family`, `Observation.valueQuantity.unit`. */
  readonly path: string;
  readonly name: string;
  readonly types: readonly string[];
  readonly min: number;
  readonly max: '1' | '*';
  readonly required: boolean;
  readonly binding?: ElementBinding;
  readonly short: string;
  readonly children?: readonly ElementNode[];
}

export interface ElementTreeOptions {
  /**
   * How many levels of complex datatypes (HumanName, CodeableConcept, Reference ...) to expand.
   * Backbone elements belong to the resource and are always expanded. Default 1.
   */
  readonly depth?: number;
}

export interface ElementInfo {
  /** The path asked for, without indices: `Observation.valueQuantity.unit`. */
  readonly path: string;
  /** Where the element is defined: `Quantity.unit`, `Patient.contact.name`. */
  readonly definedAt: string;
  readonly types: readonly string[];
  readonly min: number;
  readonly max: '1' | '*';
  readonly isArray: boolean;
  readonly required: boolean;
  readonly binding?: ElementBinding;
  /** For Reference elements: the resource types it may point to; absent when any is allowed. */
  readonly targetTypes?: readonly string[];
  readonly short: string;
}

/** Non-abstract resource types of FHIR R4, sorted. */
export function resourceTypes(): readonly string[] {
  return getDefinitions().resourceTypes;
}

/** Datatypes the tree does not open: extensions would drown the panel, resources have their own tree. */
const NOT_EXPANDED = new Set(['Extension', 'Resource', 'Element', 'BackboneElement']);

/**
 * The elements of a resource or datatype as a tree for the studio's target panel.
 * Unknown types give an empty list.
 */
export function elementTree(typeName: string, options: ElementTreeOptions = {}): ElementNode[] {
  const type = getTypeDef(typeName);
  if (!type) return [];
  return buildNodes(type, undefined, typeName, options.depth ?? 1);
}

function buildNodes(
  type: TypeDef,
  parent: ElementDef | undefined,
  prefix: string,
  depth: number,
): ElementNode[] {
  return childElements(type, parent).map((el) => buildNode(type, el, `${prefix}.${el.name}`, depth));
}

function buildNode(type: TypeDef, el: ElementDef, path: string, depth: number): ElementNode {
  const base = nodeFields(el, path, el.name, el.types);
  if (hasInlineChildren(type, el)) {
    // A recursive reference (Questionnaire.item.item) would never end: it costs a level like a datatype.
    if (el.contentReference && depth <= 0) return base;
    const childDepth = el.contentReference ? depth - 1 : depth;
    return { ...base, children: buildNodes(type, el, path, childDepth) };
  }
  if (el.name.endsWith('[x]')) {
    // One child per allowed type, named as it appears in JSON (valueQuantity), so a mapping can target it.
    const stem = path.slice(0, -3);
    const variants = el.types.map((t) => {
      const name = `${el.name.slice(0, -3)}${capitalize(t)}`;
      return withDatatypeChildren(nodeFields(el, `${stem}${capitalize(t)}`, name, [t]), t, depth);
    });
    return { ...base, children: variants };
  }
  return el.types.length === 1 ? withDatatypeChildren(base, el.types[0], depth) : base;
}

function withDatatypeChildren(node: ElementNode, typeName: string, depth: number): ElementNode {
  const type = getTypeDef(typeName);
  if (depth <= 0 || !type || type.kind !== 'complex-type' || NOT_EXPANDED.has(typeName)) return node;
  return { ...node, children: buildNodes(type, undefined, node.path, depth - 1) };
}

function nodeFields(el: ElementDef, path: string, name: string, types: readonly string[]): ElementNode {
  return {
    path,
    name,
    types,
    min: el.min,
    max: el.max,
    required: el.min > 0,
    ...(el.binding ? { binding: el.binding } : {}),
    short: el.short,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Looks up one element by dotted path, walking from the resource through backbone elements and
 * into datatype definitions: `Patient.name.given`, `Observation.code.coding.system`,
 * `Observation.valueQuantity.unit`. The leading type name is optional and `[n]` indices are ignored.
 * Returns undefined when the path does not exist.
 */
export function elementInfo(resourceType: string, dottedPath: string): ElementInfo | undefined {
  const root = getTypeDef(resourceType);
  if (!root) return undefined;
  const segments = dottedPath
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter(Boolean);
  if (segments[0] === resourceType) segments.shift();
  if (segments.length === 0) return undefined;
  const found = resolve(root, undefined, segments);
  if (!found) return undefined;
  const { el, types } = found;
  return {
    path: [resourceType, ...segments].join('.'),
    definedAt: el.path,
    types,
    min: el.min,
    max: el.max,
    isArray: el.max === '*',
    required: el.min > 0,
    ...(el.binding ? { binding: el.binding } : {}),
    ...(el.targetTypes ? { targetTypes: el.targetTypes } : {}),
    short: el.short,
  };
}

interface Resolved {
  readonly el: ElementDef;
  readonly types: readonly string[];
}

function resolve(
  type: TypeDef,
  parent: ElementDef | undefined,
  segments: readonly string[],
): Resolved | undefined {
  const [segment, ...rest] = segments;
  const match = matchChild(childElements(type, parent), segment);
  if (!match) return undefined;
  if (rest.length === 0) return match;
  if (hasInlineChildren(type, match.el)) return resolve(type, match.el, rest);
  // A choice or multi-typed element may be entered through any of its types; take the first that fits.
  for (const t of match.types) {
    const inner = getTypeDef(t);
    const found = inner ? resolve(inner, undefined, rest) : undefined;
    if (found) return found;
  }
  return undefined;
}

function matchChild(elements: readonly ElementDef[], segment: string): Resolved | undefined {
  for (const el of elements) {
    if (el.name === segment) return { el, types: el.types };
    if (!el.name.endsWith('[x]')) continue;
    const stem = el.name.slice(0, -3);
    if (!segment.startsWith(stem)) continue;
    const suffix = segment.slice(stem.length);
    const t = el.types.find((x) => capitalize(x) === suffix);
    if (t) return { el, types: [t] };
  }
  return undefined;
}
