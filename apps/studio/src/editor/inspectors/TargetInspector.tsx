import type { Identity, TargetNode } from '@mapwright/engine';
import { readSourceDrag } from '../drag-data';
import { useEditor } from '../use-editor';
import { Field } from './Field';
import { LabelField } from './LabelField';

/**
 * Everything about a produced resource that is not an element value: one per repeating item,
 * only when a condition holds, how it is written (identity), and what it refers to.
 */
export function TargetInspector({ node, readOnly }: { node: TargetNode; readOnly: boolean }) {
  const updateNode = useEditor((s) => s.updateNode);
  // Select the stable node list and filter here: a selector returning a new array re-renders forever.
  const nodes = useEditor((s) => s.mapping.nodes);
  const targets = nodes.filter((n): n is TargetNode => n.type === 'target');
  const others = targets.filter((t) => t.id !== node.id);
  const patch = (p: Partial<TargetNode>, key?: string) =>
    updateNode(node.id, p, key ? { coalesceKey: `${node.id}.${key}` } : undefined);
  const identity = node.identity;
  const setIdentity = (next: Identity | undefined) => patch({ identity: next });

  return (
    <div className="inspector-body">
      <h2>{node.resourceType}</h2>
      <LabelField node={node} readOnly={readOnly} />
      <Field
        label="One resource for each"
        hint="Drop a repeating source row here (OBX, NK1, PID-3), or leave empty for one resource per message."
      >
        <input
          value={node.forEach ?? ''}
          readOnly={readOnly}
          placeholder="one per message"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            const field = readSourceDrag(e.dataTransfer);
            if (!field || readOnly) return;
            e.preventDefault();
            patch({ forEach: field.path });
          }}
          onChange={(e) => patch({ forEach: e.target.value || undefined }, 'forEach')}
        />
      </Field>
      <Field label="Inside the items of">
        <select
          value={node.parent ?? ''}
          disabled={readOnly}
          onChange={(e) => patch({ parent: e.target.value || undefined })}
        >
          <option value="">the message</option>
          {others.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label ?? t.resourceType} ({t.id})
            </option>
          ))}
        </select>
      </Field>
      <Field
        label="Only when"
        hint='A source path that must have a value (PV1.F2), or a comparison (PID.F8 = "F").'
      >
        <input
          value={node.condition ?? ''}
          readOnly={readOnly}
          placeholder="always"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            const field = readSourceDrag(e.dataTransfer);
            if (!field || readOnly) return;
            e.preventDefault();
            patch({ condition: `$exists(${field.path})` });
          }}
          onChange={(e) => patch({ condition: e.target.value || undefined }, 'condition')}
        />
      </Field>
      <fieldset className="field-group">
        <legend>Written to the server as</legend>
        <select
          aria-label="Write mode"
          value={identity?.mode ?? 'create'}
          disabled={readOnly}
          onChange={(e) => {
            const mode = e.target.value;
            if (mode === 'create') setIdentity(undefined);
            else
              setIdentity({
                mode: mode as Identity['mode'],
                keys: identity?.keys ?? [{ searchParam: 'identifier', element: 'identifier' }],
              });
          }}
        >
          <option value="create">a new resource every time</option>
          <option value="conditional-create">created once, found by its identity</option>
          <option value="conditional-update">created or updated, found by its identity</option>
        </select>
        {identity &&
          identity.keys.map((key, i) => (
            <div key={i} className="field-row">
              <input
                aria-label={`Search parameter ${i + 1}`}
                value={key.searchParam}
                readOnly={readOnly}
                onChange={(e) =>
                  setIdentity({
                    ...identity,
                    keys: identity.keys.map((k, j) => (j === i ? { ...k, searchParam: e.target.value } : k)),
                  })
                }
              />
              <span>=</span>
              <input
                aria-label={`Element ${i + 1}`}
                value={key.element}
                readOnly={readOnly}
                onChange={(e) =>
                  setIdentity({
                    ...identity,
                    keys: identity.keys.map((k, j) => (j === i ? { ...k, element: e.target.value } : k)),
                  })
                }
              />
              {!readOnly && identity.keys.length > 1 && (
                <button
                  type="button"
                  className="link"
                  onClick={() => setIdentity({ ...identity, keys: identity.keys.filter((_, j) => j !== i) })}
                >
                  remove
                </button>
              )}
            </div>
          ))}
        {identity && !readOnly && (
          <button
            type="button"
            className="link"
            onClick={() =>
              setIdentity({
                ...identity,
                keys: [...identity.keys, { searchParam: 'identifier', element: 'identifier' }],
              })
            }
          >
            + key
          </button>
        )}
      </fieldset>
      <fieldset className="field-group">
        <legend>References</legend>
        {node.references.map((ref, i) => (
          <div key={i} className="field-row">
            <input
              aria-label={`Reference element ${i + 1}`}
              value={ref.element}
              readOnly={readOnly}
              onChange={(e) =>
                patch(
                  {
                    references: node.references.map((r, j) =>
                      j === i ? { ...r, element: e.target.value } : r,
                    ),
                  },
                  `ref${i}`,
                )
              }
            />
            <span>→</span>
            <select
              aria-label={`Referenced resource ${i + 1}`}
              value={ref.target}
              disabled={readOnly}
              onChange={(e) =>
                patch({
                  references: node.references.map((r, j) => (j === i ? { ...r, target: e.target.value } : r)),
                })
              }
            >
              {others.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label ?? t.resourceType} ({t.id})
                </option>
              ))}
            </select>
            {!readOnly && (
              <button
                type="button"
                className="link"
                onClick={() => patch({ references: node.references.filter((_, j) => j !== i) })}
              >
                remove
              </button>
            )}
          </div>
        ))}
        {!readOnly && others.length > 0 && (
          <button
            type="button"
            className="link"
            onClick={() =>
              patch({ references: [...node.references, { element: 'subject', target: others[0]!.id }] })
            }
          >
            + reference
          </button>
        )}
      </fieldset>
    </div>
  );
}
