import type { Mapping, MappingNode, TargetNode } from '../model';
import type { Fill, GraphAnalysis, TargetPlan } from './analyse-graph';
import type { IsListElement } from './element-cardinality';
import { literal, variableName } from './names';

/** Which node a stretch of the generated program came from, so an evaluation error can name it. */
export interface SourceRange {
  start: number;
  end: number;
  nodeId: string;
}

export interface EmittedProgram {
  text: string;
  ranges: SourceRange[];
}

/** Writes the program text line by line, remembering which node each line belongs to. */
function createWriter() {
  let text = '';
  const ranges: SourceRange[] = [];
  return {
    line(indent: number, content: string, nodeId?: string): void {
      const body = content
        .split('\n')
        .map((l) => (l.length > 0 ? '  '.repeat(indent) + l : l))
        .join('\n');
      const start = text.length;
      text += body + '\n';
      if (nodeId !== undefined) ranges.push({ start, end: text.length, nodeId });
    },
    blank(): void {
      text += '\n';
    },
    done: (): EmittedProgram => ({ text, ranges }),
  };
}
type Writer = ReturnType<typeof createWriter>;

const v = (nodeId: string): string => `$${variableName(nodeId)}`;

/**
 * A constant helper argument (a lookup's unmapped policy, a target's identity) as its JSON text in a
 * single-quoted JSONata string: it reads the same as the object, but JSONata evaluates one string literal
 * instead of rebuilding the object member by member on every call (the helper parses it once and caches it).
 * `\` and `'` are escaped as JSON \u escapes, so the string holds exactly the JSON text.
 */
const constantJson = (value: unknown): string =>
  `'${JSON.stringify(value).replace(/[\\']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
const comment = (text: string): string => `/* ${text.replace(/\*\//g, '* /')} */`;

/** The graph as one readable JSONata program that evaluates to a FHIR transaction Bundle. */
export function emitProgram(mapping: Mapping, graph: GraphAnalysis, isList: IsListElement): EmittedProgram {
  const w = createWriter();
  w.line(
    0,
    comment(
      `Mapwright mapping "${mapping.name}" (${mapping.id}). Generated from the graph: edit the graph, not this text.`,
    ),
  );
  w.line(0, '(');
  w.line(1, '$msg := $;');
  for (const id of graph.roots) {
    w.blank();
    emitTarget(w, 1, graph.targets.get(id) as TargetPlan, graph, isList);
  }
  w.blank();
  w.line(1, '{');
  w.line(2, '"resourceType": "Bundle",');
  w.line(2, '"type": "transaction",');
  w.line(2, `"entry": [${graph.roots.map(v).join(', ')}]`);
  w.line(1, '}');
  w.line(0, ')');
  return w.done();
}

function emitTarget(
  w: Writer,
  indent: number,
  plan: TargetPlan,
  graph: GraphAnalysis,
  isList: IsListElement,
): void {
  const t = plan.node;
  const name = variableName(t.id);
  const parent = t.parent === undefined ? undefined : variableName(t.parent);
  const title = [
    t.id,
    t.resourceType,
    t.label,
    t.forEach === undefined ? undefined : `one per ${t.forEach}${t.parent ? ` of each ${t.parent}` : ''}`,
    t.condition === undefined ? undefined : `only when ${t.condition}`,
  ]
    .filter((s): s is string => s !== undefined)
    .join(' · ');
  w.line(indent, comment(`━━ ${title} ━━`), t.id);
  if (t.forEach !== undefined) {
    const filter = t.condition === undefined ? '' : `[${t.condition}]`;
    w.line(indent, `$${name} := (${t.forEach})#$${name}_i${filter}.(`, t.id);
    w.line(
      indent + 1,
      `$${name}_key := ${parent ? `$${parent}_key & "." & ` : ''}$string($${name}_i);`,
      t.id,
    );
    // The item, by name, so targets nested under this one can read its segments: `$report_item.OBR.F3`.
    w.line(indent + 1, `$${name}_item := $;`, t.id);
  } else {
    w.line(indent, t.condition === undefined ? `$${name} := (` : `$${name} := (${t.condition}) ? (`, t.id);
    w.line(indent + 1, `$${name}_key := ${parent ? `$${parent}_key` : '"0"'};`, t.id);
  }
  w.line(indent + 1, `$${name}_url := $uuid(${literal(t.id)}, $${name}_key);`, t.id);
  for (const node of plan.valueNodes) emitValueNode(w, indent + 1, node, graph);
  for (const child of plan.children) {
    w.blank();
    emitTarget(w, indent + 1, graph.targets.get(child) as TargetPlan, graph, isList);
    w.blank();
  }
  const resource = emitResource(t, plan.fills, isList, 0);
  const identity = t.identity === undefined ? '' : `, ${constantJson(t.identity)}`;
  const entry = `$entry(${literal(t.id)}, $${name}_url, ${resource}${identity})`;
  w.line(
    indent + 1,
    plan.children.length > 0 ? `[${entry}, ${plan.children.map(v).join(', ')}]` : entry,
    t.id,
  );
  w.line(indent, ');', t.id);
}

function emitValueNode(w: Writer, indent: number, node: MappingNode, graph: GraphAnalysis): void {
  const note = node.label === undefined ? '' : ` ${comment(node.label)}`;
  const inputs = graph.incoming.get(node.id) ?? [];
  switch (node.type) {
    case 'source':
      w.line(indent, `${v(node.id)} := ${node.path};${note}`, node.id);
      return;
    case 'constant':
      w.line(indent, `${v(node.id)} := ${literal(node.value)};${note}`, node.id);
      return;
    case 'lookup': {
      const from = inputs[0] === undefined ? 'undefined' : v(inputs[0].source);
      w.line(
        indent,
        `${v(node.id)} := $translate(${from}, ${literal(node.conceptMap)}, ${constantJson(node.unmapped)}, ${literal(node.output)}, ${literal(node.id)});${note}`,
        node.id,
      );
      return;
    }
    case 'transform': {
      const bindings = node.inputs
        .map((input) => {
          const edge = inputs.find((e) => e.targetHandle === input);
          const from = edge === undefined ? 'undefined' : v(edge.source);
          return from === `$${input}` ? undefined : `$${input} := ${from};`;
        })
        .filter((s): s is string => s !== undefined);
      const body = node.expression.trim();
      if (bindings.length === 0 && !body.includes('\n')) {
        w.line(indent, `${v(node.id)} := (${body});${note}`, node.id);
        return;
      }
      w.line(indent, `${v(node.id)} := (${note}`, node.id);
      for (const b of bindings) w.line(indent + 1, b, node.id);
      w.line(indent + 1, body, node.id);
      w.line(indent, ');', node.id);
      return;
    }
    case 'target':
      return;
  }
}

interface ElementTree {
  fills: Fill[];
  children: Map<string, ElementTree>;
}

function emitResource(target: TargetNode, fills: Fill[], isList: IsListElement, indent: number): string {
  const root: ElementTree = { fills: [], children: new Map() };
  for (const fill of fills) {
    let node = root;
    for (const part of fill.element.split('.')) {
      let next = node.children.get(part);
      if (!next) {
        next = { fills: [], children: new Map() };
        node.children.set(part, next);
      }
      node = next;
    }
    node.fills.push(fill);
  }
  const members = [
    `"resourceType": ${literal(target.resourceType)}`,
    ...objectMembers(target, root, '', isList, indent),
  ];
  return `{\n${members.map((m) => '  '.repeat(indent + 1) + m).join(',\n')}\n${'  '.repeat(indent)}}`;
}

function objectMembers(
  target: TargetNode,
  tree: ElementTree,
  prefix: string,
  isList: IsListElement,
  indent: number,
): string[] {
  return [...tree.children].map(
    ([name, child]) => `${literal(name)}: ${elementValue(target, child, prefix + name, isList, indent + 1)}`,
  );
}

function elementValue(
  target: TargetNode,
  tree: ElementTree,
  path: string,
  isList: IsListElement,
  indent: number,
): string {
  const list = isList(target.resourceType, path);
  const parts = tree.fills.map((f) => fillExpression(f, list));
  if (tree.children.size > 0) {
    const members = objectMembers(target, tree, `${path}.`, isList, indent);
    parts.push(`{\n${members.map((m) => '  '.repeat(indent + 1) + m).join(',\n')}\n${'  '.repeat(indent)}}`);
  }
  return list ? `[${parts.join(', ')}]` : (parts[0] ?? 'undefined');
}

function fillExpression(fill: Fill, list: boolean): string {
  if (fill.kind === 'edge') return v(fill.nodeId);
  if (fill.via.kind === 'ancestor') return `{ "reference": $${variableName(fill.to)}_url }`;
  return `$${list ? 'refs' : 'ref'}(${v(fill.via.holder)}, ${literal(fill.to)})`;
}
