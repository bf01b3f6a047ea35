import { memo, useMemo, useState, type ReactNode } from 'react';
import { filterTree, markCoverage, sourceTree, type SourceTreeNode } from '../panels-data/source-tree';
import { writeSourceDrag } from './drag-data';
import { formatValue } from './format-value';
import { TreeToggle } from './TreeToggle';
import { useCanvasPreviewSelect } from './preview-context';

export interface SampleChoice {
  id: string;
  name: string;
  content: string;
  contentType: 'hl7v2' | 'csv' | 'json';
}

/**
 * The current sample as a tree (segments in their groups, fields, components) with names, datatypes
 * and this sample's values. Rows drag onto the canvas or onto a target element; rows that hold a
 * value no node reads are marked, so dropped data is visible before it is lost.
 */
export const SourcePanel = memo(function SourcePanel({
  sample,
  toolbar,
  readOnly,
}: {
  sample: SampleChoice | null;
  toolbar: ReactNode;
  readOnly: boolean;
}) {
  const [query, setQuery] = useState('');
  // A new preview brings a new coverage object; recompute the marks only when what is unused changed.
  const coverage = useCanvasPreviewSelect((p) => p.result?.coverage);
  const coverageKey = coverage ? JSON.stringify(coverage.unused) : '';
  const tree = useMemo(
    () => (sample ? sourceTree({ content: sample.content, format: sample.contentType }) : null),
    [sample],
  );
  const shown = useMemo(() => {
    if (!tree) return [];
    const covered = coverage ? markCoverage(tree.roots, coverage) : tree.roots;
    return query.trim() ? filterTree(covered, query.trim()) : covered;
    // keyed by the unused fields' content, not the coverage object's identity
  }, [coverageKey, query, tree]);

  return (
    <section className="panel source-panel" aria-label="Source">
      <header className="panel-head">
        <h2>Source</h2>
        {toolbar}
      </header>
      <input
        type="search"
        className="panel-search"
        placeholder="Search fields, names, values  ( / )"
        aria-label="Search the source"
        data-shortcut="search-source"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {!sample && <p className="panel-empty">No sample yet: paste or upload a message to see its fields.</p>}
      {tree && tree.issues.length > 0 && (
        <ul className="panel-issues" role="alert" aria-label="Sample problems">
          {tree.issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      )}
      <ul className="tree" role="tree" aria-label="Source fields">
        {shown.map((node) => (
          <SourceRow
            key={node.key}
            node={node}
            depth={0}
            forceOpen={query.trim() !== ''}
            readOnly={readOnly}
          />
        ))}
      </ul>
    </section>
  );
});

function SourceRow({
  node,
  depth,
  forceOpen,
  readOnly,
}: {
  node: SourceTreeNode;
  depth: number;
  forceOpen: boolean;
  readOnly: boolean;
}) {
  const [open, setOpen] = useState(depth === 0);
  const expanded = forceOpen || open;
  const hasChildren = node.children.length > 0;
  const mark = node.coverage ?? 'none';
  return (
    <li role="treeitem" aria-expanded={hasChildren ? expanded : undefined} aria-selected={false}>
      <div
        className={`tree-row coverage-${mark}`}
        style={{ paddingLeft: `${depth * 0.9 + 0.25}rem` }}
        draggable={!readOnly}
        data-path={node.path}
        onDragStart={(e) =>
          writeSourceDrag(e.dataTransfer, {
            path: node.path,
            label: node.label,
            repeating: (node.repetitions ?? 1) > 1,
          })
        }
        title={mark === 'unused-with-value' ? 'Has a value in this sample that no node reads' : node.path}
      >
        <TreeToggle hasChildren={hasChildren} expanded={expanded} onToggle={() => setOpen(!open)} />
        <span className="tree-label">{node.label}</span>
        {node.datatype && <span className="tree-type">{node.datatype}</span>}
        {(node.repetitions ?? 1) > 1 && <span className="tree-reps">×{node.repetitions}</span>}
        {node.value !== undefined && !hasChildren && (
          <span className="tree-value">{formatValue(node.value, 32)}</span>
        )}
        {mark === 'used' && (
          <span className="tree-mark" aria-label="used">
            ●
          </span>
        )}
        {mark === 'unused-with-value' && (
          <span className="tree-mark tree-mark-unused" aria-label="unused value">
            ○
          </span>
        )}
      </div>
      {hasChildren && expanded && (
        <ul role="group">
          {node.children.map((child) => (
            <SourceRow
              key={child.key}
              node={child}
              depth={depth + 1}
              forceOpen={forceOpen}
              readOnly={readOnly}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
