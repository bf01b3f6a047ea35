import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@mapwright/api';
import { useMemo, useState } from 'react';
import '../editor/editor.css';
import { DiffView } from '../diff/DiffView';
import { useComparison } from '../diff/use-comparison';
import { canComment, canReview } from '../roles';
import { hrefFor } from '../routes';
import { useTRPC } from '../trpc';
import { ReviewBadge } from '../versions/ReviewBadge';
import { formatTime } from '../versions/review-state';
import { TextDialog } from '../versions/TextDialog';
import '../versions/versions.css';
import { CommentBox } from './CommentBox';
import { Timeline } from './Timeline';
import './review.css';

/**
 * A version in review: what it changes against the version before it, what the author said, who did what,
 * comments on nodes, and the decision. The server decides who may approve; this page shows its reasons.
 */
export function ReviewPage({ versionId, user }: { versionId: string; user: SessionUser }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const review = useQuery(trpc.reviews.get.queryOptions({ versionId }));
  const data = review.data;
  const compared = useComparison(data ? (data.base?.id ?? null) : null, data ? data.version.id : null);
  const [selected, setSelected] = useState<string | null>(null);
  const [requesting, setRequesting] = useState(false);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.reviews.get.queryKey({ versionId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.reviews.queue.queryKey() });
  };
  const approve = useMutation(trpc.reviews.approve.mutationOptions({ onSuccess: refresh }));
  const requestChanges = useMutation(
    trpc.reviews.requestChanges.mutationOptions({
      onSuccess: () => {
        setRequesting(false);
        refresh();
      },
    }),
  );

  const commentCounts = useMemo(() => {
    const counts: Record<string, number> = {};
    for (const a of data?.actions ?? [])
      if (a.kind === 'comment' && a.nodeId) counts[a.nodeId] = (counts[a.nodeId] ?? 0) + 1;
    return counts;
  }, [data?.actions]);

  if (review.isError) return <p role="alert">{review.error.message}</p>;
  if (!data) return <p aria-busy="true">Opening the review…</p>;
  const { version, base, state, actions, canApprove } = data;
  const submitted = [...actions].reverse().find((a) => a.kind === 'submit');
  const reviewer = canReview(user.roles);
  const commenter = canComment(user.roles);
  const decided = state === 'approved' || state === 'changes-requested';
  // Removed nodes are not part of the version: comments anchor to nodes it has.
  const anchor = selected && compared.loaded?.merged.nodeStatus[selected] !== 'removed' ? selected : null;

  return (
    <div className="review-page">
      <header className="page-head">
        <h1>
          Review: {version.mappingName} version {version.number}
        </h1>
        <ReviewBadge state={state} />
        <span className="spacer" />
        {base && (
          <span>
            against version {base.number} ({base.author})
          </span>
        )}
        <a href={hrefFor({ name: 'version', slug: version.mappingSlug, number: version.number })}>
          Open version {version.number}
        </a>
      </header>
      <section className="review-summary" aria-label="Submission">
        <p>
          <strong>{version.author}</strong> committed it {formatTime(version.createdAt)}
          {version.message ? `: ${version.message}` : ''}
        </p>
        {submitted && (
          <blockquote className="review-description" aria-label="Description">
            {submitted.body}
          </blockquote>
        )}
        <div className="review-decision">
          <button
            type="button"
            disabled={!canApprove.ok || approve.isPending || decided}
            onClick={() => approve.mutate({ versionId, gateFingerprint: data.gate.fingerprint })}
          >
            Approve
          </button>
          {reviewer && (
            <button
              type="button"
              className="secondary"
              disabled={requestChanges.isPending || decided}
              onClick={() => {
                requestChanges.reset();
                setRequesting(true);
              }}
            >
              Request changes
            </button>
          )}
          {!canApprove.ok && canApprove.reasons.length > 0 && (
            <ul className="approve-reasons" aria-label="Why you cannot approve">
              {canApprove.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
          {approve.error && <p role="alert">{approve.error.message}</p>}
        </div>
      </section>
      {!base && (
        <p className="banner">This is the mapping's first version: there is nothing to compare it with.</p>
      )}
      {compared.error && <p role="alert">{compared.error}</p>}
      {base && !compared.loaded && !compared.error && <p aria-busy="true">Comparing the versions…</p>}
      {compared.loaded && (
        <DiffView
          loaded={compared.loaded}
          selected={selected}
          onSelect={setSelected}
          commentCounts={commentCounts}
          includeCorpus={compared.includeCorpus}
          onIncludeCorpus={compared.setIncludeCorpus}
          refreshing={compared.refreshing}
          side={
            <>
              {commenter && <CommentBox versionId={versionId} nodeId={anchor} onCommented={refresh} />}
              <Timeline actions={actions} selected={selected} onSelectNode={setSelected} />
            </>
          }
        />
      )}
      {!compared.loaded && (
        <div className="review-side-alone">
          {commenter && <CommentBox versionId={versionId} nodeId={null} onCommented={refresh} />}
          <Timeline actions={actions} selected={selected} onSelectNode={setSelected} />
        </div>
      )}
      {requesting && (
        <TextDialog
          id="request-changes-title"
          title={`Request changes to version ${version.number}`}
          intro="Tell the author what to change. The note is kept with the review."
          label="Note"
          action="Request changes"
          required
          busy={requestChanges.isPending}
          error={requestChanges.error?.message ?? null}
          onSubmit={(note) => requestChanges.mutate({ versionId, note })}
          onClose={() => setRequesting(false)}
        />
      )}
    </div>
  );
}
