import { useState, type FormEvent } from 'react';

/** Paste or upload a message. The text is kept exactly as given (bytes decoded as UTF-8 by the browser). */
export function AddSampleDialog({
  format,
  saving,
  error,
  onAdd,
  onClose,
}: {
  format: 'hl7v2' | 'csv' | 'json';
  saving: boolean;
  error: string | null;
  onAdd: (sample: { name: string; content: string }) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState('');
  const [content, setContent] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onAdd({ name: name.trim() || `sample ${new Date().toISOString().slice(0, 19)}`, content });
  };
  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby="add-sample-title"
        className="dialog"
        onSubmit={submit}
      >
        <h2 id="add-sample-title">
          Add a sample {format === 'hl7v2' ? 'HL7 v2 message' : format.toUpperCase()}
        </h2>
        <label className="field">
          <span className="field-label">Name</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. admit with two NK1"
          />
        </label>
        <label className="field">
          <span className="field-label">Message</span>
          <textarea
            rows={10}
            required
            value={content}
            onChange={(e) => setContent(e.target.value)}
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span className="field-label">…or upload a file</span>
          <input
            type="file"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              setContent(await file.text());
              if (!name) setName(file.name);
            }}
          />
        </label>
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={saving || !content.trim()}>
            Add sample
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
