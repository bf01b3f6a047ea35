import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTRPC } from '../trpc';
import { downloadBytes } from './download';
import { zipFolder } from './zip-folder';
import './files.css';

type ExportState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; versionNumber: number | null; problems: string[] }
  | { kind: 'failed'; message: string };

/**
 * Downloads the mapping as `<slug>.zip` in the folder format of `mapwright export`, to be committed to git
 * or imported elsewhere: the saved draft when there is one (what the editor shows), else the latest
 * version. Says which went out and what could not (a lookup whose ConceptMap is missing).
 */
export function ExportZipButton({ mappingId, hasDraft }: { mappingId: string; hasDraft: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportState>({ kind: 'idle' });

  const exportZip = async () => {
    setState({ kind: 'busy' });
    try {
      // Fetched fresh each time: the folder is the mapping as stored now, not at the last export.
      const folder = await queryClient.fetchQuery({
        ...trpc.mappings.exportFiles.queryOptions({ mappingId, draft: hasDraft }),
        staleTime: 0,
      });
      downloadBytes(zipFolder(folder.slug, folder.files), `${folder.slug}.zip`, 'application/zip');
      setState({ kind: 'done', versionNumber: folder.versionNumber, problems: folder.problems });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : 'it failed' });
    }
  };

  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={state.kind === 'busy'}
        onClick={() => void exportZip()}
        title="The mapping as a folder (mapping.json, layout, samples, tests, ConceptMaps) in a zip"
      >
        {state.kind === 'busy' ? 'Exporting…' : 'Export zip'}
      </button>
      {state.kind === 'done' && (
        <span role="status" className={state.problems.length > 0 ? 'export-warn' : 'field-hint'}>
          {state.versionNumber !== null
            ? `Exported version ${state.versionNumber}`
            : 'Exported the saved draft'}
          {state.problems.length > 0 && `, without: ${state.problems.join('; ')}`}
        </span>
      )}
      {state.kind === 'failed' && <span role="alert">Export failed: {state.message}</span>}
    </>
  );
}
