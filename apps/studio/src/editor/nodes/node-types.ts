import type { NodeTypes } from '@xyflow/react';
import { ConstantNodeView } from './ConstantNodeView';
import { LookupNodeView } from './LookupNodeView';
import { SourceNodeView } from './SourceNodeView';
import { TargetNodeView } from './TargetNodeView';
import { TransformNodeView } from './TransformNodeView';

/** Defined once at module level: React Flow re-mounts every node when this object changes identity. */
export const nodeTypes: NodeTypes = {
  source: SourceNodeView,
  transform: TransformNodeView,
  lookup: LookupNodeView,
  constant: ConstantNodeView,
  target: TargetNodeView,
};
