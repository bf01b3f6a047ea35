import type { MappingInput } from '@mapwright/engine';

/**
 * The last unsaved graph of a mapping in this browser, so an expired session, a closed server or a
 * closed tab never loses an edit: the editor offers it back when the server's draft is older.
 */
export interface LocalBackup {
  baseRevision: number;
  graph: MappingInput;
  savedAt: string;
}

const key = (mappingId: string) => `mapwright.unsaved.${mappingId}`;

export function writeBackup(storage: Storage, mappingId: string, backup: LocalBackup): void {
  try {
    storage.setItem(key(mappingId), JSON.stringify(backup));
  } catch {
    // A full or disabled storage only loses the backup, never the edit in the page.
  }
}

export function readBackup(storage: Storage, mappingId: string): LocalBackup | null {
  try {
    const raw = storage.getItem(key(mappingId));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalBackup;
    return typeof parsed.baseRevision === 'number' && parsed.graph ? parsed : null;
  } catch {
    return null;
  }
}

export function clearBackup(storage: Storage, mappingId: string): void {
  try {
    storage.removeItem(key(mappingId));
  } catch {
    // Nothing to clear.
  }
}
