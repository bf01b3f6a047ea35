import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { createEditorStore } from '../model';

export type EditorStore = ReturnType<typeof createEditorStore>;
export type EditorState = ReturnType<EditorStore['getState']>;

export const EditorStoreContext = createContext<EditorStore | null>(null);

export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor outside an EditorStoreContext provider');
  return store;
}

/** Subscribe to one slice of the editor's state. */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
