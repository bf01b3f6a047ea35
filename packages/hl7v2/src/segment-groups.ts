import type { StructureNode } from './dictionary';
import { safeSegmentId } from './envelope';
import type { Hl7GroupNode, Hl7Segment, ParseIssue } from './types';

interface Frame {
  def: StructureNode;
  node: Hl7GroupNode;
  /** Index of the child slot filled last; -1 before any. */
  pos: number;
  counts: number[];
  /** Segment index that opened this instance, for locating warnings. */
  openedAt: number;
  /** "message ORU_R01" or "group OBSERVATION", for warnings. */
  label: string;
}

type Mode = 'first' | 'all';

const isZSegment = (id: string): boolean => id.charCodeAt(0) === 0x5a; /* Z */

function groupHas(def: StructureNode, id: string, mode: Mode): boolean {
  return (mode === 'first' ? def.first : def.all)?.has(id) ?? false;
}

/** Path of child indexes into a new instance of `def` leading to a slot for `id`. */
function pathInNewGroup(def: StructureNode, id: string, mode: Mode): number[] | null {
  const children = def.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.children) {
      if (groupHas(c, id, mode)) {
        const sub = pathInNewGroup(c, id, mode);
        if (sub) return [i, ...sub];
      }
    } else if (c.accepts?.includes(id)) {
      return [i];
    }
    // Strict mode opens a group only on a segment that may legally come first in it.
    if (mode === 'first' && c.min >= 1) return null;
  }
  return null;
}

/** Path from an open instance: a later slot, or the current one if it may repeat. */
function pathInFrame(frame: Frame, id: string, mode: Mode): number[] | null {
  const children = frame.def.children ?? [];
  for (let i = Math.max(frame.pos, 0); i < children.length; i++) {
    const c = children[i];
    if (i === frame.pos && frame.counts[i] >= c.max) continue;
    if (c.children) {
      if (groupHas(c, id, mode)) {
        const sub = pathInNewGroup(c, id, mode);
        if (sub) return [i, ...sub];
      }
    } else if (c.accepts?.includes(id)) {
      return [i];
    }
  }
  return null;
}

function closeFrame(frame: Frame, segments: readonly Hl7Segment[], warnings: ParseIssue[]): void {
  const children = frame.def.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    if (c.min < 1 || frame.counts[i] > 0) continue;
    const opener = segments[frame.openedAt];
    warnings.push({
      code: c.children ? 'MISSING_REQUIRED_GROUP' : 'MISSING_REQUIRED_SEGMENT',
      message: `Required ${c.children ? 'group' : 'segment'} ${c.name} is missing from ${frame.label}`,
      at: { segmentIndex: frame.openedAt, segment: opener?.id, line: opener?.line, offset: opener?.offset },
    });
  }
}

/**
 * Arranges segments into the groups of a message structure with a greedy walker: each segment
 * goes to the deepest open group that can take it (opening new group instances on their first
 * segments); failing that, to a group that contains it anywhere (the anchor segment is missing);
 * failing that, it stays at the deepest open level with a warning. No segment is ever dropped.
 */
export function groupSegments(
  structureId: string,
  def: StructureNode,
  segments: readonly Hl7Segment[],
  warnings: ParseIssue[],
): Hl7GroupNode {
  const root: Hl7GroupNode = { name: structureId, children: [] };
  const stack: Frame[] = [
    {
      def,
      node: root,
      pos: -1,
      counts: new Array<number>(def.children?.length ?? 0).fill(0),
      openedAt: 0,
      label: `message ${structureId}`,
    },
  ];

  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s];
    let placed = false;
    for (const mode of ['first', 'all'] as const) {
      for (let depth = stack.length - 1; depth >= 0 && !placed; depth--) {
        const path = pathInFrame(stack[depth], seg.id, mode);
        if (!path) continue;
        while (stack.length - 1 > depth) closeFrame(stack.pop() as Frame, segments, warnings);
        if (mode === 'all') {
          warnings.push({
            code: 'MISSING_GROUP_ANCHOR',
            message: `${seg.id} opens a group whose leading required segment is missing`,
            at: { segmentIndex: s, segment: seg.id, line: seg.line, offset: seg.offset },
          });
        }
        let frame = stack[stack.length - 1];
        for (let p = 0; p < path.length; p++) {
          const idx = path[p];
          const child = (frame.def.children ?? [])[idx];
          frame.counts[idx]++;
          frame.pos = idx;
          if (p === path.length - 1) {
            frame.node.children.push({ kind: 'segment', segment: seg });
          } else {
            const node: Hl7GroupNode = { name: child.name, children: [] };
            frame.node.children.push({ kind: 'group', group: node });
            frame = {
              def: child,
              node,
              pos: -1,
              counts: new Array<number>(child.children?.length ?? 0).fill(0),
              openedAt: s,
              label: `group ${child.name}`,
            };
            stack.push(frame);
          }
        }
        placed = true;
      }
      if (placed) break;
    }
    if (!placed) {
      const frame = stack[stack.length - 1];
      frame.node.children.push({ kind: 'segment', segment: seg });
      // Z-segments are local extensions: not in any structure, and not a defect.
      if (!isZSegment(seg.id)) {
        const known = def.all?.has(seg.id);
        // An unknown id may be a wrapped line of text (data): named only when it looks like an id.
        const id = known ? seg.id : safeSegmentId(seg.id);
        const issue: ParseIssue = {
          code: known ? 'SEGMENT_OUT_OF_ORDER' : 'UNEXPECTED_SEGMENT',
          message: known
            ? `${seg.id} is out of order or repeated beyond the ${structureId} structure; kept in ${frame.def.name}`
            : `${id ?? 'A segment with an invalid id'} is not part of ${structureId}; kept in ${frame.def.name}`,
          at: { segmentIndex: s, segment: id, line: seg.line, offset: seg.offset },
        };
        if (id === undefined) issue.detail = { value: seg.id.slice(0, 200) };
        warnings.push(issue);
      }
    }
  }
  while (stack.length > 0) closeFrame(stack.pop() as Frame, segments, warnings);
  return root;
}

/** The flat arrangement used when the structure is unknown. */
export function flatGroup(name: string, segments: readonly Hl7Segment[]): Hl7GroupNode {
  return { name, children: segments.map((segment) => ({ kind: 'segment', segment })) };
}
