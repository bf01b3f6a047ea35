export {
  ConceptMap,
  ConceptMapElement,
  ConceptMapEquivalence,
  ConceptMapGroup,
  ConceptMapTarget,
  ConceptMapUnmapped,
  type ConceptMapIssue,
  type ConceptMapResult,
} from './concept-map';
export { createTerminology, type Terminology, type TranslationResult } from './terminology';
export { conceptMapFromJson } from './import-json';
export { conceptMapFromCsv, type ConceptMapCsvOptions } from './import-csv';
export { bundledConceptMaps, bundledTerminology } from './bundled-maps';
