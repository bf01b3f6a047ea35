import { z } from 'zod';

/**
 * The subset of FHIR R4 ConceptMap that Mapwright reads and writes. Unknown fields are stripped, so a full
 * ConceptMap from a terminology server imports; what we keep round-trips as valid FHIR R4.
 */

export const ConceptMapEquivalence = z.enum([
  'relatedto',
  'equivalent',
  'equal',
  'wider',
  'subsumes',
  'narrower',
  'specializes',
  'inexact',
  'unmatched',
  'disjoint',
]);

const nonEmpty = z.string().min(1, 'must not be empty');

export const ConceptMapTarget = z.object({
  /** Absent only with equivalence "unmatched": the source code is known to have no target. */
  code: nonEmpty.optional(),
  display: z.string().optional(),
  equivalence: ConceptMapEquivalence,
  comment: z.string().optional(),
});

export const ConceptMapElement = z.object({
  code: nonEmpty,
  display: z.string().optional(),
  target: z.array(ConceptMapTarget).optional(),
});

export const ConceptMapUnmapped = z.object({
  mode: z.enum(['provided', 'fixed', 'other-map']),
  code: nonEmpty.optional(),
  display: z.string().optional(),
  url: nonEmpty.optional(),
});

export const ConceptMapGroup = z.object({
  /** Source code system URI. */
  source: nonEmpty.optional(),
  sourceVersion: z.string().optional(),
  /** Target code system URI. */
  target: nonEmpty.optional(),
  targetVersion: z.string().optional(),
  element: z.array(ConceptMapElement),
  unmapped: ConceptMapUnmapped.optional(),
});

export const ConceptMap = z.object({
  resourceType: z.literal('ConceptMap'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR id (letters, digits, "-", ".", at most 64)'),
  url: nonEmpty.optional(),
  version: z.string().optional(),
  name: z.string().optional(),
  title: z.string().optional(),
  status: z.enum(['draft', 'active', 'retired', 'unknown']),
  description: z.string().optional(),
  sourceUri: nonEmpty.optional(),
  sourceCanonical: nonEmpty.optional(),
  targetUri: nonEmpty.optional(),
  targetCanonical: nonEmpty.optional(),
  group: z.array(ConceptMapGroup),
});

export type ConceptMapEquivalence = z.infer<typeof ConceptMapEquivalence>;
export type ConceptMapTarget = z.infer<typeof ConceptMapTarget>;
export type ConceptMapElement = z.infer<typeof ConceptMapElement>;
export type ConceptMapUnmapped = z.infer<typeof ConceptMapUnmapped>;
export type ConceptMapGroup = z.infer<typeof ConceptMapGroup>;
export type ConceptMap = z.infer<typeof ConceptMap>;

/** A problem found importing a ConceptMap, located by JSON path or CSV line. */
export interface ConceptMapIssue {
  code: 'invalid-json' | 'invalid-concept-map' | 'invalid-csv' | 'invalid-option';
  message: string;
  at: { path?: string; line?: number; column?: number };
}

export type ConceptMapResult =
  { ok: true; conceptMap: ConceptMap } | { ok: false; errors: ConceptMapIssue[] };
