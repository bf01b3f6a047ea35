import { describeEdge, type GraphDiff, type MappingNode } from '@mapwright/engine';
import { showValue } from './group-messages';
import { REMOVED_PREFIX, type MergedGraph } from './merge-graphs';

const title = (node: MappingNode | undefined, id: string): string =>
  node?.label ? `${node.label} (${id})` : id;

/** Every change of the graph in words; a node's entry selects and centres it on the canvas. */
export function ChangeList({
  diff,
  merged,
  selected,
  onSelect,
}: {
  diff: GraphDiff;
  merged: MergedGraph;
  selected: string | null;
  onSelect: (nodeId: string) => void;
}) {
  const nodeById = new Map(merged.mapping.nodes.map((n) => [n.id, n]));
  // A removed node is drawn under its renamed id when the newer graph reuses the old one.
  const removedId = (id: string) => (merged.nodeStatus[id] === 'removed' ? id : `${REMOVED_PREFIX}${id}`);
  const empty =
    diff.mapping.length +
      diff.nodes.added.length +
      diff.nodes.removed.length +
      diff.nodes.changed.length +
      diff.edges.added.length +
      diff.edges.removed.length +
      diff.edges.changed.length ===
    0;

  const nodeButton = (id: string, shownId: string) => (
    <button
      type="button"
      className="link"
      aria-pressed={selected === shownId}
      onClick={() => onSelect(shownId)}
    >
      {title(nodeById.get(shownId), id)}
    </button>
  );

  return (
    <section className="change-list" aria-label="Changed parameters">
      <h3>Changes</h3>
      {empty && <p>The graph is the same (nodes may have moved).</p>}
      <ul>
        {diff.mapping.map((c) => (
          <li key={`mapping-${c.field}`} className="change-changed">
            mapping <code>{c.field}</code>: {showValue(c.before)} → {showValue(c.after)}
          </li>
        ))}
        {diff.nodes.changed.map((n) => (
          <li key={`changed-${n.id}`} className="change-changed" data-change-node={n.id}>
            {nodeButton(n.id, n.id)} <span className="change-kind">{n.type} changed</span>
            <ul>
              {n.changes.map((c) => (
                <li key={c.field}>
                  <code>{c.field}</code>: <code className="value-before">{showValue(c.before)}</code> →{' '}
                  <code className="value-after">{showValue(c.after)}</code>
                </li>
              ))}
            </ul>
          </li>
        ))}
        {diff.nodes.added.map((n) => (
          <li key={`added-${n.id}`} className="change-added" data-change-node={n.id}>
            {nodeButton(n.id, n.id)} <span className="change-kind">{n.type} added</span>
          </li>
        ))}
        {diff.nodes.removed.map((n) => (
          <li key={`removed-${n.id}`} className="change-removed" data-change-node={n.id}>
            {nodeButton(n.id, removedId(n.id))} <span className="change-kind">{n.type} removed</span>
          </li>
        ))}
        {diff.edges.added.map((e) => (
          <li key={`edge-added-${e.id}`} className="change-added">
            wire <code>{describeEdge(e)}</code> added
          </li>
        ))}
        {diff.edges.removed.map((e) => (
          <li key={`edge-removed-${e.id}`} className="change-removed">
            wire <code>{describeEdge(e)}</code> removed
          </li>
        ))}
        {diff.edges.changed.map((c) => (
          <li key={`edge-changed-${c.after.id}`} className="change-changed">
            wire <code>{describeEdge(c.before)}</code> now from <code>{c.after.source}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
