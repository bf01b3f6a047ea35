import type { SourceNode } from '@mapwright/engine';
import { formatValue } from '../format-value';
import { useCanvasPreview } from '../preview-context';
import { useEditor } from '../use-editor';
import { Field } from './Field';
import { LabelField } from './LabelField';

export function SourceInspector({ node, readOnly }: { node: SourceNode; readOnly: boolean }) {
  const updateNode = useEditor((s) => s.updateNode);
  const { result } = useCanvasPreview();
  return (
    <div className="inspector-body">
      <h2>Source field</h2>
      <LabelField node={node} readOnly={readOnly} />
      <Field label="Path" hint="PID.F5.C1 is PID-5.1; inside a for-each, $msg. starts from the message root.">
        <input
          value={node.path}
          readOnly={readOnly}
          onChange={(e) =>
            e.target.value.trim() &&
            updateNode(node.id, { path: e.target.value }, { coalesceKey: `${node.id}.path` })
          }
        />
      </Field>
      {result && (
        <p>
          Value for this sample: <code>{formatValue(result.nodeValues[node.id], 120)}</code>
        </p>
      )}
    </div>
  );
}
