import type { ConstantNode } from '@mapwright/engine';
import { useEffect, useState } from 'react';
import { useEditor } from '../use-editor';
import { Field } from './Field';
import { LabelField } from './LabelField';

/** A fixed value, written as JSON (a quoted string, a number, an object). Bad JSON is shown, never saved. */
export function ConstantInspector({ node, readOnly }: { node: ConstantNode; readOnly: boolean }) {
  const updateNode = useEditor((s) => s.updateNode);
  const [text, setText] = useState(() => JSON.stringify(node.value, null, 2));
  const [error, setError] = useState<string | null>(null);
  // Undo, redo or a reload changed the value under the box: show it, so the next keystroke edits it.
  useEffect(() => {
    setText((current) => {
      try {
        return JSON.stringify(JSON.parse(current)) === JSON.stringify(node.value)
          ? current
          : JSON.stringify(node.value, null, 2);
      } catch {
        return JSON.stringify(node.value, null, 2);
      }
    });
  }, [node.value]);
  return (
    <div className="inspector-body">
      <h2>Constant</h2>
      <LabelField node={node} readOnly={readOnly} />
      <Field label="Value (JSON)">
        <textarea
          rows={4}
          value={text}
          readOnly={readOnly}
          onChange={(e) => {
            setText(e.target.value);
            try {
              updateNode(node.id, { value: JSON.parse(e.target.value) }, { coalesceKey: `${node.id}.value` });
              setError(null);
            } catch (err) {
              setError(`Not JSON yet: ${(err as Error).message}. Strings need quotes: "text".`);
            }
          }}
        />
      </Field>
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
