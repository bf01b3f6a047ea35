import { useMutation } from '@tanstack/react-query';
import type { Mapping } from '@mapwright/engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTRPC } from '../trpc';
import { clearBackup, writeBackup } from './local-backup';
import { classifySaveError, retryDelayMs, type SaveProblem } from './save-problem';
import type { EditorState, EditorStore } from './use-editor';

const QUIET_MS = 600;

/** Only what differs from the draft last saved or loaded is work to keep; a layout on opening is not. */
const hasUnsavedWork = (state: EditorState) => state.mapping !== state.saved;

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
  // Failed attempts in a row while the server does not answer: each waits longer than the last.
  const unanswered = useRef(0);

  const saveNow = useCallback(async () => {
    const schedule = (ms: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), ms);
    };
    const state = store.getState();
    if (!enabled || inFlight.current || state.saveState === 'conflict') return;
    clearTimeout(timer.current);
    const graph = state.mapping;
    const text = JSON.stringify(graph);
    if (text === lastSaved.current || !hasUnsavedWork(state)) {
      if (state.saveState !== 'saved') state.markSaved(state.draftRevision);
      // Undone back to what the server holds: whatever went wrong has nothing left to save.
      setProblem(null);
      clearBackup(localStorage, mappingId);
      return;
    }
    inFlight.current = true;
    state.markSaving();
    let failed: SaveProblem | null = null;
    try {
      const { draftRevision } = await mutateAsync({
        id: mappingId,
        expectedRevision: state.draftRevision,
        graph,
      });
      lastSaved.current = text;
      unanswered.current = 0;
      store.getState().markSaved(draftRevision);
      setProblem(null);
      if (store.getState().mapping === graph) clearBackup(localStorage, mappingId);
    } catch (error) {
      failed = classifySaveError(error);
      setProblem(failed);
      if (failed.kind === 'conflict') store.getState().markConflict();
      else store.getState().markError(failed.kind);
    } finally {
      inFlight.current = false;
    }
    if (failed === null) {
      // Edits made while the request was out are saved next.
      if (hasUnsavedWork(store.getState())) schedule(QUIET_MS);
    } else {
      // Only a server that does not answer is retried by itself; an expired session waits for the
      // analyst to sign in again, and a refusal or a conflict for their decision, so none of them
      // hammers the server with a request that is bound to fail again.
      const delay = retryDelayMs(failed, ++unanswered.current);
      if (delay !== null) schedule(delay);
    }
  }, [enabled, mappingId, mutateAsync, store]);

  useEffect(() => {
    if (!enabled) return;
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.mapping === previous.mapping) return;
      if (!hasUnsavedWork(state)) {
        // A layout on opening, a reload, an undo back to the saved draft: nothing to keep or send.
        clearBackup(localStorage, mappingId);
        if (state.saveState === 'conflict') return;
        clearTimeout(timer.current);
        setProblem(null);
        return;
      }
      writeBackup(localStorage, mappingId, {
        baseRevision: state.draftRevision,
        graph: state.mapping,
        savedAt: new Date().toISOString(),
      });
      if (state.saveState === 'conflict') return;
      clearTimeout(timer.current);
      // A new edit is a new attempt: it need not wait out the back-off of earlier failures.
      unanswered.current = 0;
      timer.current = setTimeout(() => void saveNow(), QUIET_MS);
    });
    // The browser knows when its network is back: no need to wait for the next retry.
    const online = () => void saveNow();
    window.addEventListener('online', online);
    const unsaved = () => JSON.stringify(store.getState().mapping) !== lastSaved.current;
    // Closing the tab with an edit still waiting: the browser asks first (the local backup keeps it anyway).
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (unsaved() && store.getState().saveState !== 'conflict') event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      unsubscribe();
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timer.current);
      // Leaving the editor (another screen, another mapping) sends the edit that was waiting for its pause.
      if (unsaved()) void saveNow();
    };
  }, [enabled, mappingId, saveNow, store]);

  /** After a reload the document is the server's: nothing of ours is pending. */
  const resetTo = useCallback((mapping: Mapping) => {
    lastSaved.current = JSON.stringify(mapping);
    unanswered.current = 0;
    setProblem(null);
  }, []);

  return { problem, saveNow, resetTo };
}
