import type { LookupNode, UnmappedPolicy } from '@mapwright/engine';
import { formatValue } from '../format-value';
import { useCanvasPreview } from '../preview-context';
import { useEditor } from '../use-editor';
import { unmappedAcross } from '../all-samples';
import { lookupOutcome } from '../lookup-outcome';
import type { ConceptMapChoice } from './concept-map-choice';
import { Field } from './Field';

/** Code translation through a ConceptMap, with what to do for a code the map does not have. */
export function LookupInspector({
  node,
  readOnly,
  conceptMaps,
}: {
  node: LookupNode;
  readOnly: boolean;
  conceptMaps: ConceptMapChoice[];
}) {
  const updateNode = useEditor((s) => s.updateNode);
  const { result, checks, issuesByNode } = useCanvasPreview();
  const outcome = lookupOutcome(result, issuesByNode.get(node.id) ?? [], node.id);
  const across = checks ? unmappedAcross(checks, node.id) : null;
  const value = result?.nodeValues[node.id];
  const known = conceptMaps.some((c) => c.ref === node.conceptMap);
  const setPolicy = (unmapped: UnmappedPolicy) => updateNode(node.id, { unmapped });
  return (
    <div className="inspector-body">
      <h2>Lookup</h2>
      <Field label="ConceptMap">
        <select
          value={node.conceptMap}
          disabled={readOnly}
          onChange={(e) => updateNode(node.id, { conceptMap: e.target.value })}
        >
          {!known && <option value={node.conceptMap}>{node.conceptMap} (not found)</option>}
          {conceptMaps.map((c) => (
            <option key={c.ref} value={c.ref}>
              {c.name} ({c.ref})
            </option>
          ))}
        </select>
      </Field>
      <Field label="Output">
        <select
          value={node.output}
          disabled={readOnly}
          onChange={(e) => updateNode(node.id, { output: e.target.value as LookupNode['output'] })}
        >
          <option value="code">code</option>
          <option value="coding">Coding</option>
          <option value="codeableConcept">CodeableConcept</option>
        </select>
      </Field>
      <Field label="A code the map does not have">
        <select
          value={node.unmapped.policy}
          disabled={readOnly}
          onChange={(e) => {
            const policy = e.target.value;
            if (policy === 'default') setPolicy({ policy: 'default', code: '' });
            else setPolicy({ policy: policy as 'error' | 'passthrough' });
          }}
        >
          <option value="error">fails the message (located error)</option>
          <option value="passthrough">passes through unchanged</option>
          <option value="default">becomes a fixed code</option>
        </select>
      </Field>
      {node.unmapped.policy === 'default' && (
        <Field label="Fixed code">
          <input
            value={node.unmapped.code}
            readOnly={readOnly}
            onChange={(e) =>
              setPolicy({
                ...(node.unmapped as Extract<UnmappedPolicy, { policy: 'default' }>),
                code: e.target.value,
              })
            }
          />
        </Field>
      )}
      {across && (
        <div className="unmapped-across">
          <strong>Unmapped across all samples</strong>
          {across.length === 0 ? (
            <p>Every sample's codes are in the map.</p>
          ) : (
            <ul aria-label="Unmapped codes across samples">
              {across.map((u) => (
                <li key={u.code}>
                  <code>{u.code}</code> in {u.samples.join(', ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && (
        <p role="status">
          This sample: <strong>{outcome ?? 'no code'}</strong> <code>{formatValue(value, 80)}</code>
        </p>
      )}
    </div>
  );
}
