import { useEffect, useMemo, useState, type DragEvent } from 'react';
import type { TargetNode } from '@mapwright/engine';
import { filterTargets, resourceTypes, targetElements, type TargetElement } from '../panels-data/target-tree';
import { forEachPlacement } from '../model';
import { useFhirDefinitions } from '../panels-data/use-fhir-definitions';
import { readSourceDrag } from './drag-data';
import { formatValue } from './format-value';
import { TreeToggle } from './TreeToggle';
import { useCanvasPreview } from './preview-context';
import { useEditor, useEditorStore } from './use-editor';

export interface PendingWire {
  source: string;
  sourceHandle: string | null;
  target: string;
}

/**
 * FHIR R4 elements of the resource being filled, with cardinality, type, required marks and
 * bindings. Source rows and wires dropped on an element fill it.
 */
export function TargetPanel({
  readOnly,
  pendingWire,
  onPendingDone,
}: {
  readOnly: boolean;
  pendingWire: PendingWire | null;
  onPendingDone: () => void;
}) {
  const store = useEditorStore();
  const mapping = useEditor((s) => s.mapping);
  const targets = mapping.nodes.filter((n): n is TargetNode => n.type === 'target');
  const [choice, setChoice] = useState<{ nodeId: string | null; resourceType: string }>(() => ({
    nodeId: targets[0]?.id ?? null,
    resourceType: targets[0]?.resourceType ?? 'Patient',
  }));
  // Selecting a target node (or making one) shows its elements here.
  const selectedTarget = useEditor((s) => {
    const only = s.selection.nodes.length === 1 ? s.selection.nodes[0] : undefined;
    const node = only === undefined ? undefined : s.mapping.nodes.find((n) => n.id === only);
    return node?.type === 'target' ? node : undefined;
  });
  useEffect(() => {
    if (selectedTarget) setChoice({ nodeId: selectedTarget.id, resourceType: selectedTarget.resourceType });
  }, [selectedTarget]);
  // A wire waiting for its element chooses the target it was dropped on.
  const pendingTarget = pendingWire ? targets.find((t) => t.id === pendingWire.target) : undefined;
  const current = pendingTarget
    ? { nodeId: pendingTarget.id, resourceType: pendingTarget.resourceType }
    : choice.nodeId && !targets.some((t) => t.id === choice.nodeId)
      ? { nodeId: null, resourceType: choice.resourceType }
      : choice;
  const [query, setQuery] = useState('');
  // The FHIR definitions arrive after the page: the trees recompute once they are here.
  const definitions = useFhirDefinitions();
  const elements = useMemo(
    () => (definitions.ready ? targetElements(current.resourceType) : []),
    [current.resourceType, definitions.ready],
  );
  const types = useMemo(() => (definitions.ready ? resourceTypes() : []), [definitions.ready]);
  const shown = useMemo(
    () => (query.trim() ? filterTargets(elements, query.trim()) : elements),
    [elements, query],
  );

  const filled = new Map<string, string>();
  for (const e of mapping.edges)
    if (e.target === current.nodeId && e.targetHandle) filled.set(e.targetHandle, e.source);

  const fill = (element: string) => {
    if (!pendingWire) return;
    store.getState().connect({
      source: pendingWire.source,
      ...(pendingWire.sourceHandle ? { sourceHandle: pendingWire.sourceHandle } : {}),
      target: pendingWire.target,
      targetHandle: element,
    });
    onPendingDone();
  };
  const drop = (event: DragEvent, element: string) => {
    event.preventDefault();
    if (readOnly) return;
    const field = readSourceDrag(event.dataTransfer);
    if (!field) return;
    // "New resource" makes a new target even when one of that type exists: it is never merged into it.
    const targetNodeId =
      current.nodeId ?? store.getState().addTargetNode({ resourceType: current.resourceType });
    if (!targetNodeId) return;
    if (!current.nodeId) setChoice({ nodeId: targetNodeId, resourceType: current.resourceType });
    store.getState().mapSourceToElement({
      path: field.path,
      label: field.label,
      resourceType: current.resourceType,
      element,
      targetNodeId,
    });
  };

  const currentNode = targets.find((t) => t.id === current.nodeId);
  /** A repeating segment, group or field dropped on the resource makes one resource per item. */
  const dropForEach = (event: DragEvent) => {
    event.preventDefault();
    if (readOnly) return;
    const field = readSourceDrag(event.dataTransfer);
    if (!field) return;
    const placement = forEachPlacement(mapping, field.path, current.nodeId ?? undefined);
    if (current.nodeId) {
      store.getState().updateNode(current.nodeId, { forEach: placement.forEach, parent: placement.parent });
      return;
    }
    const id = store.getState().addTargetNode({ resourceType: current.resourceType, ...placement });
    if (id) setChoice({ nodeId: id, resourceType: current.resourceType });
  };

  return (
    <section className="panel target-panel" aria-label="Target">
      <header className="panel-head">
        <h2>Target</h2>
        <select
          aria-label="Target resource"
          value={current.nodeId ?? `new:${current.resourceType}`}
          onChange={(e) => {
            const value = e.target.value;
            if (value.startsWith('new:')) setChoice({ nodeId: null, resourceType: value.slice(4) });
            else
              setChoice({ nodeId: value, resourceType: targets.find((t) => t.id === value)!.resourceType });
          }}
        >
          {targets.length > 0 && (
            <optgroup label="In this mapping">
              {targets.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label ?? t.resourceType} ({t.id})
                </option>
              ))}
            </optgroup>
          )}
          <optgroup label="New resource">
            {types.map((rt) => (
              <option key={rt} value={`new:${rt}`}>
                {rt}
              </option>
            ))}
          </optgroup>
        </select>
      </header>
      <div
        className="for-each-drop"
        data-for-each-drop={current.resourceType}
        onDragOver={(e) => {
          e.preventDefault();
          // The source row allows only 'copy': any other effect would refuse the drop.
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDrop={dropForEach}
      >
        {currentNode?.forEach ? (
          <>
            One {current.resourceType} for each <code>{currentNode.forEach}</code>
            {currentNode.parent && <> inside {currentNode.parent}</>}
          </>
        ) : (
          <>
            One {current.resourceType} per message. Drop a repeating segment or group here for one per item.
          </>
        )}
      </div>
      {pendingWire && (
        <p className="panel-note" role="status">
          Choose the element this wire fills.{' '}
          <button type="button" className="link" onClick={onPendingDone}>
            Cancel
          </button>
        </p>
      )}
      <input
        type="search"
        className="panel-search"
        placeholder="Search elements"
        aria-label="Search the target"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {definitions.error && (
        <p role="alert">The FHIR definitions did not load: {definitions.error}. Reload the page.</p>
      )}
      {!definitions.ready && !definitions.error && <p aria-busy="true">Loading FHIR R4 definitions…</p>}
      <ul className="tree" role="tree" aria-label={`${current.resourceType} elements`}>
        {shown.map((el) => (
          <TargetRow
            key={el.path}
            element={el}
            depth={0}
            resourceType={current.resourceType}
            targetNodeId={current.nodeId}
            filled={filled}
            forceOpen={query.trim() !== ''}
            onDrop={drop}
            onChoose={pendingWire ? fill : null}
          />
        ))}
      </ul>
    </section>
  );
}

function TargetRow({
  element,
  depth,
  resourceType,
  targetNodeId,
  filled,
  forceOpen,
  onDrop,
  onChoose,
}: {
  element: TargetElement;
  depth: number;
  resourceType: string;
  /** The target node this tree fills; null for a resource not in the mapping yet. */
  targetNodeId: string | null;
  filled: ReadonlyMap<string, string>;
  forceOpen: boolean;
  onDrop: (event: DragEvent, element: string) => void;
  onChoose: ((element: string) => void) | null;
}) {
  const { result } = useCanvasPreview();
  const [open, setOpen] = useState(false);
  const expanded = forceOpen || open;
  const hasChildren = element.children.length > 0;
  const from = filled.get(element.path);
  return (
    <li role="treeitem" aria-expanded={hasChildren ? expanded : undefined} aria-selected={from !== undefined}>
      <div
        className={`tree-row${from ? ' is-filled' : ''}${element.required ? ' is-required' : ''}`}
        style={{ paddingLeft: `${depth * 0.9 + 0.25}rem` }}
        data-target-element={element.path}
        data-resource-type={resourceType}
        data-target-node-id={targetNodeId ?? undefined}
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }}
        onDrop={(e) => onDrop(e, element.path)}
        title={
          element.binding ? `${element.binding.strength} binding: ${element.binding.valueSet}` : element.path
        }
      >
        <TreeToggle hasChildren={hasChildren} expanded={expanded} onToggle={() => setOpen(!open)} />
        {onChoose ? (
          <button type="button" className="row-button" onClick={() => onChoose(element.path)}>
            {element.name}
          </button>
        ) : (
          <span className="tree-label">{element.name}</span>
        )}
        {element.required && (
          <span className="tree-required" aria-label="required">
            *
          </span>
        )}
        <span className="tree-type">
          {element.min}..{element.max} {element.types.join('|')}
        </span>
        {element.binding && <span className="tree-binding">{element.binding.strength}</span>}
        {from && result && <span className="tree-value">{formatValue(result.nodeValues[from], 24)}</span>}
      </div>
      {hasChildren && expanded && (
        <ul role="group">
          {element.children.map((child) => (
            <TargetRow
              key={child.path}
              element={child}
              depth={depth + 1}
              resourceType={resourceType}
              targetNodeId={targetNodeId}
              filled={filled}
              forceOpen={forceOpen}
              onDrop={onDrop}
              onChoose={onChoose}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
