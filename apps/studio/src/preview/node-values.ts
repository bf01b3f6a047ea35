import jsonata from 'jsonata';
import type { CompiledMapping, StepObserver } from '@mapwright/engine';

/**
 * Each value node's value for one sample, for hover on the canvas.
 *
 * The generated program binds every value node to a variable (`$pid5 := PID.F5;`) on a line the compiler
 * attributes to that node (`ranges`). JSONata calls an exit hook after every evaluation step with the
 * step's result (the engine's coverage uses the same hook), so a private copy of the program, run with the
 * hook installed, hands us the value of each node's bind as it happens: no second interpreter and no
 * re-implementation of lookups or helpers. Only the first evaluation of a node is kept (the first item of a
 * for-each), which is what the analyst hovers over.
 */

/** A value bigger than this (as JSON) is cut: hover shows a summary, and postMessage stays cheap. */
const MAX_VALUE_CHARS = 20_000;

interface AstNode {
  type?: string;
  position?: number;
  [key: string]: unknown;
}

/**
 * An observer for the preview's one run (`RunOptions.onStep`) that keeps each value node's first value.
 * It needs no second compile or run: the positions of the node binds are the cached program's own.
 */
export function nodeValueObserver(compiled: CompiledMapping): {
  onStep: StepObserver;
  values: Record<string, unknown>;
} {
  const bindSites = bindSitesOf(compiled);
  const values: Record<string, unknown> = {};
  const onStep: StepObserver = (step, result) => {
    if (step.type !== 'bind' || step.position === undefined) return;
    const nodeId = bindSites.get(step.position);
    if (nodeId === undefined || Object.hasOwn(values, nodeId)) return;
    const plain = toPlain(result);
    if (plain !== undefined) values[nodeId] = plain;
  };
  return { onStep, values };
}

const sitesByProgram = new Map<string, Map<number, string>>();

/** nodeBindSites, remembered per program text (typing in one constant does not change the others' binds). */
function bindSitesOf(compiled: CompiledMapping): Map<number, string> {
  const key = `${compiled.program}\u0000${compiled.ranges.map((r) => `${r.nodeId}:${r.start}-${r.end}`).join(',')}`;
  let sites = sitesByProgram.get(key);
  if (!sites) {
    sites = nodeBindSites(compiled);
    if (sitesByProgram.size > 20) sitesByProgram.clear();
    sitesByProgram.set(key, sites);
  }
  return sites;
}

/**
 * Program position of each value node's own bind -> node id. A node's stretch of the program may hold
 * inner binds too (a transform's `$base := ...` and its local variables); the node's own bind is the first
 * one in its stretch, since the compiler writes `$node := (` before the body.
 */
export function nodeBindSites(compiled: CompiledMapping): Map<number, string> {
  const binds: number[] = [];
  collectBinds(jsonata(compiled.program).ast() as unknown as AstNode, binds);
  binds.sort((a, b) => a - b);
  const targets = new Set(compiled.mapping.nodes.filter((n) => n.type === 'target').map((n) => n.id));
  const first = new Map<string, number>();
  for (const range of compiled.ranges) {
    if (targets.has(range.nodeId)) continue;
    const hit = binds.find((p) => p >= range.start && p <= range.end);
    if (hit === undefined) continue;
    const seen = first.get(range.nodeId);
    if (seen === undefined || hit < seen) first.set(range.nodeId, hit);
  }
  const sites = new Map<number, string>();
  for (const [nodeId, position] of first) sites.set(position, nodeId);
  return sites;
}

function collectBinds(node: unknown, out: number[]): void {
  if (Array.isArray(node)) {
    for (const n of node) collectBinds(n, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const ast = node as AstNode;
  if (ast.type === 'bind' && typeof ast.position === 'number') out.push(ast.position);
  for (const [key, child] of Object.entries(ast)) if (key !== 'position') collectBinds(child, out);
}

/** JSONata results as plain JSON (sequences become arrays, functions disappear), size-capped. */
export function toPlain(value: unknown): unknown {
  if (value === undefined || typeof value === 'function') return undefined;
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  if (text.length > MAX_VALUE_CHARS) return { truncated: true, chars: text.length };
  return JSON.parse(text) as unknown;
}
