import { useMutation } from '@tanstack/react-query';
import type { Mapping } from '@mapwright/engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../trpc';
import { clearBackup, writeBackup } from './local-backup';
import { classifySaveError, type SaveProblem } from './save-problem';
import type { EditorStore } from './use-editor';

const QUIET_MS = 600;
const RETRY_MS = 5_000;

/**
 * Saves the draft a moment after the last edit, with the revision it was read at, so a concurrent
 * save by someone else is a conflict and never an overwrite. Every edit is first copied to this
 * browser's storage, so nothing is lost while the server or the session is away.
 */
export function useAutosave({
  store,
  mappingId,
  enabled,
}: {
  store: EditorStore;
  mappingId: string;
  enabled: boolean;
}) {
  const trpc = useTRPC();
  const { mutateAsync } = useMutation(trpc.mappings.saveDraft.mutationOptions());
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  // Compared as JSON: a reload or an undo back to the saved graph has nothing to save.
  const lastSaved = useRef<string>(JSON.stringify(store.getState().mapping));
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveNow = useCallback(async () => {
    const state = store.getState();
    if (!enabled || inFlight.current || state.saveState === 'conflict') return;
    const graph = state.mapping;
    const text = JSON.stringify(graph);
    if (text === lastSaved.current) {
      if (state.saveState === 'dirty') state.markSaved(state.draftRevision);
      return;
    }
    inFlight.current = true;
    state.markSaving();
    try {
      const { draftRevision } = await mutateAsync({
        id: mappingId,
        expectedRevision: state.draftRevision,
        graph,
      });
      lastSaved.current = text;
      store.getState().markSaved(draftRevision);
      setProblem(null);
      if (store.getState().mapping === graph) clearBackup(localStorage, mappingId);
    } catch (error) {
      const next = classifySaveError(error);
      setProblem(next);
      if (next.kind === 'conflict') store.getState().markConflict();
      else store.getState().markError(next.kind);
      if (next.kind === 'unreachable') timer.current = setTimeout(() => void saveNow(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
    // Edits made while the request was out are saved next.
    if (
      JSON.stringify(store.getState().mapping) !== lastSaved.current &&
      store.getState().saveState !== 'conflict'
    ) {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), QUIET_MS);
    }
  }, [enabled, mappingId, mutateAsync, store]);

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.mapping === previous.mapping) return;
      writeBackup(localStorage, mappingId, {
        baseRevision: state.draftRevision,
        graph: state.mapping,
        savedAt: new Date().toISOString(),
      });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), QUIET_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer.current);
    };
  }, [enabled, mappingId, saveNow, store]);

  /** After a reload the document is the server's: nothing of ours is pending. */
  const resetTo = useCallback((mapping: Mapping) => {
    lastSaved.current = JSON.stringify(mapping);
    setProblem(null);
  }, []);

  return { problem, saveNow, resetTo };
}
