import { useState, type FormEvent } from 'react';

/** A dialog asking for one text before an action: a commit's message, a review's description, a decision's note. */
export function TextDialog({
  id,
  title,
  intro,
  label,
  placeholder,
  rows = 4,
  action,
  busyAction = action,
  required,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  id: string;
  title: string;
  intro?: string;
  label: string;
  placeholder?: string;
  rows?: number;
  action: string;
  /** The button's label while `busy`. */
  busyAction?: string;
  required: boolean;
  busy: boolean;
  error: string | null;
  onSubmit: (text: string) => void;
  onClose: () => void;
}) {
  const [text, setText] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!required || text.trim()) onSubmit(text.trim());
  };
  return (
    <div className="dialog-backdrop">
      <form role="dialog" aria-modal="true" aria-labelledby={id} className="dialog" onSubmit={submit}>
        <h2 id={id}>{title}</h2>
        {intro && <p>{intro}</p>}
        <label className="field">
          <span className="field-label">{label}</span>
          <textarea
            rows={rows}
            required={required}
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={placeholder}
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={busy || (required && !text.trim())}>
            {busy ? busyAction : action}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
