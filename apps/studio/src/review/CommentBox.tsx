import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../trpc';

/** A comment on the version, anchored to the node selected on the canvas when there is one. */
export function CommentBox({
  versionId,
  nodeId,
  onCommented,
}: {
  versionId: string;
  nodeId: string | null;
  onCommented: () => void;
}) {
  const trpc = useTRPC();
  const [body, setBody] = useState('');
  const comment = useMutation(
    trpc.reviews.comment.mutationOptions({
      onSuccess: () => {
        setBody('');
        onCommented();
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    comment.mutate({ versionId, body: body.trim(), ...(nodeId ? { nodeId } : {}) });
  };
  return (
    <form className="comment-box" onSubmit={submit} aria-label="Comment">
      <label className="field">
        <span className="field-label">
          {nodeId ? (
            <>
              Comment on node <code>{nodeId}</code>
            </>
          ) : (
            'Comment on the version (select a node to comment on it)'
          )}
        </span>
        <textarea rows={3} value={body} onChange={(e) => setBody(e.target.value)} aria-label="Comment text" />
      </label>
      {comment.error && <p role="alert">{comment.error.message}</p>}
      <button type="submit" disabled={comment.isPending || !body.trim()}>
        Add comment
      </button>
    </form>
  );
}
