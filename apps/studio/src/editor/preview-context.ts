import { createContext, useContext } from 'react';
import type { PreviewResult } from '../preview/preview-core';
import type { SampleCheck } from './all-samples';

type Issue = PreviewResult['issues'][number];

/** What the canvas shows from the latest preview: each node's value and the issues pinned to it. */
export interface CanvasPreview {
  result: PreviewResult | null;
  issuesByNode: ReadonlyMap<string, Issue[]>;
  /** The last "check all samples" run, or null before one. */
  checks: SampleCheck[] | null;
}

export const CanvasPreviewContext = createContext<CanvasPreview>({
  result: null,
  issuesByNode: new Map(),
  checks: null,
});

export function useCanvasPreview(): CanvasPreview {
  return useContext(CanvasPreviewContext);
}

export function pinIssues(result: PreviewResult | null): ReadonlyMap<string, Issue[]> {
  const byNode = new Map<string, Issue[]>();
  for (const issue of result?.issues ?? []) {
    if (!issue.nodeId) continue;
    byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
  }
  return byNode;
}
