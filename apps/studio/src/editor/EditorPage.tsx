import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@mapwright/api';
import type { MappingInput } from '@mapwright/engine';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ConceptMap } from '@mapwright/engine';
import type { PreviewSample } from '../preview/preview-types';
import { createEditorStore, needsLayout } from '../model';
import { usePreview } from '../preview/use-preview';
import { canEdit as canEditRoles } from '../roles';
import { useTRPC } from '../trpc';
import './editor.css';
import { checkAllSamples, type SampleCheck } from './all-samples';
import { AddSampleDialog } from './AddSampleDialog';
import { Canvas } from './Canvas';
import { Inspector } from './Inspector';
import type { ConceptMapChoice } from './inspectors/concept-map-choice';
import { clearBackup, readBackup, type LocalBackup } from './local-backup';
import { CanvasPreviewContext, createPreviewStore, pinIssues, type CanvasPreview } from './preview-context';
import { PreviewPanel } from './PreviewPanel';
import { TestsPanel } from '../tests-panel/TestsPanel';
import { describeSaveProblem } from './save-problem';
import { ReauthForm } from './ReauthForm';
import { isTypingTarget, shortcutFor } from './shortcuts';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SourcePanel, type SampleChoice } from './SourcePanel';
import { TargetPanel, type PendingWire } from './TargetPanel';
import { useAutosave } from './use-autosave';
import { layoutEngine } from './elk-worker';
import { EditorStoreContext, useEditor, useEditorStore, type EditorStore } from './use-editor';
import { VersionControls } from '../versions/VersionControls';

/** The mapping editor: source tree, canvas, target tree, inspector and live preview. */
export function EditorPage({ mappingId, user }: { mappingId: string; user: SessionUser }) {
  const trpc = useTRPC();
  // Kept while the editor is open (a refetch would not reach its store anyway) and dropped when it closes:
  // coming back from a version or a review must show the draft as it is now.
  const opened = useQuery({
    ...trpc.mappings.open.queryOptions({ id: mappingId }),
    staleTime: Infinity,
    gcTime: 0,
  });
  if (opened.isError) {
    return (
      <main className="editor-message">
        <p role="alert">
          {opened.error.data?.code === 'NOT_FOUND'
            ? 'This mapping does not exist (it may have been deleted).'
            : `The mapping could not be opened: ${opened.error.message}`}
        </p>
        <a href="#/">Back to the mappings</a>
      </main>
    );
  }
  if (opened.isPending) return <p aria-busy="true">Opening the mapping…</p>;
  return (
    <ReactFlowProvider>
      <LoadedEditor key={mappingId} opened={opened.data} user={user} onReload={() => opened.refetch()} />
    </ReactFlowProvider>
  );
}

interface Opened {
  id: string;
  slug: string;
  name: string;
  sourceFormat: 'hl7v2' | 'csv' | 'json';
  draftRevision: number;
  graph: MappingInput;
  samples: SampleChoice[];
}

function LoadedEditor({
  opened,
  user,
  onReload,
}: {
  opened: Opened;
  user: SessionUser;
  onReload: () => Promise<{ data?: Opened | undefined }>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canEdit = canEditRoles(user.roles);
  const [store] = useState<EditorStore>(() =>
    createEditorStore({ mapping: opened.graph, draftRevision: opened.draftRevision }),
  );
  // Only the conflict matters here: subscribing to every save state would re-render the editor per edit.
  const inConflict = useStore(store, (s) => s.saveState === 'conflict');
  const { fitView, setViewport } = useReactFlow();
  // A big graph fitted whole is unreadable: start at readable size on the sources, top left.
  const showStart = useCallback(() => {
    if (store.getState().mapping.nodes.length > 40) void setViewport({ x: 24, y: 24, zoom: 0.75 });
    else void fitView({ padding: 0.1 });
  }, [fitView, setViewport, store]);

  const [samples, setSamples] = useState<SampleChoice[]>(opened.samples);
  const [sampleId, setSampleId] = useState<string | null>(opened.samples[0]?.id ?? null);
  const sample = samples.find((s) => s.id === sampleId) ?? null;
  const [addingSample, setAddingSample] = useState(false);
  const [help, setHelp] = useState(false);
  const [pendingWire, setPendingWire] = useState<PendingWire | null>(null);
  const [backup, setBackup] = useState<LocalBackup | null>(() => {
    const found = readBackup(localStorage, opened.id);
    return found && JSON.stringify(found.graph) !== JSON.stringify(opened.graph) ? found : null;
  });

  const choicesQuery = useQuery(trpc.conceptMaps.list.queryOptions());
  const previewMaps = useQuery(trpc.conceptMaps.forPreview.queryOptions());
  const conceptMaps: ConceptMapChoice[] = useMemo(
    () =>
      // A stored map without a FHIR id cannot be named by a lookup node (the terminology screen says so).
      (choicesQuery.data ?? []).flatMap((c) =>
        c.resourceId
          ? [{ ref: c.resourceId, name: c.name, targetSystem: c.targetSystem ?? null, bundled: c.bundled }]
          : [],
      ),
    [choicesQuery.data],
  );

  const [checks, setChecks] = useState<{
    running: boolean;
    results: SampleCheck[] | null;
    error: string | null;
  }>({
    running: false,
    results: null,
    error: null,
  });
  const runChecks = useCallback(() => {
    setChecks((c) => ({ ...c, running: true, error: null }));
    checkAllSamples(store.getState().mapping, samples, previewMaps.data ?? []).then(
      (results) => setChecks({ running: false, results, error: null }),
      (error: unknown) =>
        setChecks({
          running: false,
          results: null,
          error: error instanceof Error ? error.message : 'The check failed.',
        }),
    );
  }, [previewMaps.data, samples, store]);
  const [canvasPreview] = useState(createPreviewStore);
  useEffect(() => canvasPreview.setState({ checks: checks.results }), [canvasPreview, checks.results]);
  const previewSample = useMemo(
    () => (sample ? { content: sample.content, format: sample.contentType } : null),
    [sample],
  );

  const autosave = useAutosave({ store, mappingId: opened.id, enabled: canEdit });

  // Example mappings and hand-written files carry no positions: lay them out once, readably.
  const [layingOut, setLayingOut] = useState(() => needsLayout(store.getState().mapping));
  useEffect(() => {
    if (!needsLayout(store.getState().mapping)) return;
    void store
      .getState()
      .applyLayout({ asEdit: false, elk: layoutEngine() })
      .finally(() => {
        setLayingOut(false);
        requestAnimationFrame(() => showStart());
      });
  }, [showStart, store]);

  const addSample = useMutation(
    trpc.samples.create.mutationOptions({
      onSuccess: (created, sent) => {
        const added: SampleChoice = {
          id: created.id,
          name: created.name,
          contentType: created.contentType,
          content: sent.content,
        };
        setSamples((list) => [...list, added]);
        setSampleId(created.id);
        setAddingSample(false);
      },
    }),
  );

  const reload = useCallback(async () => {
    const { data } = await onReload();
    if (!data) return;
    autosave.resetTo(data.graph as never);
    // The backup of the version that lost stays: the next open offers it back, so it is never only a download.
    store.getState().replaceDocument(data.graph, data.draftRevision);
  }, [autosave, onReload, opened.id, store]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const action = shortcutFor(event);
      if (!action) return;
      // Copy and select-all belong to the page's text (the preview table, an issue) unless the canvas
      // has the focus and no text is selected.
      if (
        (action === 'copy' || action === 'selectAll' || action === 'paste' || action === 'delete') &&
        !canvasHasFocus(event.target)
      )
        return;
      const state = store.getState();
      const editing = canEdit && state.saveState !== 'conflict';
      switch (action) {
        case 'undo':
          if (editing) state.undo();
          break;
        case 'redo':
          if (editing) state.redo();
          break;
        case 'copy':
          state.copySelection();
          break;
        case 'paste':
          if (editing) state.paste();
          break;
        case 'delete':
          if (editing) state.deleteSelection();
          break;
        case 'selectAll':
          state.select({ nodes: state.mapping.nodes.map((n) => n.id), edges: [] });
          break;
        case 'save':
          void autosave.saveNow();
          break;
        case 'layout':
          if (editing)
            void state.applyLayout({ elk: layoutEngine() }).then(() => void fitView({ padding: 0.1 }));
          break;
        case 'fit':
          void fitView({ padding: 0.1 });
          break;
        case 'search':
          document.querySelector<HTMLInputElement>('[data-shortcut="search-source"]')?.focus();
          break;
        case 'clear':
          state.select({ nodes: [], edges: [] });
          setPendingWire(null);
          setHelp(false);
          break;
        case 'help':
          setHelp((h) => !h);
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [autosave, canEdit, fitView, store]);

  const problem = autosave.problem;
  const readOnly = !canEdit || inConflict;

  return (
    <EditorStoreContext.Provider value={store}>
      <CanvasPreviewContext.Provider value={canvasPreview}>
        <PreviewDriver
          store={store}
          preview={canvasPreview}
          sample={previewSample}
          conceptMaps={previewMaps.data ?? NO_MAPS}
        />
        <div className="editor">
          <Toolbar
            name={opened.name}
            readOnly={readOnly}
            canEdit={canEdit}
            onLayout={() =>
              void store
                .getState()
                .applyLayout({ elk: layoutEngine() })
                .then(() => void fitView({ padding: 0.1 }))
            }
            onFit={() => void fitView({ padding: 0.1 })}
            onHelp={() => setHelp(true)}
            versions={
              <VersionControls
                mappingId={opened.id}
                slug={opened.slug}
                canEdit={canEdit}
                store={store}
                saveNow={autosave.saveNow}
                onDraftReplaced={() => void reload()}
              />
            }
          />
          {!canEdit && (
            <p className="banner" role="status">
              Read only: your role ({user.roles.join(', ')}) can look at mappings but not change them.
            </p>
          )}
          {problem && (
            <div
              className={`banner banner-${problem.kind === 'unreachable' || problem.kind === 'server-error' ? 'warn' : 'error'}`}
              role="alert"
            >
              <span>{describeSaveProblem(problem)}</span>
              {problem.kind === 'conflict' && (
                <>
                  <button type="button" onClick={() => void reload()}>
                    Reload their version
                  </button>
                  <a
                    download={`${opened.id}-my-version.json`}
                    href="#download"
                    onClick={(e) => {
                      e.currentTarget.href = `data:application/json,${encodeURIComponent(
                        JSON.stringify(store.getState().mapping, null, 2),
                      )}`;
                    }}
                  >
                    Download my version
                  </a>
                </>
              )}
              {problem.kind === 'session-expired' && (
                <ReauthForm
                  email={user.email}
                  onSignedIn={() => {
                    void queryClient.invalidateQueries();
                    void autosave.saveNow();
                  }}
                />
              )}
            </div>
          )}
          <GraphRefusal />
          {backup && canEdit && (
            <div className="banner banner-warn" role="alert">
              <span>
                This browser holds changes to this mapping that were not saved (from{' '}
                {new Date(backup.savedAt).toLocaleString()}
                {backup.baseRevision !== opened.draftRevision &&
                  `; the saved draft has changed since, restoring replaces revision ${opened.draftRevision}`}
                ).
              </span>
              <button
                type="button"
                onClick={() => {
                  store.getState().restoreBackup(backup.graph);
                  setBackup(null);
                }}
              >
                Restore them
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  clearBackup(localStorage, opened.id);
                  setBackup(null);
                }}
              >
                Discard
              </button>
            </div>
          )}
          <div className="editor-grid">
            <SourcePanel
              sample={sample}

              readOnly={readOnly}
              toolbar={
                <div className="sample-picker">
                  <select
                    aria-label="Sample"
                    value={sampleId ?? ''}
                    onChange={(e) => setSampleId(e.target.value || null)}
                  >
                    {samples.length === 0 && <option value="">no samples</option>}
                    {samples.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                  {canEdit && (
                    <button type="button" className="secondary" onClick={() => setAddingSample(true)}>
                      Add sample
                    </button>
                  )}
                </div>
              }
            />
            <div className="editor-center">
              <Canvas readOnly={readOnly} busy={layingOut} onChooseElement={setPendingWire} />
              <PreviewPanel
                onSelectNode={(id) => store.getState().select({ nodes: [id], edges: [] })}
                checks={checks}
                onCheckAll={runChecks}
                onSelectSample={setSampleId}
              />
              <TestsPanel mappingId={opened.id} samples={samples} canEdit={canEdit} />
            </div>
            <div className="editor-right">
              <TargetPanel
                readOnly={readOnly}
                pendingWire={pendingWire}
                onPendingDone={() => setPendingWire(null)}
              />
              <Inspector readOnly={readOnly} conceptMaps={conceptMaps} />
            </div>
          </div>
          {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
          {addingSample && (
            <AddSampleDialog
              format={opened.sourceFormat}
              saving={addSample.isPending}
              error={addSample.error?.message ?? null}
              onAdd={({ name, content }) =>
                addSample.mutate({ mappingId: opened.id, name, content, contentType: opened.sourceFormat })
              }
              onClose={() => setAddingSample(false)}
            />
          )}
        </div>
      </CanvasPreviewContext.Provider>
    </EditorStoreContext.Provider>
  );
}

function Toolbar({
  name,
  readOnly,
  canEdit,
  onLayout,
  onFit,
  onHelp,
  versions,
}: {
  name: string;
  readOnly: boolean;
  canEdit: boolean;
  onLayout: () => void;
  onFit: () => void;
  onHelp: () => void;
  /** Commit and history (versions/). */
  versions: ReactNode;
}) {
  const store = useEditorStore();
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  const saveState = useEditor((s) => s.saveState);
  const center = { x: 400, y: 200 };
  return (
    <header className="editor-toolbar">
      <h1>{name}</h1>
      {canEdit && (
        <span className={`save-state save-${saveState}`} role="status" aria-label="Save state">
          {SAVE_TEXT[saveState]}
        </span>
      )}
      <span className="spacer" />
      {!readOnly && (
        <>
          <button
            type="button"
            className="secondary"
            disabled={!canUndo}
            onClick={() => store.getState().undo()}
            title="Ctrl+Z"
          >
            Undo
          </button>
          <button
            type="button"
            className="secondary"
            disabled={!canRedo}
            onClick={() => store.getState().redo()}
            title="Ctrl+Shift+Z"
          >
            Redo
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => store.getState().addTransform({ expression: '$in', inputs: [], position: center })}
          >
            Add transform
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => store.getState().addConstant({ value: '', position: center })}
          >
            Add constant
          </button>
          <button type="button" className="secondary" onClick={onLayout} title="L">
            Auto layout
          </button>
        </>
      )}
      {versions}
      <button type="button" className="secondary" onClick={onFit} title="F">
        Zoom to fit
      </button>
      <button type="button" className="secondary" onClick={onHelp} aria-label="Keyboard shortcuts" title="?">
        ?
      </button>
    </header>
  );
}

const SAVE_TEXT: Record<string, string> = {
  saved: 'All changes saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  conflict: 'Not saved: conflict',
  error: 'Not saved',
};

/** Why the last edit was refused (a wire into a constant, a cycle), until the next edit or a dismissal. */
function GraphRefusal() {
  const lastError = useEditor((s) => s.lastError);
  const clearError = useEditor((s) => s.clearError);
  if (!lastError || lastError.code === 'save-failed') return null;
  return (
    <p className="banner banner-warn" role="alert">
      {lastError.message}
      <button type="button" className="link" onClick={() => clearError()}>
        Dismiss
      </button>
    </p>
  );
}

const NO_MAPS: ConceptMap[] = [];

/**
 * The one component that re-renders on every edit: it hands the graph to the preview worker and puts the
 * answer in the preview store, where each panel and node picks what it shows. The editor around it does
 * not re-render while the analyst types.
 */
function PreviewDriver({
  store,
  preview,
  sample,
  conceptMaps,
}: {
  store: EditorStore;
  preview: StoreApi<CanvasPreview>;
  sample: PreviewSample | null;
  conceptMaps: ConceptMap[];
}) {
  const mapping = useStore(store, (s) => s.mapping);
  const { result, pending, workerError } = usePreview({ mapping, sample, conceptMaps });
  useEffect(
    () => preview.setState({ result, issuesByNode: pinIssues(result), pending, workerError }),
    [pending, preview, result, workerError],
  );
  return null;
}

function canvasHasFocus(target: EventTarget | null): boolean {
  if (window.getSelection()?.toString()) return false;
  return target === document.body || (target instanceof Element && target.closest('.canvas') !== null);
}
