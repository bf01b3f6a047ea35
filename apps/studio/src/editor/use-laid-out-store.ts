import type { MappingInput } from '@mapwright/engine';
import { useReactFlow, type FitViewOptions } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createEditorStore, needsLayout } from '../model';
import { layoutEngine } from './elk-worker';

/**
 * An editor store over a graph nobody edits (the node views read the graph from a store). A graph without
 * positions is laid out once on open and then fitted with `fit`; pass a stable `fit`, or it is laid out again.
 */
export function useLaidOutStore(graph: MappingInput, fit: FitViewOptions) {
  const [store] = useState(() => createEditorStore({ mapping: graph, draftRevision: 0 }));
  const mapping = useStore(store, (s) => s.mapping);
  const [laidOut, setLaidOut] = useState(() => !needsLayout(mapping));
  const { fitView } = useReactFlow();
  useEffect(() => {
    if (laidOut) return;
    void store
      .getState()
      .applyLayout({ asEdit: false, elk: layoutEngine() })
      .finally(() => {
        setLaidOut(true);
        requestAnimationFrame(() => void fitView(fit));
      });
  }, [fit, fitView, laidOut, store]);
  return { store, mapping, laidOut };
}
