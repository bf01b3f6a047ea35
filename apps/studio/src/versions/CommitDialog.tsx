import { useState, type FormEvent } from 'react';

/** Asks what the version is for; the server's refusal (nothing to commit, does not compile) is shown as said. */
export function CommitDialog({
  committing,
  error,
  onCommit,
  onClose,
}: {
  committing: boolean;
  error: string | null;
  onCommit: (message: string) => void;
  onClose: () => void;
}) {
  const [message, setMessage] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (message.trim()) onCommit(message.trim());
  };
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="commit-title"
        className="dialog"
        onSubmit={submit}
      >
        <h2 id="commit-title">Commit a version</h2>
        <p>The draft becomes the next immutable version: it can be reviewed, compared and deployed.</p>
        <label className="field">
          <span className="field-label">Message</span>
          <textarea
            rows={3}
            required
            autoFocus
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            placeholder="What changed and why"
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={committing || !message.trim()}>
            {committing ? 'Committing…' : 'Commit'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
