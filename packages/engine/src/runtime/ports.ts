import type { ValidationIssue } from './validation-issue';

export type TranslateResult =
  { found: true; code: string; system?: string; display?: string } | { found: false };

/** The terminology contract of ../terminology: ConceptMap translation by id or canonical url. */
export interface TerminologyPort {
  translate(mapIdOrUrl: string, code: string, system?: string): TranslateResult;
}

/** FHIR validation of a whole Bundle, e.g. @mapwright/fhir's validateBundle. */
export type ValidatorPort = (bundle: Record<string, unknown>) => ValidationIssue[];
