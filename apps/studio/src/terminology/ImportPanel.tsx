import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTRPC } from '../trpc';
import { describeIssue, type ImportInput } from './api-types';

type Format = ImportInput['format'];

/** Paste or pick a JSON ConceptMap or a two-column CSV; problems come back with their line or JSON path. */
export function ImportPanel({ onImported }: { onImported: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [format, setFormat] = useState<Format>('csv');
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [sourceSystem, setSourceSystem] = useState('');
  const [targetSystem, setTargetSystem] = useState('');
  const id = useId();
  const imported = useMutation(
    trpc.conceptMaps.import.mutationOptions({
      onSuccess: async (result) => {
        if (!result.ok) return;
        await queryClient.invalidateQueries({ queryKey: trpc.conceptMaps.list.queryKey() });
        setText('');
        onImported(result.conceptMap.id);
      },
    }),
  );

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (/\.json$/i.test(file.name)) setFormat('json');
    else if (/\.(csv|tsv|txt)$/i.test(file.name)) setFormat('csv');
    if (name === '') setName(file.name.replace(/\.[^.]+$/, ''));
    setText(await file.text());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    imported.mutate({
      format,
      text,
      name,
      url,
      ...(format === 'csv' && { sourceSystem, targetSystem }),
    });
  };

  const result = imported.data;
  return (
    <section className="import-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import a ConceptMap</h2>
      <form onSubmit={submit}>
        <fieldset>
          <legend>Format</legend>
          {(['csv', 'json'] as const).map((f) => (
            <label key={f} className="inline">
              <input
                type="radio"
                name={`${id}-format`}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {f === 'csv' ? 'CSV (source code, target code, source display, target display)' : 'FHIR JSON'}
            </label>
          ))}
        </fieldset>
        <label>
          Text
          <textarea
            rows={8}
            spellCheck={false}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={
              format === 'csv' ? 'source,target\nM,male\nF,female' : '{ "resourceType": "ConceptMap", … }'
            }
          />
        </label>
        <label>
          Or choose a file
          <input type="file" accept=".csv,.tsv,.txt,.json,text/csv,application/json" onChange={pickFile} />
        </label>
        <div className="fields">
          <label>
            Name
            <input value={name} required={format === 'csv'} onChange={(e) => setName(e.target.value)} />
          </label>
          <label>
            URL (optional)
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
          {format === 'csv' && (
            <>
              <label>
                Source system (optional)
                <input
                  value={sourceSystem}
                  placeholder="URI or HL70001"
                  onChange={(e) => setSourceSystem(e.target.value)}
                />
              </label>
              <label>
                Target system (optional)
                <input
                  value={targetSystem}
                  placeholder="URI"
                  onChange={(e) => setTargetSystem(e.target.value)}
                />
              </label>
            </>
          )}
        </div>
        <button type="submit" disabled={imported.isPending || text.trim() === ''}>
          Import
        </button>
      </form>
      {imported.isError && <p role="alert">{imported.error.message}</p>}
      {result && !result.ok && (
        <div role="alert">
          <p>Not imported: fix these and import again.</p>
          <ul>
            {result.errors.map((issue, i) => (
              <li key={i}>{describeIssue(issue)}</li>
            ))}
          </ul>
        </div>
      )}
      {result?.ok && (
        <p role="status">
          Imported “{result.conceptMap.name}” ({result.conceptMap.elementCount} codes).
        </p>
      )}
    </section>
  );
}
