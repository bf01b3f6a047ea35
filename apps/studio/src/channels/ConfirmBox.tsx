import { useId, useState, type ReactNode } from 'react';

/** Asks before a change that takes effect at once for every new message, with an optional note for the history. */
export function ConfirmBox({
  title,
  children,
  confirmText,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmText: string;
  busy: boolean;
  error: string | null;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  const [note, setNote] = useState('');
  return (
    <div role="alertdialog" aria-labelledby={titleId} className="channel-confirm">
      <h3 id={titleId}>{title}</h3>
      {children}
      <label>
        <span>Note (optional, kept in the history)</span>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      {error && <p role="alert">{error}</p>}
      <div className="channel-actions">
        <button type="button" disabled={busy} onClick={() => onConfirm(note.trim())}>
          {busy ? 'Working…' : confirmText}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
