import { useState } from 'react';
import { CodeView } from '../monaco/CodeView';
import { JsonView } from '../monaco/JsonView';
import type { PreviewResult } from '../preview/preview-core';
import type { SampleCheck } from './all-samples';
import { describeLocation } from './describe-location';
import { flattenResource } from './flatten-resource';
import { useCanvasPreview } from './preview-context';

type Tab = 'resources' | 'json' | 'jsonata' | 'samples';

const TAB_TEXT: Record<Tab, string> = {
  resources: 'Resources',
  json: 'Bundle JSON',
  jsonata: 'View JSONata',
  samples: 'All samples',
};

const STATUS_TEXT: Record<PreviewResult['status'], string> = {
  ok: 'Output',
  'invalid-mapping': 'The mapping does not compile',
  'unparseable-sample': 'The sample cannot be read',
  'mapping-error': 'Mapping this sample failed',
  'no-sample': 'No sample',
};

/** The FHIR bundle for the current sample, its validation, and the generated JSONata. */
export function PreviewPanel({
  onSelectNode,
  checks,
  onCheckAll,
  onSelectSample,
}: {
  onSelectNode: (nodeId: string) => void;
  checks: { running: boolean; results: SampleCheck[] | null; error: string | null };
  onCheckAll: () => void;
  onSelectSample: (sampleId: string) => void;
}) {
  const { result, pending, workerError } = useCanvasPreview();
  const [tab, setTab] = useState<Tab>('resources');
  const errors = result?.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal').length ?? 0;
  const entries =
    (result?.bundle as { entry?: Array<{ resource?: { resourceType?: string } }> } | undefined)?.entry ?? [];
  const verdict = !result
    ? 'Waiting for the first preview…'
    : result.status !== 'ok'
      ? STATUS_TEXT[result.status]
      : errors === 0
        ? `Valid: ${entries.length} resource${entries.length === 1 ? '' : 's'}`
        : `${errors} validation error${errors === 1 ? '' : 's'}`;

  return (
    <section
      className="panel preview-panel"
      aria-label="Preview"
      aria-busy={pending}
      // Which edit the shown output belongs to: the studio benchmark times edit -> this change.
      data-preview-request={result?.requestId}
    >
      <header className="panel-head">
        <h2>Preview</h2>
        <span
          className={`preview-verdict${result?.status === 'ok' && errors === 0 ? ' is-valid' : ' is-invalid'}`}
          role="status"
        >
          {verdict}
        </span>
        {result && <span className="field-hint">{result.timings.totalMs.toFixed(0)} ms</span>}
      </header>
      {workerError && <p role="alert">The preview stopped: {workerError}. Reload the page to restart it.</p>}
      {result && result.issues.length > 0 && (
        <ul className="preview-issues" aria-label="Issues">
          {result.issues.map((issue, i) => (
            <li key={i} className={`issue issue-${issue.severity}`}>
              <span className="issue-severity">{issue.severity}</span> {issue.message}
              {issue.at && <span className="issue-at"> ({describeLocation(issue.at)})</span>}
              {issue.expression && <code> {issue.expression}</code>}
              {issue.nodeId && (
                <button type="button" className="link" onClick={() => onSelectNode(issue.nodeId!)}>
                  show node {issue.nodeId}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div role="tablist" className="tabs">
        {(['resources', 'json', 'jsonata', 'samples'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
            {TAB_TEXT[t]}
          </button>
        ))}
      </div>
      <div className="tab-body">
        {tab === 'resources' &&
          entries.map((entry, i) => (
            <table
              key={i}
              className="resource-table"
              aria-label={`${entry.resource?.resourceType ?? 'entry'} ${i + 1}`}
            >
              <caption>{entry.resource?.resourceType}</caption>
              <tbody>
                {flattenResource(entry.resource).map((row) => (
                  <tr key={row.path}>
                    <th scope="row">{row.path}</th>
                    <td>{String(row.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        {tab === 'json' && (
          <JsonView value={result?.bundleText ?? ''} ariaLabel="Bundle JSON" height="100%" />
        )}
        {tab === 'samples' && (
          <SampleChecks checks={checks} onCheckAll={onCheckAll} onSelectSample={onSelectSample} />
        )}
        {tab === 'jsonata' && (
          <CodeView value={result?.program ?? ''} language="jsonata" ariaLabel="Generated JSONata" />
        )}
      </div>
    </section>
  );
}

/** Every sample through the current graph: which ones fail, and how, before a reviewer finds out. */
function SampleChecks({
  checks,
  onCheckAll,
  onSelectSample,
}: {
  checks: { running: boolean; results: SampleCheck[] | null; error: string | null };
  onCheckAll: () => void;
  onSelectSample: (sampleId: string) => void;
}) {
  return (
    <div className="sample-checks">
      <button type="button" className="secondary" disabled={checks.running} onClick={onCheckAll}>
        {checks.running ? 'Checking…' : 'Check all samples'}
      </button>
      {checks.error && <p role="alert">{checks.error}</p>}
      {checks.results && (
        <table className="resource-table" aria-label="All samples">
          <thead>
            <tr>
              <th scope="col">Sample</th>
              <th scope="col">Outcome</th>
              <th scope="col">Resources</th>
              <th scope="col">Errors</th>
              <th scope="col">Warnings</th>
              <th scope="col">Unmapped codes</th>
            </tr>
          </thead>
          <tbody>
            {checks.results.map((c) => (
              <tr key={c.sampleId} className={c.errors > 0 || c.status !== 'ok' ? 'issue-error' : undefined}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => onSelectSample(c.sampleId)}>
                    {c.name}
                  </button>
                </th>
                <td>{c.status === 'ok' ? (c.errors === 0 ? 'valid' : 'invalid') : STATUS_TEXT[c.status]}</td>
                <td>{c.resources}</td>
                <td>{c.errors}</td>
                <td>{c.warnings}</td>
                <td>{c.unmapped.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
