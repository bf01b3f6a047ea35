import { createStore } from 'zustand/vanilla';
import type { Mapping, MappingInput } from '@mapwright/engine';
import { toDocument } from './document';
import type { NodePosition } from './graph-query';
import { copyNodes, pasteNodes, type Clipboard } from './clipboard';
import {
  insertLookupOnEdge,
  insertTransformOnEdge,
  moveNodes,
  removeEdges,
  removeNodes,
  updateNode,
  type NodePatch,
} from './edit-ops';
import type { GraphError, GraphResult } from './graph-error';
import {
  addConstant,
  addLookup,
  addSourceNode,
  addTargetNode,
  addTransform,
  connect,
  connectToElement,
  mapSourceToElement,
  type AddConstantInput,
  type AddLookupInput,
  type AddSourceInput,
  type AddTargetInput,
  type AddTransformInput,
  type ConnectInput,
  type ConnectToElementInput,
  type MapSourceInput,
} from './graph-ops';
import { createHistory, push, redo, undo, type History } from './history';
import { autoLayout, type LayoutEngine } from './layout';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';
export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface EditorData {
  mapping: Mapping;
  history: History<Mapping>;
  selection: Selection;
  clipboard: Clipboard | null;
  /** The mapping differs from the last one saved or loaded (undoing back to it makes it clean again). */
  dirty: boolean;
  /** The server's draft revision the next save is based on (optimistic concurrency). */
  draftRevision: number;
  saveState: SaveState;
  /** Why the last operation was refused, or why the last save failed. */
  lastError: GraphError | { code: 'save-failed'; message: string } | null;
  /** The mapping as last saved or loaded; `dirty` compares against it by identity. */
  saved: Mapping;
  /** The mapping a save in flight is writing. */
  saving: Mapping | null;
}

/** Each action returns what it created (ids) or null when it was refused; the reason is in `lastError`. */
export interface EditorActions {
  addSourceNode(input: AddSourceInput): string | null;
  addTargetNode(input: AddTargetInput): string | null;
  addTransform(input: AddTransformInput): string | null;
  addLookup(input: AddLookupInput): string | null;
  addConstant(input: AddConstantInput): string | null;
  mapSourceToElement(input: MapSourceInput): string | null;
  connect(input: ConnectInput): string | null;
  connectToElement(input: ConnectToElementInput): string | null;
  insertTransformOnEdge(edgeId: string, expression?: string): string | null;
  insertLookupOnEdge(edgeId: string, conceptMap: string): string | null;
  /** Successive edits with the same `coalesceKey` (keystrokes in one field) make one undo step. */
  updateNode(id: string, patch: NodePatch, options?: { coalesceKey?: string }): boolean;
  moveNodes(positions: Readonly<Record<string, NodePosition>>): void;
  removeNodes(ids: readonly string[]): void;
  removeEdges(ids: readonly string[]): void;
  undo(): void;
  redo(): void;
  select(selection: Partial<Selection>): void;
  copySelection(): void;
  paste(offset?: NodePosition): string[];
  deleteSelection(): void;
  /** Lays the graph out; `asEdit: false` (opening a mapping without positions) adds no undo step and no dirt. */
  applyLayout(options?: { asEdit?: boolean; elk?: LayoutEngine }): Promise<void>;
  /** A save starts: returns what to send. */
  markSaving(): { mapping: Mapping; draftRevision: number };
  markSaved(draftRevision: number): void;
  markConflict(): void;
  markError(message: string): void;
  /** After a reload from the server: a new document, a fresh history. */
  replaceDocument(mapping: MappingInput, draftRevision: number): void;
  /** Puts back a graph kept in this browser (unsaved edits from an earlier session), as one undoable edit. */
  restoreBackup(mapping: MappingInput): void;
  clearError(): void;
}

export type EditorState = EditorData & EditorActions;

const EMPTY: Selection = { nodes: [], edges: [] };

/** The selection without ids the mapping no longer has (after delete, undo, reload). */
function pruneSelection(selection: Selection, mapping: Mapping): Selection {
  const nodes = selection.nodes.filter((id) => mapping.nodes.some((n) => n.id === id));
  const edges = selection.edges.filter((id) => mapping.edges.some((e) => e.id === id));
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}

function afterSaveState(state: EditorData, mapping: Mapping): Pick<EditorData, 'dirty' | 'saveState'> {
  const dirty = mapping !== state.saved;
  if (state.saveState === 'saving' || state.saveState === 'conflict')
    return { dirty, saveState: state.saveState };
  return { dirty, saveState: dirty ? 'dirty' : 'saved' };
}

export function createEditorStore(initial: { mapping: MappingInput; draftRevision: number }) {
  const opened = toDocument(initial.mapping);
  return createStore<EditorState>()((set, get) => {
    /** The one place an edit lands: history, dirt, selection kept valid. */
    const commit = (mapping: Mapping, options: { coalesceKey?: string; select?: Selection } = {}) => {
      const state = get();
      if (mapping === state.mapping && !options.select) return;
      set({
        mapping,
        history: push(
          state.history,
          mapping,
          options.coalesceKey === undefined ? {} : { coalesceKey: options.coalesceKey },
        ),
        selection: options.select ?? pruneSelection(state.selection, mapping),
        lastError: null,
        ...afterSaveState(state, mapping),
      });
    };
    /** Applies an operation result: commits it, or records the refusal and leaves the mapping alone. */
    const apply = <T extends object>(
      result: GraphResult<T>,
      pick: (done: T) => string,
      selectNode = false,
    ) => {
      if (!result.ok) {
        set({ lastError: result.error });
        return null;
      }
      const id = pick(result);
      commit(result.mapping, selectNode ? { select: { nodes: [id], edges: [] } } : {});
      return id;
    };
    const jump = (history: History<Mapping>) => {
      const state = get();
      if (history === state.history) return;
      set({
        history,
        mapping: history.present,
        selection: pruneSelection(state.selection, history.present),
        ...afterSaveState(state, history.present),
      });
    };

    return {
      mapping: opened,
      history: createHistory(opened),
      selection: EMPTY,
      clipboard: null,
      dirty: false,
      draftRevision: initial.draftRevision,
      saveState: 'saved',
      lastError: null,
      saved: opened,
      saving: null,

      addSourceNode: (input) => apply(addSourceNode(get().mapping, input), (r) => r.nodeId, true),
      addTargetNode: (input) => apply(addTargetNode(get().mapping, input), (r) => r.nodeId, true),
      addTransform: (input) => apply(addTransform(get().mapping, input), (r) => r.nodeId, true),
      addLookup: (input) => apply(addLookup(get().mapping, input), (r) => r.nodeId, true),
      addConstant: (input) => apply(addConstant(get().mapping, input), (r) => r.nodeId, true),
      mapSourceToElement: (input) => apply(mapSourceToElement(get().mapping, input), (r) => r.edgeId),
      connect: (input) => apply(connect(get().mapping, input), (r) => r.edgeId),
      connectToElement: (input) => apply(connectToElement(get().mapping, input), (r) => r.edgeId),
      insertTransformOnEdge: (edgeId, expression) =>
        apply(insertTransformOnEdge(get().mapping, edgeId, expression), (r) => r.nodeId, true),
      insertLookupOnEdge: (edgeId, conceptMap) =>
        apply(insertLookupOnEdge(get().mapping, edgeId, conceptMap), (r) => r.nodeId, true),
      updateNode: (id, patch, options = {}) => {
        const result = updateNode(get().mapping, id, patch);
        if (!result.ok) {
          set({ lastError: result.error });
          return false;
        }
        commit(result.mapping, options.coalesceKey === undefined ? {} : { coalesceKey: options.coalesceKey });
        return true;
      },
      moveNodes: (positions) => commit(moveNodes(get().mapping, positions)),
      removeNodes: (ids) => commit(removeNodes(get().mapping, ids)),
      removeEdges: (ids) => commit(removeEdges(get().mapping, ids)),

      undo: () => jump(undo(get().history)),
      redo: () => jump(redo(get().history)),

      select: (selection) => set((s) => ({ selection: { ...s.selection, ...selection } })),
      copySelection: () => {
        const { mapping, selection } = get();
        if (selection.nodes.length > 0) set({ clipboard: copyNodes(mapping, selection.nodes) });
      },
      paste: (offset) => {
        const { clipboard, mapping } = get();
        if (!clipboard || clipboard.nodes.length === 0) return [];
        const pasted = pasteNodes(mapping, clipboard, offset);
        commit(pasted.mapping, { select: { nodes: pasted.nodeIds, edges: [] } });
        return pasted.nodeIds;
      },
      deleteSelection: () => {
        const { mapping, selection } = get();
        commit(removeNodes(removeEdges(mapping, selection.edges), selection.nodes), { select: EMPTY });
      },

      applyLayout: async ({ asEdit = true, elk } = {}) => {
        const laid = await autoLayout(get().mapping, elk ? { elk } : {});
        const state = get();
        // The analyst may have edited while ELK ran: keep those edits, take only the positions.
        const positions = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position!]));
        const next = moveNodes(state.mapping, positions);
        if (asEdit) return commit(next);
        if (next === state.mapping) return;
        const clean = state.mapping === state.saved;
        set({
          mapping: next,
          history: { ...state.history, present: next },
          ...(clean ? { saved: next } : {}),
        });
      },

      markSaving: () => {
        const { mapping, draftRevision } = get();
        set({ saveState: 'saving', saving: mapping });
        return { mapping, draftRevision };
      },
      markSaved: (draftRevision) => {
        const state = get();
        const saved = state.saving ?? state.mapping;
        const dirty = state.mapping !== saved;
        set({ draftRevision, saved, saving: null, dirty, saveState: dirty ? 'dirty' : 'saved' });
      },
      markConflict: () => set({ saveState: 'conflict', saving: null }),
      markError: (message) =>
        set({ saveState: 'error', saving: null, lastError: { code: 'save-failed', message } }),
      replaceDocument: (input, draftRevision) => {
        const mapping = toDocument(input);
        set({
          mapping,
          draftRevision,
          history: createHistory(mapping),
          selection: EMPTY,
          saved: mapping,
          saving: null,
          dirty: false,
          saveState: 'saved',
          lastError: null,
        });
      },
      restoreBackup: (mapping) => commit(toDocument(mapping)),
      clearError: () => set({ lastError: null }),
    };
  });
}

export type EditorStore = ReturnType<typeof createEditorStore>;
