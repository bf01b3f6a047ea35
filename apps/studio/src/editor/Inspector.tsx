import type { MappingNode } from '@mapwright/engine';
import { useEditor } from './use-editor';
import { EdgeInspector } from './inspectors/EdgeInspector';
import { LookupInspector } from './inspectors/LookupInspector';
import { TargetInspector } from './inspectors/TargetInspector';
import { TransformInspector } from './inspectors/TransformInspector';
import { ConstantInspector } from './inspectors/ConstantInspector';
import { SourceInspector } from './inspectors/SourceInspector';
import type { ConceptMapChoice } from './inspectors/concept-map-choice';

/** The side panel for what is selected: every setting of a node, without writing code for the common cases. */
export function Inspector({ readOnly, conceptMaps }: { readOnly: boolean; conceptMaps: ConceptMapChoice[] }) {
  const selection = useEditor((s) => s.selection);
  const mapping = useEditor((s) => s.mapping);
  const deleteSelection = useEditor((s) => s.deleteSelection);

  if (selection.nodes.length + selection.edges.length > 1) {
    return (
      <section className="panel inspector" aria-label="Inspector">
        <h2>
          {selection.nodes.length} nodes, {selection.edges.length} wires selected
        </h2>
        <p>Copy with Ctrl+C, paste with Ctrl+V, delete with Delete.</p>
        {!readOnly && (
          <button type="button" className="danger" onClick={() => deleteSelection()}>
            Delete selection
          </button>
        )}
      </section>
    );
  }
  const edge = selection.edges[0] ? mapping.edges.find((e) => e.id === selection.edges[0]) : undefined;
  if (edge) {
    return (
      <section className="panel inspector" aria-label="Inspector">
        <EdgeInspector key={edge.id} edge={edge} readOnly={readOnly} conceptMaps={conceptMaps} />
      </section>
    );
  }
  const node = selection.nodes[0] ? mapping.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  if (!node) {
    return (
      <section className="panel inspector" aria-label="Inspector">
        <p className="panel-empty">
          Select a node or a wire to see its settings. Drag a source field onto a target element to map it.
        </p>
      </section>
    );
  }
  return (
    <section className="panel inspector" aria-label="Inspector">
      <NodeInspector key={node.id} node={node} readOnly={readOnly} conceptMaps={conceptMaps} />
    </section>
  );
}

function NodeInspector({
  node,
  readOnly,
  conceptMaps,
}: {
  node: MappingNode;
  readOnly: boolean;
  conceptMaps: ConceptMapChoice[];
}) {
  switch (node.type) {
    case 'source':
      return <SourceInspector node={node} readOnly={readOnly} />;
    case 'transform':
      return <TransformInspector node={node} readOnly={readOnly} />;
    case 'lookup':
      return <LookupInspector node={node} readOnly={readOnly} conceptMaps={conceptMaps} />;
    case 'constant':
      return <ConstantInspector node={node} readOnly={readOnly} />;
    case 'target':
      return <TargetInspector node={node} readOnly={readOnly} />;
  }
}
