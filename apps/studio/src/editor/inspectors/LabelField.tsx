import type { MappingNode } from '@mapwright/engine';
import { useEditor } from '../use-editor';
import { Field } from './Field';

/** A node's label: typing in it is one undo step per field, not per keystroke. */
export function LabelField({ node, readOnly }: { node: MappingNode; readOnly: boolean }) {
  const updateNode = useEditor((s) => s.updateNode);
  return (
    <Field label="Label">
      <input
        value={node.label ?? ''}
        readOnly={readOnly}
        onChange={(e) => updateNode(node.id, { label: e.target.value }, { coalesceKey: `${node.id}.label` })}
      />
    </Field>
  );
}
