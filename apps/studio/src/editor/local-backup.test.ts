import { describe, expect, it } from 'vitest';
import { clearBackup, readBackup, writeBackup } from './local-backup';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}

const graph = { id: 'm', name: 'M', source: { format: 'hl7v2' as const }, nodes: [], edges: [] };

describe('local backup of unsaved edits', () => {
  it('keeps one backup per mapping until it is cleared', () => {
    const storage = memoryStorage();
    writeBackup(storage, 'a', { baseRevision: 3, graph, savedAt: '2026-11-22T00:00:00Z' });
    expect(readBackup(storage, 'a')?.baseRevision).toBe(3);
    expect(readBackup(storage, 'b')).toBeNull();
    clearBackup(storage, 'a');
    expect(readBackup(storage, 'a')).toBeNull();
  });
  it('ignores a corrupt entry instead of failing the editor', () => {
    const storage = memoryStorage();
    storage.setItem('mapwright.unsaved.a', '{not json');
    expect(readBackup(storage, 'a')).toBeNull();
  });
});
