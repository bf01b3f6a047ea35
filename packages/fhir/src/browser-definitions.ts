import type { Bundle, ElementDefinition, StructureDefinition } from '@medplum/fhirtypes';

/**
 * The R4 definition bundles as a browser build ships them. profiles-resources.json is 35 MB, almost all of it
 * prose (definitions, comments, requirements, mappings to other standards, narrative) that neither
 * @medplum/core's indexing and validation nor our element tree reads. Dropping it leaves ~5 MB (~0.4 MB
 * gzipped) with the same validation results. Only StructureDefinitions are kept: nothing else is indexed.
 */

/** StructureDefinition members that are documentation only. */
const SD_PROSE = [
  'text',
  'differential',
  'mapping',
  'contact',
  'publisher',
  'jurisdiction',
  'copyright',
  'purpose',
  'keyword',
] as const;

/** ElementDefinition members that are documentation only (`short` stays: the target panel shows it). */
const ELEMENT_PROSE = [
  'definition',
  'comment',
  'requirements',
  'alias',
  'example',
  'mapping',
  'meaningWhenMissing',
  'orderMeaning',
  'isModifierReason',
] as const;

export function trimDefinitionBundle(bundle: Bundle): Bundle<StructureDefinition> {
  const entry = (bundle.entry ?? []).flatMap((e) =>
    e.resource?.resourceType === 'StructureDefinition' ? [{ resource: trimStructure(e.resource) }] : [],
  );
  return { resourceType: 'Bundle', type: bundle.type, entry };
}

function trimStructure(sd: StructureDefinition): StructureDefinition {
  const out: Record<string, unknown> = { ...sd };
  for (const key of SD_PROSE) delete out[key];
  if (sd.snapshot) out.snapshot = { element: sd.snapshot.element.map(trimElement) };
  return out as unknown as StructureDefinition;
}

function trimElement(el: ElementDefinition): ElementDefinition {
  const out: Record<string, unknown> = { ...el };
  for (const key of ELEMENT_PROSE) delete out[key];
  if (el.constraint)
    out.constraint = el.constraint.map(({ key, severity, human, expression }) => ({
      key,
      severity,
      human,
      ...(expression !== undefined ? { expression } : {}),
    }));
  if (el.binding) {
    const { strength, valueSet } = el.binding;
    out.binding = { strength, ...(valueSet !== undefined ? { valueSet } : {}) };
  }
  return out as unknown as ElementDefinition;
}
