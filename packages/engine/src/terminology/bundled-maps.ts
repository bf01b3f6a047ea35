import type { ConceptMap } from './concept-map';
import { BUNDLED_CONCEPT_MAPS } from './bundled';
import { createTerminology, type Terminology } from './terminology';

/** The HL7 v2 table ConceptMaps shipped with the engine (ids "v2-0001", "v2-0190-type", ...). */
export function bundledConceptMaps(): ConceptMap[] {
  // Copies, so a caller mutating a map cannot change what others get.
  return BUNDLED_CONCEPT_MAPS.map((map) => structuredClone(map));
}

let shared: Terminology | undefined;

/** One shared index over the bundled maps, built on first use (read-only: never hand its maps out). */
export function bundledTerminology(): Terminology {
  shared ??= createTerminology(BUNDLED_CONCEPT_MAPS);
  return shared;
}
