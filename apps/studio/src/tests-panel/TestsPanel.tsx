import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Mapping } from '@mapwright/engine';
import { useCallback, useState } from 'react';
import { useEditor, useEditorStore } from '../editor/use-editor';
import { ExportZipButton } from '../files/ExportZipButton';
import { useTRPC } from '../trpc';
import type { TestCaseSummary, TestRunResult, TestSource } from './api-types';
import { ConfirmDialog } from './ConfirmDialog';
import { TestDetails } from './TestDetails';
import { TestForm } from './TestForm';
import './tests-panel.css';

type Dialog =
  | { kind: 'new' }
  | { kind: 'edit'; test: TestCaseSummary }
  | { kind: 'delete'; test: TestCaseSummary }
  | { kind: 'details'; testCaseId: string };

interface Runs {
  results: ReadonlyMap<string, TestRunResult>;
  /** The graph the shown results were computed with: a later edit makes them out of date. */
  graph: Mapping | null;
}

/**
 * The mapping's test cases under the preview: run one or all against the graph being edited (unsaved
 * edits included), see why one fails, and (analysts) add, edit, delete tests or accept an actual output.
 */
export function TestsPanel({
  mappingId,
  samples,
  canEdit,
}: {
  mappingId: string;
  samples: ReadonlyArray<{ id: string; name: string }>;
  canEdit: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const store = useEditorStore();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [runs, setRuns] = useState<Runs>({ results: new Map(), graph: null });
  const [running, setRunning] = useState<'all' | string | null>(null);
  const tests = useQuery(trpc.testCases.list.queryOptions({ mappingId }));
  const run = useMutation(trpc.testCases.run.mutationOptions());
  const remove = useMutation(trpc.testCases.remove.mutationOptions());
  // A boolean, so an edit re-renders this panel only when it turns the results stale.
  const stale = useEditor((s) => runs.graph !== null && s.mapping !== runs.graph);
  // Revision 0: nothing saved as a draft yet (an imported or example mapping shows its latest version).
  const hasDraft = useEditor((s) => s.draftRevision > 0);

  const draftSource = useCallback(
    (): TestSource => ({ kind: 'draft', graph: store.getState().mapping }),
    [store],
  );
  const refreshList = useCallback(
    () => queryClient.invalidateQueries({ queryKey: trpc.testCases.list.queryKey({ mappingId }) }),
    [mappingId, queryClient, trpc],
  );

  const runTests = useCallback(
    (testCaseId?: string) => {
      const graph = store.getState().mapping;
      setOpen(true);
      setRunning(testCaseId ?? 'all');
      run.mutate(
        { mappingId, source: { kind: 'draft', graph }, ...(testCaseId ? { testCaseId } : {}) },
        {
          onSuccess: (answer) =>
            setRuns((previous) => {
              // A single run keeps the others' results; "Run all" replaces them all.
              const results = new Map(testCaseId ? previous.results : []);
              for (const r of answer.results) results.set(r.testCaseId, r);
              return { results, graph };
            }),
          onSettled: () => setRunning(null),
        },
      );
    },
    [mappingId, run, store],
  );

  const forget = (testCaseId: string) =>
    setRuns((previous) => {
      const results = new Map(previous.results);
      results.delete(testCaseId);
      return { ...previous, results };
    });

  const list = tests.data ?? [];
  const shown = list.flatMap((t) => runs.results.get(t.id) ?? []);
  const passed = shown.filter((r) => r.passed).length;
  const summary =
    shown.length === 0
      ? `${list.length} test${list.length === 1 ? '' : 's'}`
      : `${passed} passed, ${shown.length - passed} failed${shown.length < list.length ? `, ${list.length - shown.length} not run` : ''}`;
  const detailsOf = dialog?.kind === 'details' ? list.find((t) => t.id === dialog.testCaseId) : undefined;
  const detailsResult = detailsOf ? runs.results.get(detailsOf.id) : undefined;

  return (
    <section className="panel tests-panel" aria-label="Tests">
      <header className="panel-head">
        <h2>
          <button
            type="button"
            className="link tests-toggle"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
          >
            Tests
          </button>
        </h2>
        <span
          role="status"
          aria-label="Test summary"
          className={shown.length > 0 ? (passed === shown.length ? 'is-passed' : 'is-failed') : undefined}
        >
          {running ? 'Running…' : summary}
        </span>
        {stale && <span className="field-hint">(the graph changed since this run)</span>}
        <span className="spacer" />
        <button
          type="button"
          className="secondary"
          disabled={running !== null || list.length === 0}
          onClick={() => runTests()}
        >
          Run all
        </button>
        {canEdit && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setOpen(true);
              setDialog({ kind: 'new' });
            }}
          >
            New test
          </button>
        )}
        <ExportZipButton mappingId={mappingId} hasDraft={hasDraft} />
      </header>
      {run.error && <p role="alert">The tests could not run: {run.error.message}</p>}
      {tests.isError && <p role="alert">The tests could not be listed: {tests.error.message}</p>}
      {open && (
        <div className="tests-body">
          {tests.isSuccess && list.length === 0 && (
            <p className="panel-empty">
              No tests yet.
              {canEdit &&
                ' A test maps one sample and checks the output: a whole bundle, assertions, or both.'}
            </p>
          )}
          {list.length > 0 && (
            <table className="tests-table" aria-label="Test cases">
              <thead>
                <tr>
                  <th scope="col">Test</th>
                  <th scope="col">Sample</th>
                  <th scope="col">Checks</th>
                  <th scope="col">Result</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((test) => {
                  const result = runs.results.get(test.id);
                  return (
                    <tr key={test.id} className={result && !result.passed ? 'is-failed' : undefined}>
                      <th scope="row">{test.name}</th>
                      <td>{test.sampleName}</td>
                      <td>{checksText(test)}</td>
                      <td>
                        {running === 'all' || running === test.id ? (
                          <span aria-busy="true">running…</span>
                        ) : result ? (
                          <button
                            type="button"
                            className={`link test-badge ${result.passed ? 'is-passed' : 'is-failed'}`}
                            onClick={() => setDialog({ kind: 'details', testCaseId: test.id })}
                            title="Show the details"
                          >
                            {result.passed ? 'passed' : 'failed'}
                          </button>
                        ) : (
                          <span className="field-hint">not run</span>
                        )}
                      </td>
                      <td className="tests-actions">
                        <button
                          type="button"
                          className="secondary"
                          disabled={running !== null}
                          onClick={() => runTests(test.id)}
                        >
                          Run
                        </button>
                        {canEdit && (
                          <>
                            <button
                              type="button"
                              className="secondary"
                              onClick={() => setDialog({ kind: 'edit', test })}
                            >
                              Edit
                            </button>
                            <button
                              type="button"
                              className="secondary"
                              onClick={() => setDialog({ kind: 'delete', test })}
                            >
                              Delete
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
      )}
      {(dialog?.kind === 'new' || dialog?.kind === 'edit') && (
        <TestForm
          mappingId={mappingId}
          samples={samples}
          editing={dialog.kind === 'edit' ? dialog.test : undefined}
          draftSource={draftSource}
          onChanged={(id) => {
            forget(id);
            void refreshList();
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {detailsOf && detailsResult && (
        <TestDetails
          test={detailsOf}
          result={detailsResult}
          canEdit={canEdit}
          draftSource={draftSource}
          onAccepted={(id) => {
            setDialog(null);
            void refreshList().then(() => runTests(id));
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete test ${dialog.test.name}?`}
          confirmText="Delete test"
          busy={remove.isPending}
          error={remove.error?.message ?? null}
          onCancel={() => setDialog(null)}
          onConfirm={() =>
            remove.mutate(
              { id: dialog.test.id },
              {
                onSuccess: () => {
                  forget(dialog.test.id);
                  setDialog(null);
                  void refreshList();
                },
              },
            )
          }
        >
          <p>Its expected bundle and assertions are deleted with it; the sample stays.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function checksText(test: TestCaseSummary): string {
  const parts = [];
  if (test.hasExpectedBundle) parts.push('bundle');
  if (test.assertions.length > 0)
    parts.push(`${test.assertions.length} assertion${test.assertions.length === 1 ? '' : 's'}`);
  return parts.length > 0 ? parts.join(' + ') : 'maps cleanly';
}
