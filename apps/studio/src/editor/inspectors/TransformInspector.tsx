import type { TransformNode } from '@mapwright/engine';
import { JsonataEditor } from '../../monaco/JsonataEditor';
import { formatValue } from '../format-value';
import { useCanvasPreview } from '../preview-context';
import { useEditor } from '../use-editor';
import { LabelField } from './LabelField';

/** A JSONata expression over the node's named inputs, edited in Monaco with completion and inline errors. */
export function TransformInspector({ node, readOnly }: { node: TransformNode; readOnly: boolean }) {
  const updateNode = useEditor((s) => s.updateNode);
  const { result, issuesByNode } = useCanvasPreview();
  const issues = issuesByNode.get(node.id) ?? [];
  return (
    <div className="inspector-body">
      <h2>Transform</h2>
      <LabelField node={node} readOnly={readOnly} />
      <p className="field-hint">
        Inputs:{' '}
        {node.inputs.length
          ? node.inputs.map((i) => `$${i}`).join(', ')
          : 'none yet — wire a value into the node'}
      </p>
      <JsonataEditor
        key={node.id}
        value={node.expression}
        inputs={node.inputs}
        ariaLabel="Transform expression"
        readOnly={readOnly}
        // An empty expression is refused by the model with a message, not dropped in silence.
        onChange={(expression) =>
          updateNode(node.id, { expression }, { coalesceKey: `${node.id}.expression` })
        }
      />
      {issues.length > 0 && (
        <ul className="panel-issues" role="alert">
          {issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      )}
      {result && (
        <p>
          Result for this sample: <code>{formatValue(result.nodeValues[node.id], 120)}</code>
        </p>
      )}
    </div>
  );
}
