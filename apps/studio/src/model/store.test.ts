import { describe, expect, test } from 'vitest';
import type { MappingInput } from '@mapwright/engine';
import { createEditorStore } from './store';
import { example, expectCompiles, expectNoDangling, small } from './fixtures.test-helper';

const open = (mapping = small()) => createEditorStore({ mapping, draftRevision: 3 });

describe('editor store', () => {
  test('opens clean, with the schema defaults filled in', () => {
    const input: MappingInput = {
      id: 'x',
      name: 'X',
      source: { format: 'hl7v2' },
      nodes: [{ id: 'p', type: 'target', resourceType: 'Patient' }],
      edges: [],
    };
    const s = createEditorStore({ mapping: input, draftRevision: 0 }).getState();
    expect(s).toMatchObject({ dirty: false, saveState: 'saved', draftRevision: 0, lastError: null });
    expect(s.mapping.nodes[0]).toMatchObject({ references: [] });
    expect(s.mapping.source.messageTypes).toEqual([]);
  });

  test('an edit is one undo step, marks the document dirty, and undo makes it clean again', () => {
    const store = open();
    const id = store.getState().addSourceNode({ path: 'PID.F11', position: { x: 0, y: 300 } });
    expect(id).toBe('pid11');
    expect(store.getState()).toMatchObject({
      dirty: true,
      saveState: 'dirty',
      selection: { nodes: ['pid11'] },
    });
    store.getState().connect({ source: 'pid11', target: 'patient', targetHandle: 'address' });
    expect(store.getState().mapping.edges).toHaveLength(5);
    store.getState().undo();
    expect(store.getState().mapping.edges).toHaveLength(4);
    store.getState().undo();
    expect(store.getState()).toMatchObject({ dirty: false, saveState: 'saved' });
    expect(store.getState().mapping).toBe(store.getState().saved);
    // the selection no longer names the node that is gone
    expect(store.getState().selection.nodes).toEqual([]);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().mapping.edges).toHaveLength(5);
    expectCompiles(store.getState().mapping);
  });

  test('a refused connect sets lastError and leaves mapping and history alone', () => {
    const store = open();
    const before = store.getState();
    expect(store.getState().connect({ source: 'humanName', target: 'pid5', targetHandle: 'x' })).toBeNull();
    const after = store.getState();
    expect(after.lastError).toMatchObject({ code: 'edge-into-input', at: { nodeId: 'pid5' } });
    expect(after.mapping).toBe(before.mapping);
    expect(after.history).toBe(before.history);
    expect(after.dirty).toBe(false);
    // the next successful edit clears it
    store.getState().connect({ source: 'pid7', target: 'patient', targetHandle: 'birthDate' });
    expect(store.getState().lastError).toBeNull();
  });

  test('typing in one field is one undo step', () => {
    const store = open();
    for (const expression of ['$to', '$toHuman', '$toHumanName($xpn)[0]'])
      store.getState().updateNode('humanName', { expression }, { coalesceKey: 'humanName.expression' });
    store.getState().updateNode('humanName', { label: 'Name' }, { coalesceKey: 'humanName.label' });
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().mapping.nodes.find((n) => n.id === 'humanName')).toMatchObject({
      expression: '$toHumanName($xpn)',
    });
    expect(store.getState().updateNode('humanName', { expression: '' })).toBe(false);
    expect(store.getState().lastError?.code).toBe('invalid-node');
  });

  test('drag a field onto an element, put a transform into the wire, then a lookup: still compiles', () => {
    const store = open(example('adt-patient'));
    const edgeId = store.getState().mapSourceToElement({
      path: 'PID.F21',
      label: "PID-21 Mother's Identifier",
      resourceType: 'Patient',
      element: 'link',
    });
    expect(edgeId).not.toBeNull();
    const transform = store.getState().insertTransformOnEdge(edgeId!, '$in ? { "type": "seealso" }');
    expect(transform).toBe('transform');
    expect(store.getState().selection.nodes).toEqual(['transform']);
    const gender = store.getState().mapping.edges.find((e) => e.source === 'gender')!;
    expect(store.getState().insertLookupOnEdge(gender.id, 'v2-0001')).toBe('lookup');
    expectCompiles(store.getState().mapping);
    expect(store.getState().history.past).toHaveLength(3);
  });

  test('copy the selection, paste it as new nodes, delete the selection', () => {
    const store = open();
    store.getState().select({ nodes: ['pid5', 'humanName'] });
    store.getState().copySelection();
    expect(store.getState().clipboard?.edges.map((e) => e.id)).toEqual(['e1']);
    const pasted = store.getState().paste();
    expect(pasted).toEqual(['pid5_1', 'humanName2']);
    expect(store.getState().selection).toEqual({ nodes: pasted, edges: [] });
    store.getState().deleteSelection();
    expect(store.getState().mapping.nodes.map((n) => n.id)).toEqual(small().nodes.map((n) => n.id));
    store.getState().select({ nodes: ['gender'], edges: ['e2'] });
    store.getState().deleteSelection();
    const m = store.getState().mapping;
    expect(m.nodes.some((n) => n.id === 'gender')).toBe(false);
    expect(m.edges.map((e) => e.id)).toEqual(['e1']);
    expectNoDangling(m);
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  test('moving nodes and removing edges are undoable', () => {
    const store = open();
    store.getState().moveNodes({ pid5: { x: 5, y: 5 } });
    store.getState().removeEdges(['e1']);
    store.getState().removeNodes(['pid8']);
    expect(store.getState().history.past).toHaveLength(3);
    // a move to where the node already is adds no step
    store.getState().moveNodes({ pid5: { x: 5, y: 5 } });
    expect(store.getState().history.past).toHaveLength(3);
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().mapping).toEqual(small());
  });

  test('applyLayout positions every node as one undo step', async () => {
    const bare = small();
    const store = open({ ...bare, nodes: bare.nodes.map(({ position: _p, ...n }) => n) });
    await store.getState().applyLayout();
    expect(store.getState().mapping.nodes.every((n) => n.position)).toBe(true);
    expect(store.getState()).toMatchObject({ dirty: true });
    store.getState().undo();
    expect(store.getState().mapping.nodes.some((n) => n.position)).toBe(false);
  });

  test('applyLayout on open ({ asEdit: false }) leaves no undo step and no unsaved change', async () => {
    const bare = small();
    const store = open({ ...bare, nodes: bare.nodes.map(({ position: _p, ...n }) => n) });
    await store.getState().applyLayout({ asEdit: false });
    expect(store.getState().mapping.nodes.every((n) => n.position)).toBe(true);
    expect(store.getState()).toMatchObject({ dirty: false, saveState: 'saved', history: { past: [] } });
  });

  describe('saving', () => {
    test('saving, then saved with the new revision', () => {
      const store = open();
      store.getState().removeEdges(['e4']);
      const sent = store.getState().markSaving();
      expect(sent).toEqual({ mapping: store.getState().mapping, draftRevision: 3 });
      expect(store.getState().saveState).toBe('saving');
      store.getState().markSaved(4);
      expect(store.getState()).toMatchObject({ saveState: 'saved', dirty: false, draftRevision: 4 });
    });

    test('an edit during the save stays dirty after it', () => {
      const store = open();
      store.getState().removeEdges(['e4']);
      store.getState().markSaving();
      store.getState().removeEdges(['e3']);
      expect(store.getState().saveState).toBe('saving');
      store.getState().markSaved(4);
      expect(store.getState()).toMatchObject({ saveState: 'dirty', dirty: true, draftRevision: 4 });
    });

    test('a conflict holds until the document is replaced; replaceDocument clears the history', () => {
      const store = open();
      store.getState().removeEdges(['e4']);
      store.getState().markSaving();
      store.getState().markConflict();
      store.getState().removeEdges(['e3']);
      expect(store.getState().saveState).toBe('conflict');
      const theirs = example('adt-patient');
      store.getState().replaceDocument(theirs, 9);
      expect(store.getState()).toMatchObject({
        mapping: theirs,
        draftRevision: 9,
        saveState: 'saved',
        dirty: false,
        history: { past: [], future: [] },
        selection: { nodes: [], edges: [] },
      });
    });

    test('a failed save is an error until the next edit, which is dirty again', () => {
      const store = open();
      store.getState().removeEdges(['e4']);
      store.getState().markSaving();
      store.getState().markError('unreachable');
      expect(store.getState()).toMatchObject({ saveState: 'error', lastError: { code: 'save-failed' } });
      store.getState().removeEdges(['e3']);
      expect(store.getState().saveState).toBe('dirty');
    });

    test('restoreBackup brings back unsaved work as an undoable edit', () => {
      const store = open();
      const backup = { ...small(), edges: [] };
      store.getState().restoreBackup(backup);
      expect(store.getState()).toMatchObject({ dirty: true, saveState: 'dirty' });
      expect(store.getState().mapping.edges).toEqual([]);
      store.getState().undo();
      expect(store.getState().mapping.edges).toHaveLength(4);
    });
  });
});
