import { useMutation } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { DiffCode, JsonView } from '../monaco';
import { useTRPC } from '../trpc';
import type { TestCaseSummary, TestRunResult, TestSource } from './api-types';
import { ConfirmDialog } from './ConfirmDialog';
import { describeDifference, describeFailure } from './describe-failure';
import { sortedJson } from './sorted-json';

const SHOWN_DIFFERENCES = 20;

/**
 * Why a test failed: each failure in words, and the expected bundle against the actual one. An analyst
 * may take the actual output as the new expectation, after saying yes to a confirmation.
 */
export function TestDetails({
  test,
  result,
  canEdit,
  draftSource,
  onAccepted,
  onClose,
}: {
  test: TestCaseSummary;
  result: TestRunResult;
  canEdit: boolean;
  draftSource: () => TestSource;
  onAccepted: (testCaseId: string) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const titleId = useId();
  const [confirming, setConfirming] = useState(false);
  const accept = useMutation(trpc.testCases.acceptActual.mutationOptions());
  const expectedText = useMemo(() => sortedJson(result.expected), [result.expected]);
  const actualText = useMemo(() => sortedJson(result.actual), [result.actual]);

  return (
    <div className="dialog-backdrop">
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog tests-details"
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !confirming) onClose();
        }}
      >
        <header className="tests-details-head">
          <h2 id={titleId}>
            Test {test.name}{' '}
            <span className={`test-badge ${result.passed ? 'is-passed' : 'is-failed'}`}>
              {result.passed ? 'passed' : 'failed'}
            </span>
          </h2>
          <span className="field-hint">sample {result.sampleName}</span>
          <span className="spacer" />
          <button type="button" className="secondary" onClick={onClose} autoFocus>
            Close
          </button>
        </header>
        {result.failures.length > 0 && (
          <ul className="test-failures" aria-label="Failures">
            {result.failures.map((failure, i) => (
              <li key={i}>
                <strong>{describeFailure(failure)}</strong>
                {failure.kind === 'assertion' && (
                  <div>
                    <code>{failure.expression}</code>
                  </div>
                )}
                {failure.kind === 'validation' && (
                  <ul>
                    {failure.first.map((line, j) => (
                      <li key={j}>{line}</li>
                    ))}
                  </ul>
                )}
                {failure.kind === 'bundle' && (
                  <ul aria-label="Differences">
                    {failure.differences.slice(0, SHOWN_DIFFERENCES).map((d, j) => (
                      <li key={j}>
                        <code>{describeDifference(d)}</code>
                      </li>
                    ))}
                    {failure.differences.length > SHOWN_DIFFERENCES && (
                      <li>…and {failure.differences.length - SHOWN_DIFFERENCES} more, in the diff below</li>
                    )}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        {result.expected !== null ? (
          <figure className="json-diff-figure">
            <figcaption className="json-diff-heads">
              <span>Expected</span>
              <span>Actual</span>
            </figcaption>
            {/* Both sides printed with sorted keys: only real differences are marked. */}
            <DiffCode
              before={expectedText}
              after={actualText}
              language="json"
              ariaLabel="Expected and actual bundle"
              height="min(50vh, 30rem)"
              hideUnchanged
            />
          </figure>
        ) : (
          <>
            <p className="field-hint">
              This test has no expected bundle{result.actual !== null ? '; the actual output:' : '.'}
            </p>
            {result.actual !== null && <JsonView value={actualText} ariaLabel="Actual bundle" height={360} />}
          </>
        )}
        {canEdit && result.actual !== null && (
          <div className="dialog-actions">
            <button type="button" onClick={() => setConfirming(true)}>
              Accept actual as expected
            </button>
          </div>
        )}
      </section>
      {confirming && (
        <ConfirmDialog
          title={`Replace the expected bundle of ${test.name}?`}
          confirmText="Replace expected bundle"
          busy={accept.isPending}
          error={accept.error?.message ?? null}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            accept.mutate(
              { id: test.id, source: draftSource(), expectedUpdatedAt: test.updatedAt },
              {
                onSuccess: () => {
                  setConfirming(false);
                  onAccepted(test.id);
                },
              },
            )
          }
        >
          <p>
            The output of the current draft for sample {result.sampleName} becomes what this test expects. The
            assertions stay as they are.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
