import { indexStructureDefinitionBundle } from '@medplum/core';
import type { ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';
import { loadDefinitionBundles } from './definitions-source';

/** One element of a StructureDefinition snapshot, trimmed to what the studio and the checks need. */
export interface ElementDef {
  /** Path as written in the definition: `Patient.contact.name`, `Observation.value[x]`, `Quantity.unit`. */
  readonly path: string;
  /** Last path segment: `name`, `value[x]`. */
  readonly name: string;
  /** Type codes; FHIRPath system types are mapped back to FHIR primitives (`id`, `string`). */
  readonly types: readonly string[];
  readonly min: number;
  readonly max: '1' | '*';
  readonly short: string;
  readonly binding?: { readonly strength: string; readonly valueSet: string };
  /** Resource types a Reference may point to (from targetProfile); absent when any is allowed. */
  readonly targetTypes?: readonly string[];
  /** For recursive structures (`Questionnaire.item.item`): the path whose children this element reuses. */
  readonly contentReference?: string;
}

export interface TypeDef {
  readonly name: string;
  readonly kind: string;
  readonly abstract: boolean;
  /** Children by parent path; the root path is the type (`Patient`, `Quantity` for SimpleQuantity). */
  readonly children: ReadonlyMap<string, readonly ElementDef[]>;
  readonly rootPath: string;
}

interface Definitions {
  readonly types: ReadonlyMap<string, TypeDef>;
  readonly resourceTypes: readonly string[];
}

let definitions: Definitions | undefined;

/**
 * Indexes the base R4 StructureDefinitions into @medplum/core's global schema and into our own
 * compact element index, once. Later calls are free. Call it at start-up to take the ~0.5 s
 * set-up cost off the first message.
 */
export function loadFhirDefinitions(): void {
  getDefinitions();
}

export function getDefinitions(): Definitions {
  if (definitions) return definitions;
  const types = new Map<string, TypeDef>();
  for (const bundle of loadDefinitionBundles()) {
    indexStructureDefinitionBundle(bundle);
    for (const entry of bundle.entry ?? []) {
      const sd = entry.resource;
      if (sd?.resourceType === 'StructureDefinition' && sd.snapshot) types.set(sd.name, toTypeDef(sd));
    }
  }
  const resourceTypes = [...types.values()]
    .filter((t) => t.kind === 'resource' && !t.abstract)
    .map((t) => t.name)
    .sort();
  definitions = { types, resourceTypes };
  return definitions;
}

export function getTypeDef(name: string): TypeDef | undefined {
  return getDefinitions().types.get(name);
}

function toTypeDef(sd: StructureDefinition): TypeDef {
  const children = new Map<string, ElementDef[]>();
  const rootPath = sd.type;
  for (const el of sd.snapshot?.element ?? []) {
    const dot = el.path.lastIndexOf('.');
    // max "0" marks an element a constraint profile prohibits (SimpleQuantity.comparator): not usable.
    if (dot < 0 || el.max === '0') continue;
    const parent = el.path.slice(0, dot);
    const list = children.get(parent) ?? [];
    list.push(toElementDef(el, el.path.slice(dot + 1)));
    children.set(parent, list);
  }
  return { name: sd.name, kind: sd.kind, abstract: sd.abstract === true, children, rootPath };
}

const FHIR_TYPE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/structuredefinition-fhir-type';

function toElementDef(el: ElementDefinition, name: string): ElementDef {
  const types = (el.type ?? []).map((t) => {
    // R4 types `id` and `value` elements as FHIRPath system types; the extension says the FHIR type.
    if (!t.code.startsWith('http://hl7.org/fhirpath/')) return t.code;
    return t.extension?.find((x) => x.url === FHIR_TYPE_EXTENSION)?.valueUrl ?? 'string';
  });
  const binding =
    el.binding?.valueSet !== undefined
      ? { strength: el.binding.strength, valueSet: stripVersion(el.binding.valueSet) }
      : undefined;
  const targets = (el.type ?? [])
    .flatMap((t) => t.targetProfile ?? [])
    .map((p) => p.slice(p.lastIndexOf('/') + 1));
  const targetTypes = targets.length && !targets.includes('Resource') ? targets : undefined;
  const def: ElementDef = {
    path: el.path,
    name,
    types,
    min: el.min ?? 0,
    max: el.max === '1' ? '1' : '*',
    short: el.short ?? '',
    ...(binding ? { binding } : {}),
    ...(targetTypes ? { targetTypes } : {}),
    ...(el.contentReference ? { contentReference: el.contentReference.replace(/^#/, '') } : {}),
  };
  return def;
}

export function stripVersion(url: string): string {
  const bar = url.indexOf('|');
  return bar < 0 ? url : url.slice(0, bar);
}

/** Child elements of `path` inside `type`, following contentReference for recursive structures. */
export function childElements(type: TypeDef, el: ElementDef | undefined): readonly ElementDef[] {
  const path = el ? (el.contentReference ?? el.path) : type.rootPath;
  return type.children.get(path) ?? [];
}

/** True for an element whose children are defined inline (BackboneElement or recursive reference). */
export function hasInlineChildren(type: TypeDef, el: ElementDef): boolean {
  return el.contentReference !== undefined || (type.children.get(el.path)?.length ?? 0) > 0;
}
