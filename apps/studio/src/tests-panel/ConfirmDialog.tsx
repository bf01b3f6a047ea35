import { useId, type ReactNode } from 'react';

/** Asks before something that cannot be undone from the studio (replacing an expected bundle, deleting). */
export function ConfirmDialog({
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
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const titleId = useId();
  return (
    <div className="dialog-backdrop tests-confirm">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog"
        onKeyDown={(e) => {
          // Escape answers the confirmation only, not the dialog it was asked from.
          if (e.key === 'Escape') {
            e.stopPropagation();
            onCancel();
          }
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={onConfirm}>
            {busy ? 'Working…' : confirmText}
          </button>
          <button type="button" className="secondary" onClick={onCancel} autoFocus>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
