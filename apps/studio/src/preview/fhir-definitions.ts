import { setDefinitionSource } from '@mapwright/fhir';

let loading: Promise<void> | undefined;
let loaded = false;

/**
 * Loads the R4 definitions into @mapwright/fhir, once. They are a separate ~5 MB chunk (trimmed at build
 * time), so the studio's first screen does not wait for them: the preview worker loads them at start and
 * the main thread only when a panel needs element trees.
 */
export function loadFhirDefinitions(): Promise<void> {
  loading ??= import('virtual:mapwright/r4-definitions').then(
    (module) => {
      const bundles = module.default;
      setDefinitionSource(() => bundles);
      loaded = true;
    },
    (error: unknown) => {
      // let a later call try again (a flaky network), and tell this caller
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export function fhirDefinitionsLoaded(): boolean {
  return loaded;
}
