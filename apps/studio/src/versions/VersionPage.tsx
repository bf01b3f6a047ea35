import { useQuery } from '@tanstack/react-query';
import { compileMapping, type MappingInput } from '@mapwright/engine';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { Canvas } from '../editor/Canvas';
import { Inspector } from '../editor/Inspector';
import { EditorStoreContext } from '../editor/use-editor';
import { useLaidOutStore } from '../editor/use-laid-out-store';
import '../editor/editor.css';
import '../diff/diff.css';
import { CodeView } from '../monaco';
import { hrefFor } from '../routes';
import { useTRPC } from '../trpc';
import { ReviewBadge } from './ReviewBadge';
import { formatTime } from './review-state';
import { useMappingVersions } from './use-mapping-versions';

/** One committed version as it was: its graph (nothing can be changed) and its JSONata. */
export function VersionPage({ slug, number }: { slug: string; number: number }) {
  const trpc = useTRPC();
  const { mapping, versions, missing, error } = useMappingVersions(slug);
  const summary = versions?.find((v) => v.number === number) ?? null;
  const version = useQuery({
    ...trpc.versions.get.queryOptions({ id: summary?.id ?? '' }),
    enabled: summary !== null,
    staleTime: Infinity,
  });
  const problem =
    error ??
    version.error?.message ??
    (missing ? `There is no mapping "${slug}".` : null) ??
    (versions && !summary ? `Mapping "${slug}" has no version ${number}.` : null);
  const previous = versions?.find((v) => v.number < number) ?? null;

  return (
    <div className="version-page">
      <header className="page-head">
        <h1>
          {mapping?.name ?? slug}: version {number}
        </h1>
        <span className="read-only-badge">Read only</span>
        {summary && <ReviewBadge state={summary.reviewState} />}
        <span className="spacer" />
        {previous && (
          <a href={hrefFor({ name: 'compare', slug, from: previous.number, to: number })}>
            Compare with version {previous.number}
          </a>
        )}
        {mapping && <a href={hrefFor({ name: 'mapping', id: mapping.id })}>Back to the editor</a>}
      </header>
      {summary && (
        <p className="version-meta">
          {summary.message ?? 'No message'} — {summary.author}, {formatTime(summary.createdAt)}
        </p>
      )}
      {problem && <p role="alert">{problem}</p>}
      {version.data && (
        <ReactFlowProvider>
          <ReadOnlyGraph key={version.data.id} graph={version.data.graph as MappingInput} />
        </ReactFlowProvider>
      )}
    </div>
  );
}

const FIT_ALL = { padding: 0.1 };

function ReadOnlyGraph({ graph }: { graph: MappingInput }) {
  const { store, mapping, laidOut } = useLaidOutStore(graph, FIT_ALL);
  const program = useMemo(() => {
    const compiled = compileMapping(mapping);
    return compiled.ok
      ? compiled.value.program
      : `// This version does not compile:\n${compiled.errors.map((e) => `// ${e.message}`).join('\n')}`;
  }, [mapping]);

  return (
    <EditorStoreContext.Provider value={store}>
      <div className="version-body">
        <Canvas readOnly busy={!laidOut} onChooseElement={() => undefined} />
        <Inspector readOnly conceptMaps={[]} />
      </div>
      <section className="version-program" aria-label="JSONata of this version">
        <h2>JSONata</h2>
        <CodeView value={program} ariaLabel="JSONata of this version" height={360} />
      </section>
    </EditorStoreContext.Provider>
  );
}
