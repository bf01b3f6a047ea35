import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTRPC } from '../trpc';
import type { TestCaseSummary, TestSource } from './api-types';
import { assertionsToText, locateAssertionRefusal, parseAssertionLines } from './assertion-lines';

interface SampleOption {
  id: string;
  name: string;
}

/**
 * A new test (name, sample, assertions, optionally the current output as its expected bundle), or the
 * name and assertions of an existing one. The server checks each assertion's syntax; its refusal
 * ("Assertion 2: …") is shown beside the assertions with the line it is on.
 */
export function TestForm({
  mappingId,
  samples,
  editing,
  draftSource,
  onChanged,
  onClose,
}: {
  mappingId: string;
  samples: readonly SampleOption[];
  /** The test to edit; absent for a new one. */
  editing?: TestCaseSummary;
  draftSource: () => TestSource;
  /** The test was stored or changed (the form may stay open to show a problem). */
  onChanged: (testCaseId: string) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const titleId = useId();
  const [name, setName] = useState(editing?.name ?? '');
  const [sampleId, setSampleId] = useState(editing?.sampleId ?? samples[0]?.id ?? '');
  const [useCurrent, setUseCurrent] = useState(true);
  const [assertions, setAssertions] = useState(assertionsToText(editing?.assertions ?? []));
  const [problem, setProblem] = useState<{ assertions: string | null; other: string | null }>({
    assertions: null,
    other: null,
  });
  const create = useMutation(trpc.testCases.create.mutationOptions());
  const accept = useMutation(trpc.testCases.acceptActual.mutationOptions());
  const update = useMutation(trpc.testCases.update.mutationOptions());
  const busy = create.isPending || accept.isPending || update.isPending;

  const refused = (error: unknown) => {
    const message = error instanceof Error ? error.message : 'The server refused the test.';
    const located = locateAssertionRefusal(message, assertions);
    setProblem(located ? { assertions: located, other: null } : { assertions: null, other: message });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem({ assertions: null, other: null });
    const list = parseAssertionLines(assertions);
    if (editing) {
      try {
        await update.mutateAsync({
          id: editing.id,
          expectedUpdatedAt: editing.updatedAt,
          name: name.trim(),
          assertions: list,
        });
        onChanged(editing.id);
        onClose();
      } catch (error) {
        refused(error);
      }
      return;
    }
    let created: { id: string; updatedAt: TestCaseSummary['updatedAt'] };
    try {
      created = await create.mutateAsync({
        mappingId,
        sampleId,
        name: name.trim(),
        expectedBundle: null,
        assertions: list,
      });
    } catch (error) {
      refused(error);
      return;
    }
    if (useCurrent) {
      // The server maps the sample with the editor's graph and stores what it produced: the bundle is the
      // server's own output, never a copy of the browser preview.
      try {
        await accept.mutateAsync({
          id: created.id,
          source: draftSource(),
          expectedUpdatedAt: created.updatedAt,
        });
      } catch (error) {
        const why = error instanceof Error ? error.message : 'it failed';
        setProblem({
          assertions: null,
          other: `The test was created without an expected bundle: storing the current output failed (${why}).`,
        });
        onChanged(created.id);
        return;
      }
    }
    onChanged(created.id);
    onClose();
  };

  return (
    <div className="dialog-backdrop">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog tests-form"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId}>{editing ? `Edit test ${editing.name}` : 'New test'}</h2>
        <label className="field">
          <span className="field-label">Test name</span>
          <input
            required
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. admit"
          />
        </label>
        {!editing && (
          <>
            <label className="field">
              <span className="field-label">Sample</span>
              <select value={sampleId} onChange={(e) => setSampleId(e.target.value)} required>
                {samples.length === 0 && <option value="">no samples: add one first</option>}
                {samples.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field field-inline">
              <input type="checkbox" checked={useCurrent} onChange={(e) => setUseCurrent(e.target.checked)} />
              <span>Use the current output as the expected bundle</span>
            </label>
          </>
        )}
        <label className="field">
          <span className="field-label">Assertions (one FHIRPath per line)</span>
          <textarea
            rows={5}
            value={assertions}
            onChange={(e) => setAssertions(e.target.value)}
            spellCheck={false}
            placeholder="Patient.name.family = 'EVERYMAN'"
            aria-invalid={problem.assertions !== null}
          />
          {problem.assertions && (
            <span role="alert" className="field-error">
              {problem.assertions}
            </span>
          )}
        </label>
        {problem.other && <p role="alert">{problem.other}</p>}
        <div className="dialog-actions">
          <button type="submit" disabled={busy || !name.trim() || (!editing && !sampleId)}>
            {busy ? 'Saving…' : editing ? 'Save test' : 'Create test'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            {problem.other && !editing ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </div>
  );
}
