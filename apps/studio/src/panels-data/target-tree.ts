import { elementTree, resourceTypes as fhirResourceTypes, type ElementNode } from '@mapwright/fhir';

/** One row of the target panel: a FHIR element of the resource a target node builds. */
export interface TargetElement {
  /** The element as target handles name it, without the resource type: `name.family`, `valueQuantity`. */
  path: string;
  name: string;
  min: number;
  max: '1' | '*';
  types: string[];
  required: boolean;
  binding?: { strength: string; valueSet: string };
  /** What the element is for, from the definition (`short`). */
  short: string;
  children: TargetElement[];
}

/**
 * How many levels of complex datatypes the panel opens: 2 reaches `code.coding.system` and
 * `identifier.type.text`, which mappings fill; deeper levels are rarely targeted and would bloat the tree.
 */
const DATATYPE_DEPTH = 2;

/**
 * R4 resource types a mapping can target (non-abstract), sorted. Empty until the FHIR definitions are
 * loaded (in the browser they load lazily: see fhir-definitions.ts).
 */
export function resourceTypes(): string[] {
  try {
    return [...fhirResourceTypes()];
  } catch {
    return [];
  }
}

const cache = new Map<string, TargetElement[]>();

/** The elements of a resource type as a tree; empty for an unknown type or before the definitions load. */
export function targetElements(resourceType: string): TargetElement[] {
  const hit = cache.get(resourceType);
  if (hit) return hit;
  let nodes: ElementNode[];
  try {
    nodes = elementTree(resourceType, { depth: DATATYPE_DEPTH });
  } catch {
    return [];
  }
  const prefix = `${resourceType}.`;
  const convert = (n: ElementNode): TargetElement => ({
    path: n.path.startsWith(prefix) ? n.path.slice(prefix.length) : n.path,
    name: n.name,
    min: n.min,
    max: n.max,
    types: [...n.types],
    required: n.required,
    ...(n.binding ? { binding: { strength: n.binding.strength, valueSet: n.binding.valueSet } } : {}),
    short: n.short,
    children: (n.children ?? []).map(convert),
  });
  const elements = nodes.map(convert);
  if (elements.length > 0) cache.set(resourceType, elements);
  return elements;
}

/** Elements whose name, path or description contains `query` (case-insensitive), with their ancestors. */
export function filterTargets(elements: readonly TargetElement[], query: string): TargetElement[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...elements];
  const visit = (nodes: readonly TargetElement[]): TargetElement[] =>
    nodes.flatMap((n) => {
      const children = visit(n.children);
      const self =
        n.name.toLowerCase().includes(q) ||
        n.path.toLowerCase().includes(q) ||
        n.short.toLowerCase().includes(q);
      return self || children.length > 0 ? [{ ...n, children }] : [];
    });
  return visit(elements);
}
