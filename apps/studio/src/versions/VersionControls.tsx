import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { EditorStore } from '../editor/use-editor';
import { useTRPC } from '../trpc';
import { HistoryDrawer } from './HistoryDrawer';
import { TextDialog } from './TextDialog';
import './versions.css';

/** The editor's "Commit version" and "History": the draft becomes versions, versions become drafts. */
export function VersionControls({
  mappingId,
  slug,
  canEdit,
  store,
  saveNow,
  onDraftReplaced,
}: {
  mappingId: string;
  slug: string;
  canEdit: boolean;
  store: EditorStore;
  saveNow: () => Promise<void>;
  onDraftReplaced: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [committing, setCommitting] = useState(false);
  const [history, setHistory] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const commit = useMutation(
    trpc.versions.commit.mutationOptions({
      onSuccess: (version) => {
        setCommitting(false);
        setDone(`Version ${version.number} committed.`);
        void queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ mappingId }) });
      },
    }),
  );

  /** The version is what the analyst sees: the pending edit is saved first, then that revision committed. */
  const commitDraft = async (message: string) => {
    setSaveError(null);
    await saveNow();
    const state = await settled(store);
    if (state !== 'saved') {
      setSaveError(
        'The draft could not be saved, so there is nothing safe to commit yet. Check the banner above.',
      );
      return;
    }
    commit.mutate({ mappingId, expectedRevision: store.getState().draftRevision, message });
  };

  return (
    <>
      {done && (
        <span className="commit-done" role="status">
          {done}
        </span>
      )}
      {canEdit && (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            commit.reset();
            setSaveError(null);
            setDone(null);
            setCommitting(true);
          }}
        >
          Commit version
        </button>
      )}
      <button
        type="button"
        className="secondary"
        aria-expanded={history}
        onClick={() => setHistory((open) => !open)}
      >
        History
      </button>
      {committing && (
        <TextDialog
          id="commit-title"
          title="Commit a version"
          intro="The draft becomes the next immutable version: it can be reviewed, compared and deployed."
          label="Message"
          placeholder="What changed and why"
          rows={3}
          action="Commit"
          busyAction="Committing…"
          required
          busy={commit.isPending}
          error={saveError ?? commit.error?.message ?? null}
          onSubmit={(message) => void commitDraft(message)}
          onClose={() => setCommitting(false)}
        />
      )}
      {history && (
        <HistoryDrawer
          mappingId={mappingId}
          slug={slug}
          canEdit={canEdit}
          draftRevision={() => store.getState().draftRevision}
          onDraftReplaced={onDraftReplaced}
          onClose={() => setHistory(false)}
        />
      )}
    </>
  );
}

/** Waits out a save in flight (at most 15 s) and tells how it ended. */
async function settled(store: EditorStore): Promise<string> {
  for (let waited = 0; waited < 15_000; waited += 100) {
    const { saveState } = store.getState();
    if (saveState !== 'saving' && saveState !== 'dirty') return saveState;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return store.getState().saveState;
}
