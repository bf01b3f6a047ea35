import type { Edge } from '@mapwright/engine';
import { useState } from 'react';
import { formatValue } from '../format-value';
import { useCanvasPreview } from '../preview-context';
import { useEditor, useEditorStore } from '../use-editor';
import { suggestConceptMap, type ConceptMapChoice } from './concept-map-choice';
import { Field } from './Field';
import { defaultExpression, findTargetElement } from './target-element';

/** A wire: what flows along it for this sample, and the transform or lookup that can be put on it. */
export function EdgeInspector({
  edge,
  readOnly,
  conceptMaps,
}: {
  edge: Edge;
  readOnly: boolean;
  conceptMaps: ConceptMapChoice[];
}) {
  const nodes = useEditor((s) => s.mapping.nodes);
  const store = useEditorStore();
  const { insertTransformOnEdge, insertLookupOnEdge, removeEdges } = store.getState();
  const { result } = useCanvasPreview();
  const from = nodes.find((n) => n.id === edge.source);
  const to = nodes.find((n) => n.id === edge.target);
  const element =
    to?.type === 'target' && edge.targetHandle
      ? findTargetElement(to.resourceType, edge.targetHandle)
      : undefined;
  const suggested = suggestConceptMap(conceptMaps, element?.binding);
  const [chosen, setMapRef] = useState<string | null>(null);
  // Until the analyst picks, the suggestion (or the first map, once the list has loaded).
  const mapRef = chosen ?? suggested?.ref ?? conceptMaps[0]?.ref ?? '';

  return (
    <div className="inspector-body">
      <h2>Wire</h2>
      <p>
        <strong>{from?.label ?? edge.source}</strong> → <strong>{to?.label ?? edge.target}</strong>
        {edge.targetHandle && (
          <>
            {' '}
            <code>{edge.targetHandle}</code>
          </>
        )}
      </p>
      {element && (
        <p className="field-hint">
          {element.min}..{element.max} {element.types.join('|')}
          {element.binding && ` · ${element.binding.strength} binding ${element.binding.valueSet}`}
        </p>
      )}
      {result && (
        <p>
          Value for this sample: <code>{formatValue(result.nodeValues[edge.source], 80)}</code>
        </p>
      )}
      {!readOnly && (
        <div className="inspector-actions">
          <button type="button" onClick={() => insertTransformOnEdge(edge.id, defaultExpression(element))}>
            Insert transform
          </button>
          <Field label="ConceptMap for a lookup">
            <select value={mapRef} onChange={(e) => setMapRef(e.target.value)}>
              {conceptMaps.map((c) => (
                <option key={c.ref} value={c.ref}>
                  {c.name} ({c.ref})
                </option>
              ))}
            </select>
          </Field>
          <button type="button" disabled={!mapRef} onClick={() => insertLookupOnEdge(edge.id, mapRef)}>
            Insert lookup
          </button>
          <button type="button" className="danger" onClick={() => removeEdges([edge.id])}>
            Delete wire
          </button>
        </div>
      )}
    </div>
  );
}
