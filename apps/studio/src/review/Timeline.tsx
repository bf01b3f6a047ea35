import { formatTime } from '../versions/review-state';

export interface ReviewAction {
  id: string;
  kind: 'submit' | 'comment' | 'approve' | 'request_changes';
  actor: string;
  body: string;
  nodeId: string | null;
  createdAt: string | Date;
}

const VERB: Record<ReviewAction['kind'], string> = {
  submit: 'submitted for review',
  comment: 'commented',
  approve: 'approved',
  request_changes: 'requested changes',
};

/** Who did what and when, oldest first; a comment on a node selects that node. */
export function Timeline({
  actions,
  selected,
  onSelectNode,
}: {
  actions: readonly ReviewAction[];
  selected: string | null;
  onSelectNode: (nodeId: string) => void;
}) {
  return (
    <section className="timeline" aria-label="Review timeline">
      <h3>Timeline</h3>
      {actions.length === 0 && <p>Nothing yet.</p>}
      <ol>
        {actions.map((a) => (
          <li key={a.id} className={`timeline-${a.kind}`} data-action={a.kind}>
            <p className="timeline-head">
              <strong>{a.actor}</strong> {VERB[a.kind]}
              {a.nodeId && (
                <>
                  {' on '}
                  <button
                    type="button"
                    className="link"
                    aria-pressed={selected === a.nodeId}
                    onClick={() => onSelectNode(a.nodeId!)}
                  >
                    {a.nodeId}
                  </button>
                </>
              )}{' '}
              <time dateTime={new Date(a.createdAt).toISOString()}>{formatTime(a.createdAt)}</time>
            </p>
            {a.body && <p className="timeline-body">{a.body}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
