import { z } from 'zod';
import { MappingNode } from './nodes';

/**
 * A wire. Into a target node, `targetHandle` is the FHIR element path it fills (`name.family`,
 * `identifier`, `valueQuantity`); into a transform, the input name; into a lookup, `code`.
 */
export const Edge = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  sourceHandle: z.string().optional(),
  target: z.string().min(1),
  targetHandle: z.string().optional(),
});

export const CsvOptions = z.object({
  delimiter: z.string().length(1).default(','),
  quote: z.string().length(1).default('"'),
});

export const SourceFormat = z.enum(['hl7v2', 'csv', 'json']);

export const MappingSource = z.object({
  format: SourceFormat,
  /** HL7 v2 message types the mapping accepts (`ADT^A01`); empty accepts any. */
  messageTypes: z.array(z.string()).default([]),
  csv: CsvOptions.optional(),
});

export const MappingSettings = z.object({
  /**
   * Zone for HL7 timestamps that carry no offset: `-05:00`, `-0500`, `Z`, or an IANA name such as
   * `America/New_York` (DST-aware); UTC when unset. Checked when the mapping compiles.
   */
  defaultTimeZone: z.string().min(1).optional(),
  /**
   * Base URI for coding systems known only by a local name (`L`, `99ZZZ`): the system becomes base + name.
   * Unset: such codings keep code and display but carry no system.
   */
  localCodeSystemBase: z.url().optional(),
  /**
   * Base URI for assigning authorities known only by a local namespace (`ADT1`): the identifier system
   * becomes base + namespace. Unset: no system, and the namespace is kept as `assigner.display`.
   */
  localIdentifierSystemBase: z.url().optional(),
});

/** The mapping graph: the file format in mappings/, the studio's document, and the JSON in the database. */
export const Mapping = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string().optional(),
  source: MappingSource,
  settings: MappingSettings.default({}),
  nodes: z.array(MappingNode),
  edges: z.array(Edge),
});

export type Edge = z.infer<typeof Edge>;
export type CsvOptions = z.infer<typeof CsvOptions>;
export type SourceFormat = z.infer<typeof SourceFormat>;
export type Mapping = z.infer<typeof Mapping>;
/** A mapping as written in a file, before defaults are applied. */
export type MappingInput = z.input<typeof Mapping>;
