import { z } from 'zod';

/** Where a node sits on the studio canvas; optional so hand-written mapping files stay short. */
export const Position = z.object({ x: z.number(), y: z.number() });

const nodeBase = {
  /** Stable id, unique in the mapping; edges, lineage and validation issues refer to it. */
  id: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'node ids start with a letter and use letters, digits, _ or -'),
  label: z.string().optional(),
  position: Position.optional(),
};

/**
 * A path into the parsed source, as JSONata, relative to the current context: the message root, or the
 * item of the enclosing target's for-each. `PID.F5.C1` is PID-5.1; `$msg.` starts from the message root
 * inside a for-each (e.g. `$msg.MSH.F7.C1`).
 */
export const SourceNode = z.object({
  ...nodeBase,
  type: z.literal('source'),
  path: z.string().min(1),
});

/** A JSONata expression over named inputs: each input is an incoming edge whose targetHandle is its name, read as `$name`. */
export const TransformNode = z.object({
  ...nodeBase,
  type: z.literal('transform'),
  inputs: z.array(z.string().regex(/^[a-z][A-Za-z0-9_]*$/)).default([]),
  expression: z.string().min(1),
});

export const UnmappedPolicy = z.discriminatedUnion('policy', [
  /** An unmapped code fails the message with a located error. */
  z.object({ policy: z.literal('error') }),
  /** The source code goes through unchanged. */
  z.object({ policy: z.literal('passthrough') }),
  /** A fixed target code is used instead. */
  z.object({
    policy: z.literal('default'),
    code: z.string(),
    system: z.string().optional(),
    display: z.string().optional(),
  }),
]);

/** Translates its single input (a code, or a CWE/CE component object) through a ConceptMap. */
export const LookupNode = z.object({
  ...nodeBase,
  type: z.literal('lookup'),
  /** ConceptMap id (bundled, e.g. `v2-0001`) or canonical url. */
  conceptMap: z.string().min(1),
  /** What happens to a code the map does not have; an error unless said otherwise. */
  unmapped: UnmappedPolicy.default({ policy: 'error' }),
  /** What the node emits: the target code, a Coding, or a CodeableConcept. */
  output: z.enum(['code', 'coding', 'codeableConcept']).default('code'),
});

export const ConstantNode = z.object({
  ...nodeBase,
  type: z.literal('constant'),
  value: z.json(),
});

/** How the resource is written to the server: plain create, or conditional on its identity. */
export const Identity = z.object({
  mode: z.enum(['conditional-create', 'conditional-update']),
  /** Search parameters built from elements of the produced resource, e.g. identifier -> `identifier=system|value`. */
  keys: z
    .array(
      z.object({
        searchParam: z.string().min(1),
        /** Element path inside the produced resource whose first value forms the search value. */
        element: z.string().min(1),
      }),
    )
    .min(1),
});

/** A reference from this target's resource to another target's resource in the same bundle. */
export const TargetReference = z.object({
  /** Element path of the Reference, e.g. `subject`, `encounter`, `result`. */
  element: z.string().min(1),
  /** Id of the target node referred to. */
  target: z.string().min(1),
});

export const TargetNode = z.object({
  ...nodeBase,
  type: z.literal('target'),
  resourceType: z.string().regex(/^[A-Z][A-Za-z]+$/),
  /** JSONata path relative to the parent context: one resource per item (one Observation per OBX). */
  forEach: z.string().optional(),
  /** Target whose for-each item is this target's context: Observations per OBX inside their OBR. */
  parent: z.string().optional(),
  /** JSONata over the current context; the resource is produced only when it is truthy. */
  condition: z.string().optional(),
  identity: Identity.optional(),
  references: z.array(TargetReference).default([]),
});

export const MappingNode = z.discriminatedUnion('type', [
  SourceNode,
  TransformNode,
  LookupNode,
  ConstantNode,
  TargetNode,
]);

export type SourceNode = z.infer<typeof SourceNode>;
export type TransformNode = z.infer<typeof TransformNode>;
export type LookupNode = z.infer<typeof LookupNode>;
export type ConstantNode = z.infer<typeof ConstantNode>;
export type TargetNode = z.infer<typeof TargetNode>;
export type MappingNode = z.infer<typeof MappingNode>;
export type UnmappedPolicy = z.infer<typeof UnmappedPolicy>;
export type Identity = z.infer<typeof Identity>;
