import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { hrefFor, navigate } from '../routes';
import { useTRPC } from '../trpc';
import { ReviewBadge } from './ReviewBadge';
import { formatTime } from './review-state';
import { TextDialog } from './TextDialog';

/**
 * Every version of the mapping, newest first: open one read-only, start a new draft from it, compare two,
 * or send one to review.
 */
export function HistoryDrawer({
  mappingId,
  slug,
  canEdit,
  draftRevision,
  onDraftReplaced,
  onClose,
}: {
  mappingId: string;
  slug: string;
  canEdit: boolean;
  /** The draft revision the editor shows: starting a draft replaces exactly that one. */
  draftRevision: () => number;
  onDraftReplaced: () => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const versions = useQuery(trpc.versions.list.queryOptions({ mappingId }));
  const [picked, setPicked] = useState<number[]>([]);
  const [confirming, setConfirming] = useState<{ id: string; number: number } | null>(null);
  const [submitting, setSubmitting] = useState<{ id: string; number: number } | null>(null);
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.versions.list.queryKey({ mappingId }) });

  const startDraft = useMutation(
    trpc.versions.startDraft.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        onDraftReplaced();
      },
    }),
  );
  const submit = useMutation(
    trpc.reviews.submit.mutationOptions({
      onSuccess: () => {
        setSubmitting(null);
        void refresh();
        void queryClient.invalidateQueries({ queryKey: trpc.reviews.queue.queryKey() });
      },
    }),
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !confirming && !submitting) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [confirming, onClose, submitting]);

  const toggle = (number: number) =>
    setPicked((list) =>
      list.includes(number) ? list.filter((n) => n !== number) : [...list, number].slice(-2),
    );
  const [a, b] = [...picked].sort((x, y) => x - y);

  return (
    <aside className="history-drawer" aria-label="History">
      <header className="history-head">
        <h2>History</h2>
        <button
          type="button"
          disabled={a === undefined || b === undefined}
          onClick={() => navigate({ name: 'compare', slug, from: a!, to: b! })}
          title="Tick two versions"
        >
          Compare
        </button>
        <button type="button" className="secondary" onClick={onClose} aria-label="Close the history">
          ×
        </button>
      </header>
      {versions.isError && <p role="alert">{versions.error.message}</p>}
      {versions.data?.length === 0 && <p>No versions yet: commit the draft to make the first.</p>}
      {confirming && (
        <div role="alertdialog" aria-labelledby="start-draft-title" className="confirm">
          <p id="start-draft-title">
            Replace the draft with version {confirming.number}? Changes in the draft that were not committed
            are lost.
          </p>
          {startDraft.error && <p role="alert">{startDraft.error.message}</p>}
          <div className="dialog-actions">
            <button
              type="button"
              disabled={startDraft.isPending}
              onClick={() =>
                startDraft.mutate({ versionId: confirming.id, expectedRevision: draftRevision() })
              }
            >
              Start the draft
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ol className="history-list">
        {versions.data?.map((v) => (
          <li key={v.id} className="history-item" data-version={v.number}>
            <div className="history-line">
              <label className="inline-check" title="Pick two to compare">
                <input
                  type="checkbox"
                  checked={picked.includes(v.number)}
                  onChange={() => toggle(v.number)}
                  aria-label={`Pick version ${v.number} to compare`}
                />
                <strong>Version {v.number}</strong>
              </label>
              <ReviewBadge state={v.reviewState} />
            </div>
            <p className="history-message">{v.message ?? 'No message'}</p>
            <p className="history-meta">
              {v.author} ·{' '}
              <time dateTime={new Date(v.createdAt).toISOString()}>{formatTime(v.createdAt)}</time>
            </p>
            <div className="history-actions">
              <a href={hrefFor({ name: 'version', slug, number: v.number })}>Open</a>
              {canEdit && (
                <button
                  type="button"
                  className="link"
                  onClick={() => setConfirming({ id: v.id, number: v.number })}
                >
                  Start a new draft from it
                </button>
              )}
              {canEdit && v.canSubmit && (
                <button
                  type="button"
                  className="link"
                  onClick={() => setSubmitting({ id: v.id, number: v.number })}
                >
                  Submit for review
                </button>
              )}
              {v.reviewState !== 'none' && (
                <a href={hrefFor({ name: 'review', versionId: v.id })}>Review page</a>
              )}
            </div>
          </li>
        ))}
      </ol>
      {submitting && (
        <TextDialog
          id="submit-review-title"
          title={`Submit version ${submitting.number} for review`}
          intro="Say what changed and what the reviewer should look at."
          label="Description"
          action="Submit for review"
          required
          busy={submit.isPending}
          error={submit.error?.message ?? null}
          onSubmit={(description) => submit.mutate({ versionId: submitting.id, description })}
          onClose={() => {
            submit.reset();
            setSubmitting(null);
          }}
        />
      )}
    </aside>
  );
}
