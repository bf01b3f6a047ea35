import jsonata from 'jsonata';
import { linearRegexProblem } from '../runtime/linear-regex';
import { engineError, type EngineError } from '../errors';
import type { Edge, Mapping, MappingNode, TargetNode } from '../model';
import { isElementPath } from './element-path';
import type { IsListElement } from './element-cardinality';
import { RESERVED_NAMES, variableName } from './names';

/** One thing written into a target element: the value of a node (via an edge) or a reference. */
export type Fill =
  | { kind: 'edge'; element: string; edgeId: string; nodeId: string }
  | { kind: 'reference'; element: string; referenceIndex: number; to: string; via: ReferenceRoute };

/** How a target finds the entries it refers to, from where it sits in the target tree. */
export type ReferenceRoute =
  /** `to` is an ancestor: its fullUrl variable is in scope. */
  | { kind: 'ancestor' }
  /** `to` lives under `holder` (a target evaluated earlier in an enclosing scope, or one of my children). */
  | { kind: 'entries'; holder: string };

export interface TargetPlan {
  node: TargetNode;
  /** Value nodes the target needs, in evaluation order (inputs before their consumers). */
  valueNodes: MappingNode[];
  fills: Fill[];
  /** Child targets (parent = me), in evaluation order. */
  children: string[];
}

export interface GraphAnalysis {
  nodes: Map<string, MappingNode>;
  incoming: Map<string, Edge[]>;
  targets: Map<string, TargetPlan>;
  /** Top-level targets (no parent), in evaluation order. */
  roots: string[];
}

type Located<T> = { ok: true; value: T } | { ok: false; errors: EngineError[] };

const VALUE_TYPES = new Set(['source', 'transform', 'lookup', 'constant']);

/** Structural checks after the zod parse; every error names the node or edge it is about. */
export function analyseGraph(mapping: Mapping, isList: IsListElement): Located<GraphAnalysis> {
  const errors: EngineError[] = [];
  const nodes = new Map<string, MappingNode>();
  const varOwners = new Map<string, string>();
  mapping.nodes.forEach((node, index) => {
    if (nodes.has(node.id)) {
      errors.push(
        engineError('duplicate-node-id', `Two nodes have the id "${node.id}".`, {
          nodeId: node.id,
          path: `nodes[${index}].id`,
        }),
      );
      return;
    }
    nodes.set(node.id, node);
    const names =
      node.type === 'target'
        ? [
            variableName(node.id),
            `${variableName(node.id)}_url`,
            `${variableName(node.id)}_key`,
            `${variableName(node.id)}_i`,
            `${variableName(node.id)}_item`,
          ]
        : [variableName(node.id)];
    for (const name of names) {
      const owner = varOwners.get(name);
      if (owner !== undefined)
        errors.push(
          engineError(
            'variable-clash',
            `Nodes "${owner}" and "${node.id}" would both be the JSONata variable $${name}; rename one.`,
            { nodeId: node.id },
          ),
        );
      varOwners.set(name, node.id);
    }
  });

  const edgeIds = new Set<string>();
  const incoming = new Map<string, Edge[]>();
  for (const edge of mapping.edges) {
    if (edgeIds.has(edge.id))
      errors.push(
        engineError('duplicate-edge-id', `Two edges have the id "${edge.id}".`, { edgeId: edge.id }),
      );
    edgeIds.add(edge.id);
    const from = nodes.get(edge.source);
    const to = nodes.get(edge.target);
    if (!from)
      errors.push(
        engineError('unknown-node', `Edge "${edge.id}" starts at unknown node "${edge.source}".`, {
          edgeId: edge.id,
        }),
      );
    if (!to)
      errors.push(
        engineError('unknown-node', `Edge "${edge.id}" ends at unknown node "${edge.target}".`, {
          edgeId: edge.id,
        }),
      );
    if (!from || !to) continue;
    if (!VALUE_TYPES.has(from.type))
      errors.push(
        engineError(
          'edge-from-target',
          `Edge "${edge.id}" starts at target "${from.id}"; use the target's references to link resources.`,
          { edgeId: edge.id, nodeId: from.id },
        ),
      );
    if (to.type === 'source' || to.type === 'constant')
      errors.push(
        engineError(
          'edge-into-input',
          `Edge "${edge.id}" ends at ${to.type} node "${to.id}", which takes no input.`,
          { edgeId: edge.id, nodeId: to.id },
        ),
      );
    if (to.type === 'target') {
      if (!edge.targetHandle)
        errors.push(
          engineError(
            'missing-target-element',
            `Edge "${edge.id}" into target "${to.id}" does not say which element it fills (targetHandle).`,
            { edgeId: edge.id, nodeId: to.id },
          ),
        );
      else if (!isElementPath(edge.targetHandle))
        errors.push(
          engineError('bad-element-path', `"${edge.targetHandle}" is not an element path like name.family.`, {
            edgeId: edge.id,
            nodeId: to.id,
            element: edge.targetHandle,
          }),
        );
    }
    if (to.type === 'transform' && !to.inputs.includes(edge.targetHandle ?? ''))
      errors.push(
        engineError(
          'unknown-input',
          `Edge "${edge.id}" goes into input "${edge.targetHandle ?? ''}" of transform "${to.id}", which has inputs ${to.inputs.join(', ') || '(none)'}.`,
          { edgeId: edge.id, nodeId: to.id },
        ),
      );
    const list = incoming.get(edge.target) ?? [];
    list.push(edge);
    incoming.set(edge.target, list);
  }

  for (const node of nodes.values()) {
    const into = incoming.get(node.id) ?? [];
    if (node.type === 'transform') {
      for (const input of node.inputs) {
        if (RESERVED_NAMES.has(input))
          errors.push(
            engineError(
              'reserved-input',
              `Input "${input}" of transform "${node.id}" would hide the function $${input}; rename it.`,
              { nodeId: node.id },
            ),
          );
        const n = into.filter((e) => e.targetHandle === input).length;
        if (n === 0)
          errors.push(
            engineError(
              'input-not-connected',
              `Input "${input}" of transform "${node.id}" is not connected.`,
              { nodeId: node.id },
            ),
          );
        if (n > 1)
          errors.push(
            engineError(
              'input-connected-twice',
              `Input "${input}" of transform "${node.id}" has ${n} wires; it takes one.`,
              { nodeId: node.id },
            ),
          );
      }
      errors.push(...checkExpression(node.expression, node.id, 'expression'));
    }
    if (node.type === 'lookup' && into.length !== 1)
      errors.push(
        engineError(
          'lookup-input',
          `Lookup "${node.id}" needs exactly one input wire (it has ${into.length}).`,
          { nodeId: node.id },
        ),
      );
    if (node.type === 'source') errors.push(...checkExpression(node.path, node.id, 'path'));
    if (node.type === 'target') {
      if (node.forEach !== undefined) errors.push(...checkExpression(node.forEach, node.id, 'forEach'));
      if (node.condition !== undefined) errors.push(...checkExpression(node.condition, node.id, 'condition'));
      if (node.parent !== undefined && nodes.get(node.parent)?.type !== 'target')
        errors.push(
          engineError(
            'unknown-parent',
            `Target "${node.id}" has parent "${node.parent}", which is not a target.`,
            { nodeId: node.id },
          ),
        );
      node.references.forEach((ref, i) => {
        if (nodes.get(ref.target)?.type !== 'target')
          errors.push(
            engineError(
              'unknown-reference',
              `Target "${node.id}" refers to "${ref.target}", which is not a target.`,
              { nodeId: node.id, element: ref.element, path: `references[${i}]` },
            ),
          );
        else if (ref.target === node.id)
          errors.push(
            engineError('self-reference', `Target "${node.id}" refers to itself.`, {
              nodeId: node.id,
              element: ref.element,
            }),
          );
        if (!isElementPath(ref.element))
          errors.push(
            engineError('bad-element-path', `"${ref.element}" is not an element path like subject.`, {
              nodeId: node.id,
              element: ref.element,
            }),
          );
      });
      for (const key of node.identity?.keys ?? [])
        if (!isElementPath(key.element))
          errors.push(
            engineError(
              'bad-element-path',
              `Identity key element "${key.element}" is not an element path like identifier.`,
              { nodeId: node.id, element: key.element },
            ),
          );
    }
  }
  errors.push(...valueCycles(nodes, incoming));
  errors.push(...parentCycles(nodes));
  if (errors.length > 0) return { ok: false, errors };

  return planTargets(mapping, nodes, incoming, isList);
}

function checkExpression(text: string, nodeId: string, field: string): EngineError[] {
  try {
    const problems = regexLiterals(jsonata(text).ast()).flatMap(({ literal, position }) => {
      const problem = linearRegexProblem(literal);
      return problem
        ? [
            engineError('bad-regex', `The ${field} of "${nodeId}": ${problem}`, {
              nodeId,
              position,
              path: field,
            }),
          ]
        : [];
    });
    return problems;
  } catch (e) {
    const err = e as { message?: string; position?: number; code?: string };
    return [
      engineError(
        'bad-expression',
        `The ${field} of "${nodeId}" is not valid JSONata: ${err.message ?? String(e)}`,
        { nodeId, position: err.position, path: field },
      ),
    ];
  }
}

/** Every regex literal in a JSONata syntax tree, with its position. */
function regexLiterals(ast: unknown): { literal: RegExp; position?: number }[] {
  const found: { literal: RegExp; position?: number }[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return;
    seen.add(node);
    const n = node as { type?: string; value?: unknown; position?: number };
    if (n.type === 'regex' && n.value instanceof RegExp)
      found.push({ literal: n.value, position: n.position });
    for (const child of Object.values(node)) walk(child);
  };
  walk(ast);
  return found;
}

function valueCycles(nodes: Map<string, MappingNode>, incoming: Map<string, Edge[]>): EngineError[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const errors: EngineError[] = [];
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const cycle = trail.slice(trail.indexOf(id));
      errors.push(
        engineError('cycle', `The nodes ${cycle.join(' -> ')} -> ${id} form a cycle.`, { nodeId: id }),
      );
      return;
    }
    state.set(id, 'visiting');
    for (const e of incoming.get(id) ?? [])
      if (nodes.has(e.source) && nodes.get(e.source)?.type !== 'target') visit(e.source, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of nodes.keys()) visit(id, []);
  return errors;
}

function parentCycles(nodes: Map<string, MappingNode>): EngineError[] {
  const errors: EngineError[] = [];
  for (const node of nodes.values()) {
    if (node.type !== 'target') continue;
    const seen = new Set([node.id]);
    let current: MappingNode | undefined = node;
    while (current?.type === 'target' && current.parent !== undefined) {
      if (seen.has(current.parent)) {
        errors.push(
          engineError('parent-cycle', `Target "${node.id}" is its own ancestor through parent links.`, {
            nodeId: node.id,
          }),
        );
        break;
      }
      seen.add(current.parent);
      current = nodes.get(current.parent);
    }
  }
  return errors;
}

function planTargets(
  mapping: Mapping,
  nodes: Map<string, MappingNode>,
  incoming: Map<string, Edge[]>,
  isList: IsListElement,
): Located<GraphAnalysis> {
  const errors: EngineError[] = [];
  const targets = mapping.nodes.filter((n): n is TargetNode => n.type === 'target');
  const chain = (id: string): string[] => {
    const out: string[] = [];
    for (
      let t: TargetNode | undefined = nodes.get(id) as TargetNode;
      t;
      t = t.parent === undefined ? undefined : (nodes.get(t.parent) as TargetNode)
    )
      out.push(t.id);
    return out;
  };
  // scope (parent id, or '' for the top level) -> "a must be evaluated before b" constraints
  const before = new Map<string, Array<[string, string, string, string]>>();
  const plans = new Map<string, TargetPlan>();

  for (const target of targets) {
    const fills: Fill[] = [];
    for (const edge of incoming.get(target.id) ?? [])
      fills.push({ kind: 'edge', element: edge.targetHandle ?? '', edgeId: edge.id, nodeId: edge.source });
    target.references.forEach((ref, referenceIndex) => {
      const mine = chain(target.id);
      const theirs = chain(ref.target);
      if (mine.includes(ref.target)) {
        fills.push({
          kind: 'reference',
          element: ref.element,
          referenceIndex,
          to: ref.target,
          via: { kind: 'ancestor' },
        });
        return;
      }
      const common = mine.find((id) => theirs.includes(id));
      const scope = common ?? '';
      const holder = theirs[common === undefined ? theirs.length - 1 : theirs.indexOf(common) - 1] as string;
      if (common !== target.id) {
        const mineInScope = mine[common === undefined ? mine.length - 1 : mine.indexOf(common) - 1] as string;
        const list = before.get(scope) ?? [];
        list.push([holder, mineInScope, target.id, ref.element]);
        before.set(scope, list);
      }
      fills.push({
        kind: 'reference',
        element: ref.element,
        referenceIndex,
        to: ref.target,
        via: { kind: 'entries', holder },
      });
    });
    errors.push(...checkFills(target, fills, isList));
    plans.set(target.id, {
      node: target,
      valueNodes: valueNodesFor(target.id, nodes, incoming),
      fills,
      children: [],
    });
  }

  const scopes = new Map<string, string[]>();
  for (const t of targets) {
    const scope = t.parent ?? '';
    scopes.set(scope, [...(scopes.get(scope) ?? []), t.id]);
  }
  for (const [scope, members] of scopes) {
    const ordered = orderScope(members, before.get(scope) ?? []);
    if (!ordered.ok) {
      errors.push(...ordered.errors);
      continue;
    }
    if (scope !== '') (plans.get(scope) as TargetPlan).children = ordered.value;
  }
  if (errors.length > 0) return { ok: false, errors };
  const roots = orderScope(scopes.get('') ?? [], before.get('') ?? []);
  if (!roots.ok) return roots;
  return { ok: true, value: { nodes, incoming, targets: plans, roots: roots.value } };
}

function checkFills(target: TargetNode, fills: Fill[], isList: IsListElement): EngineError[] {
  const errors: EngineError[] = [];
  const byElement = new Map<string, Fill[]>();
  for (const f of fills) byElement.set(f.element, [...(byElement.get(f.element) ?? []), f]);
  for (const [element, list] of byElement) {
    if (list.length > 1 && !isList(target.resourceType, element))
      errors.push(
        engineError(
          'single-element-filled-twice',
          `${target.resourceType}.${element} holds one value but ${list.length} wires or references fill it.`,
          { nodeId: target.id, element },
        ),
      );
    for (const other of byElement.keys())
      if (other.startsWith(`${element}.`) && !isList(target.resourceType, element))
        errors.push(
          engineError(
            'element-filled-whole-and-in-parts',
            `${target.resourceType}.${element} is filled whole and also through ${other}.`,
            { nodeId: target.id, element },
          ),
        );
  }
  return errors;
}

/** Value nodes feeding a target, inputs first, in a stable order. */
function valueNodesFor(
  targetId: string,
  nodes: Map<string, MappingNode>,
  incoming: Map<string, Edge[]>,
): MappingNode[] {
  const out: MappingNode[] = [];
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const e of incoming.get(id) ?? []) visit(e.source);
    const node = nodes.get(id);
    if (node && node.type !== 'target') out.push(node);
  };
  for (const e of incoming.get(targetId) ?? []) visit(e.source);
  return out;
}

function orderScope(
  members: string[],
  constraints: Array<[string, string, string, string]>,
): Located<string[]> {
  const out: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const errors: EngineError[] = [];
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const c = constraints.find(([, b]) => b === id);
      errors.push(
        engineError(
          'reference-cycle',
          `Targets refer to each other in a circle through "${id}"; one of them must be the parent of the other.`,
          { nodeId: c?.[2] ?? id, element: c?.[3] },
        ),
      );
      return;
    }
    state.set(id, 'visiting');
    for (const [a, b] of constraints) if (b === id) visit(a);
    state.set(id, 'done');
    out.push(id);
  };
  for (const id of members) visit(id);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: out };
}
