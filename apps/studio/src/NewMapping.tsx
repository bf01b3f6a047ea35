import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { navigate } from './routes';
import { useTRPC } from './trpc';

/** A new mapping starts from its name, the format it reads, and one real sample message. */
export function NewMapping({ onCancel }: { onCancel: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [format, setFormat] = useState<'hl7v2' | 'csv' | 'json'>('hl7v2');
  const [sample, setSample] = useState('');
  const [sampleName, setSampleName] = useState('');
  const create = useMutation(
    trpc.mappings.create.mutationOptions({
      onSuccess: async (created) => {
        await queryClient.invalidateQueries({ queryKey: trpc.mappings.list.queryKey() });
        navigate({ name: 'mapping', id: created.id });
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      name: name.trim(),
      sourceFormat: format,
      ...(sample.trim() ? { sample: { name: sampleName.trim() || 'first sample', content: sample } } : {}),
    });
  };
  return (
    <form className="new-mapping" onSubmit={submit} aria-labelledby="new-mapping-title">
      <h2 id="new-mapping-title">New mapping</h2>
      <label className="field">
        <span className="field-label">Name</span>
        <input
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Lab ADT to Patient"
        />
      </label>
      <label className="field">
        <span className="field-label">Source format</span>
        <select value={format} onChange={(e) => setFormat(e.target.value as typeof format)}>
          <option value="hl7v2">HL7 v2</option>
          <option value="csv">CSV</option>
          <option value="json">JSON</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Sample message</span>
        <textarea rows={8} value={sample} onChange={(e) => setSample(e.target.value)} spellCheck={false} />
      </label>
      <label className="field">
        <span className="field-label">…or upload a sample file</span>
        <input
          type="file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setSample(await file.text());
            setSampleName(file.name);
          }}
        />
      </label>
      {create.error && <p role="alert">{create.error.message}</p>}
      <div className="dialog-actions">
        <button type="submit" disabled={create.isPending || !name.trim()}>
          Create mapping
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
