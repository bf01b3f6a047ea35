import { useEffect, useState } from 'react';
import { fhirDefinitionsLoaded, loadFhirDefinitions } from '../preview/fhir-definitions';

/**
 * True once the R4 definitions are loaded on the main thread, starting the load on first use. The target
 * panel's `resourceTypes()` and `targetElements()` are empty until then: recompute them when this turns true.
 */
export function useFhirDefinitions(): { ready: boolean; error: string | null } {
  const [state, setState] = useState(() => ({
    ready: fhirDefinitionsLoaded(),
    error: null as string | null,
  }));
  useEffect(() => {
    if (state.ready) return;
    let live = true;
    loadFhirDefinitions().then(
      () => live && setState({ ready: true, error: null }),
      () => live && setState({ ready: false, error: 'The FHIR definitions could not be loaded.' }),
    );
    return () => {
      live = false;
    };
  }, [state.ready]);
  return state;
}
