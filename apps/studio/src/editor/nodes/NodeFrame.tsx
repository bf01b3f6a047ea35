import type { ReactNode } from 'react';
import { formatValue } from '../format-value';
import { useCanvasPreviewSelect } from '../preview-context';

const NO_ISSUES: never[] = [];

/** The frame every canvas node shares: kind, title, the current sample's value and pinned issues. */
export function NodeFrame({
  nodeId,
  kind,
  title,
  selected,
  showValue = true,
  children,
}: {
  nodeId: string;
  kind: string;
  title: string;
  selected: boolean;
  showValue?: boolean;
  children?: ReactNode;
}) {
  // Text, so the node re-renders only when what it shows changes.
  const shown = useCanvasPreviewSelect((p) => (p.result ? formatValue(p.result.nodeValues[nodeId]) : null));
  const issues = useCanvasPreviewSelect((p) => p.issuesByNode.get(nodeId) ?? NO_ISSUES);
  const errors = issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
  return (
    <div
      className={`flow-node flow-node-${kind}${selected ? ' is-selected' : ''}${errors.length ? ' has-error' : ''}`}
      data-node-id={nodeId}
      title={issues.map((i) => i.message).join('\n') || undefined}
    >
      <div className="flow-node-head">
        <span className="flow-node-kind">{kind}</span>
        <span className="flow-node-title">{title}</span>
        {issues.length > 0 && (
          <span className="flow-node-issues" role="status" aria-label={`${issues.length} issue(s)`}>
            {errors.length > 0 ? '⚠' : 'ⓘ'} {issues.length}
          </span>
        )}
      </div>
      {children}
      {showValue && shown !== null && (
        <div className="flow-node-value" aria-label="value for this sample">
          {shown}
        </div>
      )}
    </div>
  );
}
