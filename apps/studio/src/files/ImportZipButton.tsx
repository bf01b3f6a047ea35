import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { hrefFor } from '../routes';
import { useTRPC } from '../trpc';
import type { ImportAnswer } from './api-types';
import { unzipFolder } from './zip-folder';
import './files.css';

/**
 * Imports a zipped mapping folder (what Export zip or `mapwright export` writes): a new slug creates a
 * mapping, a known one gets a new draft. Shows what happened and what was refused, then opens it.
 */
export function ImportZipButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportAnswer | null>(null);
  const importFiles = useMutation(trpc.mappings.importFiles.mutationOptions());

  const importZip = async (file: File) => {
    setProblem(null);
    setImported(null);
    const unzipped = unzipFolder(new Uint8Array(await file.arrayBuffer()));
    if (!unzipped.ok) {
      setProblem(`${file.name}: ${unzipped.message}`);
      return;
    }
    try {
      const result = await importFiles.mutateAsync({ files: unzipped.files });
      setImported(result);
      void queryClient.invalidateQueries({ queryKey: trpc.mappings.list.queryKey() });
    } catch (error) {
      setProblem(`${file.name}: ${error instanceof Error ? error.message : 'the import failed'}`);
    }
  };

  return (
    <div className="import-zip">
      <label htmlFor={inputId} className="button-like secondary" aria-disabled={importFiles.isPending}>
        {importFiles.isPending ? 'Importing…' : 'Import folder (zip)'}
      </label>
      <input
        id={inputId}
        type="file"
        accept=".zip,application/zip"
        className="visually-hidden"
        disabled={importFiles.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importZip(file);
        }}
      />
      {problem && (
        <p role="alert" className="import-zip-result">
          {problem}
        </p>
      )}
      {imported && (
        <div role="status" className="import-zip-result" aria-label="Import result">
          <p>
            {imported.created ? 'Created' : 'Updated'} mapping <code>{imported.slug}</code> (version{' '}
            {imported.versionNumber}).
          </p>
          {imported.problems.length > 0 && (
            <ul aria-label="Import problems">
              {imported.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
          <a href={hrefFor({ name: 'mapping', id: imported.mappingId })}>Open it</a>
        </div>
      )}
    </div>
  );
}
