import { freePosition } from './node-size';
import {
  MappingNode,
  type ConstantNode,
  type Edge,
  type LookupNode,
  type Mapping,
  type TargetNode,
  type TransformNode,
  type UnmappedPolicy,
} from '@mapwright/engine';
import { refuse, type GraphResult } from './graph-error';
import {
  ELEMENT_PATH,
  INPUT_NAME,
  columnPosition,
  type NodePosition,
  findNode,
  nextInputName,
  reaches,
  withoutUndefined,
} from './graph-query';
import { nextEdgeId, nextNodeId, sourceIdPrefix } from './node-ids';
import { forEachScopes, relativeSourcePath } from './source-path';

/** Validates a node the editor built and appends it; zod fills the defaults the file format leaves out. */
function appendNode(m: Mapping, draft: Record<string, unknown>): GraphResult<{ nodeId: string }> {
  const parsed = MappingNode.safeParse(withoutUndefined(draft));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse('invalid-node', `${issue.path.join('.') || 'node'}: ${issue.message}`, {
      nodeId: String(draft.id),
    });
  }
  const node = parsed.data.position
    ? { ...parsed.data, position: freePosition(m, parsed.data, parsed.data.position) }
    : parsed.data;
  return { ok: true, mapping: { ...m, nodes: [...m.nodes, node] }, nodeId: node.id };
}

export interface AddSourceInput {
  path: string;
  label?: string;
  position?: NodePosition;
}

/** A source node for `path`; an existing source node reading the same path is reused, not duplicated. */
export function addSourceNode(m: Mapping, input: AddSourceInput): GraphResult<{ nodeId: string }> {
  const existing = m.nodes.find((n) => n.type === 'source' && n.path === input.path);
  if (existing) return { ok: true, mapping: m, nodeId: existing.id };
  return appendNode(m, {
    id: nextNodeId(m, sourceIdPrefix(input.path), { type: 'source' }),
    type: 'source',
    label: input.label,
    position: input.position ?? columnPosition(m, 'source'),
    path: input.path,
  });
}

export interface AddTargetInput {
  resourceType: string;
  position?: NodePosition;
  label?: string;
  forEach?: string;
  parent?: string;
}

export function addTargetNode(m: Mapping, input: AddTargetInput): GraphResult<{ nodeId: string }> {
  if (input.parent !== undefined && findNode(m, input.parent)?.type !== 'target')
    return refuse('not-a-target', `The parent "${input.parent}" is not a target.`, { nodeId: input.parent });
  return appendNode(m, {
    id: nextNodeId(m, input.resourceType.charAt(0).toLowerCase() + input.resourceType.slice(1), {
      type: 'target',
    }),
    type: 'target',
    label: input.label,
    position: input.position ?? columnPosition(m, 'target'),
    resourceType: input.resourceType,
    forEach: input.forEach,
    parent: input.parent,
  } satisfies Partial<TargetNode>);
}

export interface AddTransformInput {
  expression: string;
  inputs?: string[];
  position?: NodePosition;
  label?: string;
}

export function addTransform(m: Mapping, input: AddTransformInput): GraphResult<{ nodeId: string }> {
  const inputs = input.inputs ?? [];
  const bad = inputs.find((name) => !INPUT_NAME.test(name));
  if (bad !== undefined || new Set(inputs).size !== inputs.length)
    return refuse(
      'bad-input-name',
      bad === undefined
        ? 'Each input of a transform needs its own name.'
        : `"${bad}" is not an input name: start with a lower-case letter, then letters, digits or _.`,
    );
  return appendNode(m, {
    id: nextNodeId(m, 'transform', { type: 'transform' }),
    type: 'transform',
    label: input.label,
    position: input.position,
    inputs,
    expression: input.expression,
  } satisfies Partial<TransformNode>);
}

export interface AddLookupInput {
  conceptMap: string;
  position?: NodePosition;
  output?: LookupNode['output'];
  unmapped?: UnmappedPolicy;
  label?: string;
}

export function addLookup(m: Mapping, input: AddLookupInput): GraphResult<{ nodeId: string }> {
  return appendNode(m, {
    id: nextNodeId(m, 'lookup', { type: 'lookup' }),
    type: 'lookup',
    label: input.label,
    position: input.position,
    conceptMap: input.conceptMap,
    output: input.output,
    unmapped: input.unmapped,
  } satisfies Partial<LookupNode>);
}

export interface AddConstantInput {
  value: ConstantNode['value'];
  position?: NodePosition;
  label?: string;
}

export function addConstant(m: Mapping, input: AddConstantInput): GraphResult<{ nodeId: string }> {
  return appendNode(m, {
    id: nextNodeId(m, 'constant', { type: 'constant' }),
    type: 'constant',
    label: input.label,
    position: input.position,
    value: input.value,
  } satisfies Partial<ConstantNode>);
}

export interface ConnectInput {
  source: string;
  sourceHandle?: string;
  target: string;
  /** Into a transform: the input name (a new one is added; empty picks `in`, `in2`…); into a target: the element path. */
  targetHandle?: string;
}

/**
 * Adds a wire, following what the compiler accepts: into a transform the handle is an input name (added to
 * `inputs` when new), into a lookup it is `code`, into a target an element path. A transform input and a
 * lookup take one wire, so a new wire replaces the old one there; a target element may take several (list
 * elements), which the compiler checks against the FHIR definitions.
 */
export function connect(m: Mapping, input: ConnectInput): GraphResult<{ edgeId: string }> {
  const from = findNode(m, input.source);
  const to = findNode(m, input.target);
  if (!from || !to) {
    const missing = from ? input.target : input.source;
    return refuse('unknown-node', `There is no node "${missing}".`, { nodeId: missing });
  }
  if (from.id === to.id)
    return refuse('self-loop', `A wire cannot go from "${from.id}" into itself.`, { nodeId: from.id });
  if (from.type === 'target')
    return refuse(
      'edge-from-target',
      `Target "${from.id}" has no output wire; link resources through the target's references.`,
      { nodeId: from.id },
    );
  if (to.type === 'source' || to.type === 'constant')
    return refuse('edge-into-input', `The ${to.type} node "${to.id}" takes no input.`, { nodeId: to.id });

  let handle: string;
  if (to.type === 'lookup') handle = 'code';
  else if (to.type === 'transform') {
    handle = input.targetHandle || nextInputName(to.inputs);
    if (!INPUT_NAME.test(handle))
      return refuse(
        'bad-input-name',
        `"${handle}" is not an input name: start with a lower-case letter, then letters, digits or _.`,
        { nodeId: to.id },
      );
  } else {
    handle = input.targetHandle ?? '';
    if (!ELEMENT_PATH.test(handle))
      return refuse('bad-element-path', `"${handle}" is not an element path like name.family.`, {
        nodeId: to.id,
        element: handle,
      });
  }

  const duplicate = m.edges.find(
    (e) =>
      e.source === from.id &&
      e.target === to.id &&
      (e.sourceHandle ?? '') === (input.sourceHandle ?? '') &&
      (e.targetHandle ?? '') === handle,
  );
  if (duplicate)
    return refuse('duplicate-edge', `"${from.id}" is already wired to ${handle} of "${to.id}".`, {
      edgeId: duplicate.id,
    });
  if (reaches(m, to.id, from.id))
    return refuse('cycle', `Wiring "${from.id}" into "${to.id}" would make a cycle.`, { nodeId: to.id });

  const replaced = (e: Edge) =>
    e.target === to.id && (to.type === 'lookup' || (to.type === 'transform' && e.targetHandle === handle));
  const edge: Edge = withoutUndefined({
    id: nextEdgeId(m, from.id, to.id, handle),
    source: from.id,
    sourceHandle: input.sourceHandle,
    target: to.id,
    targetHandle: handle,
  });
  const nodes =
    to.type === 'transform' && !to.inputs.includes(handle)
      ? m.nodes.map((n) => (n.id === to.id ? { ...to, inputs: [...to.inputs, handle] } : n))
      : m.nodes;
  return {
    ok: true,
    mapping: { ...m, nodes, edges: [...m.edges.filter((e) => !replaced(e)), edge] },
    edgeId: edge.id,
  };
}

/** The target a drop lands on: the one named, else the first of that resource type, else a new one. */
function ensureTarget(
  m: Mapping,
  resourceType: string,
  targetNodeId: string | undefined,
): GraphResult<{ nodeId: string }> {
  if (targetNodeId !== undefined) {
    const named = findNode(m, targetNodeId);
    if (named?.type !== 'target')
      return refuse('not-a-target', `"${targetNodeId}" is not a target.`, { nodeId: targetNodeId });
    return { ok: true, mapping: m, nodeId: named.id };
  }
  const first = m.nodes.find((n) => n.type === 'target' && n.resourceType === resourceType);
  if (first) return { ok: true, mapping: m, nodeId: first.id };
  return addTargetNode(m, { resourceType });
}

/** Removes the wires filling one element of a target: an element dropped onto holds the new value only. */
const clearElement = (m: Mapping, targetId: string, element: string): Mapping => ({
  ...m,
  edges: m.edges.filter((e) => !(e.target === targetId && e.targetHandle === element)),
});

export interface MapSourceInput {
  path: string;
  label?: string;
  resourceType: string;
  element: string;
  targetNodeId?: string;
}

/**
 * A source field dropped straight onto a target element. The path is made relative to the target's
 * for-each (see relativeSourcePath), the source node is reused when one reads that path already, and the
 * element's previous wire, if any, is replaced.
 */
export function mapSourceToElement(
  m: Mapping,
  input: MapSourceInput,
): GraphResult<{ sourceNodeId: string; targetNodeId: string; edgeId: string }> {
  if (!ELEMENT_PATH.test(input.element))
    return refuse('bad-element-path', `"${input.element}" is not an element path like name.family.`, {
      element: input.element,
    });
  const target = ensureTarget(m, input.resourceType, input.targetNodeId);
  if (!target.ok) return target;
  const path = relativeSourcePath(input.path, forEachScopes(target.mapping, target.nodeId));
  const source = addSourceNode(target.mapping, { path, label: input.label });
  if (!source.ok) return source;
  const wired = connect(clearElement(source.mapping, target.nodeId, input.element), {
    source: source.nodeId,
    target: target.nodeId,
    targetHandle: input.element,
  });
  if (!wired.ok) return wired;
  return { ...wired, sourceNodeId: source.nodeId, targetNodeId: target.nodeId };
}

export interface ConnectToElementInput {
  source: string;
  sourceHandle?: string;
  resourceType: string;
  element: string;
  targetNodeId?: string;
}

/** A wire from an existing node dropped on a target element (of the target tree): replaces that element's wire. */
export function connectToElement(
  m: Mapping,
  input: ConnectToElementInput,
): GraphResult<{ targetNodeId: string; edgeId: string }> {
  if (!ELEMENT_PATH.test(input.element))
    return refuse('bad-element-path', `"${input.element}" is not an element path like name.family.`, {
      element: input.element,
    });
  const target = ensureTarget(m, input.resourceType, input.targetNodeId);
  if (!target.ok) return target;
  const same = target.mapping.edges.find(
    (e) =>
      e.source === input.source &&
      e.target === target.nodeId &&
      e.targetHandle === input.element &&
      (e.sourceHandle ?? '') === (input.sourceHandle ?? ''),
  );
  if (same) return { ok: true, mapping: m, targetNodeId: target.nodeId, edgeId: same.id };
  const wired = connect(clearElement(target.mapping, target.nodeId, input.element), {
    source: input.source,
    ...(input.sourceHandle === undefined ? {} : { sourceHandle: input.sourceHandle }),
    target: target.nodeId,
    targetHandle: input.element,
  });
  if (!wired.ok) return wired;
  return { ...wired, targetNodeId: target.nodeId };
}
