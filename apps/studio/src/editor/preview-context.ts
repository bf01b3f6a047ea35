import { createContext, useContext } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { PreviewResult } from '../preview/preview-core';
import type { SampleCheck } from './all-samples';

type Issue = PreviewResult['issues'][number];

/** What the canvas shows from the latest preview: each node's value and the issues pinned to it. */
export interface CanvasPreview {
  result: PreviewResult | null;
  issuesByNode: ReadonlyMap<string, Issue[]>;
  /** The last "check all samples" run, or null before one. */
  checks: SampleCheck[] | null;
  /** A newer edit is being previewed. */
  pending: boolean;
  /** The worker itself failed (not the mapping). */
  workerError: string | null;
}

const EMPTY: CanvasPreview = {
  result: null,
  issuesByNode: new Map(),
  checks: null,
  pending: false,
  workerError: null,
};

export function createPreviewStore(): StoreApi<CanvasPreview> {
  return createStore<CanvasPreview>()(() => EMPTY);
}

/**
 * A store, not a plain context value: each canvas node subscribes to the little it shows (its value as
 * text, its issues), so a new preview re-renders only the nodes whose display changed, not all 300.
 */
export const CanvasPreviewContext = createContext<StoreApi<CanvasPreview>>(createPreviewStore());

/** The whole preview: for panels and inspectors, which show much of it. */
export function useCanvasPreview(): CanvasPreview {
  return useStore(useContext(CanvasPreviewContext));
}

/** One derived slice; return strings or other values compared by `===`. */
export function useCanvasPreviewSelect<T>(selector: (preview: CanvasPreview) => T): T {
  return useStore(useContext(CanvasPreviewContext), selector);
}

export function pinIssues(result: PreviewResult | null): ReadonlyMap<string, Issue[]> {
  const byNode = new Map<string, Issue[]>();
  for (const issue of result?.issues ?? []) {
    if (!issue.nodeId) continue;
    byNode.set(issue.nodeId, [...(byNode.get(issue.nodeId) ?? []), issue]);
  }
  return byNode;
}
