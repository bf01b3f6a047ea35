/** Every editor action with its keys: the help panel lists these, and the key handler reads them. */
export const SHORTCUTS = [
  { action: 'undo', keys: 'Ctrl+Z', label: 'Undo' },
  { action: 'redo', keys: 'Ctrl+Shift+Z / Ctrl+Y', label: 'Redo' },
  { action: 'copy', keys: 'Ctrl+C', label: 'Copy the selected nodes' },
  { action: 'paste', keys: 'Ctrl+V', label: 'Paste' },
  { action: 'delete', keys: 'Delete / Backspace', label: 'Delete the selection' },
  { action: 'selectAll', keys: 'Ctrl+A', label: 'Select every node' },
  { action: 'save', keys: 'Ctrl+S', label: 'Save the draft now (it also saves by itself)' },
  { action: 'layout', keys: 'L', label: 'Auto-layout the graph' },
  { action: 'fit', keys: 'F', label: 'Zoom to fit' },
  { action: 'search', keys: '/', label: 'Search the source tree' },
  { action: 'clear', keys: 'Escape', label: 'Clear the selection, close panels' },
  { action: 'help', keys: '?', label: 'Show these shortcuts' },
  { action: 'multi', keys: 'Ctrl+click / Shift+drag', label: 'Select several nodes' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** The action a key press means, or null. Ctrl and Cmd are the same, so macOS works too. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return null;
  if (mod) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    if (key === 'c') return 'copy';
    if (key === 'v') return 'paste';
    if (key === 'a') return 'selectAll';
    if (key === 's') return 'save';
    return null;
  }
  if (key === 'delete' || key === 'backspace') return 'delete';
  if (key === 'escape') return 'clear';
  if (event.key === '?') return 'help';
  if (key === '/') return 'search';
  if (key === 'l') return 'layout';
  if (key === 'f') return 'fit';
  return null;
}

/** Keys typed into a field or an editor belong to it, not to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable="true"], .monaco-editor') !== null;
}
