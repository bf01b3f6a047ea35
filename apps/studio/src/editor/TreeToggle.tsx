/** The expand/collapse control of a tree row, or the same width of nothing for a leaf. */
export function TreeToggle({
  hasChildren,
  expanded,
  onToggle,
}: {
  hasChildren: boolean;
  expanded: boolean;
  onToggle: () => void;
}) {
  if (!hasChildren) return <span className="tree-toggle" />;
  return (
    <button
      type="button"
      className="tree-toggle"
      aria-label={expanded ? 'Collapse' : 'Expand'}
      onClick={onToggle}
    >
      {expanded ? '▾' : '▸'}
    </button>
  );
}
