import { describe, expect, it } from 'vitest';
import { SHORTCUTS, shortcutFor } from './shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('editor shortcuts', () => {
  it('reads Ctrl and Cmd alike for undo, redo, copy, paste and save', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(key('c', { metaKey: true }))).toBe('copy');
    expect(shortcutFor(key('v', { ctrlKey: true }))).toBe('paste');
    expect(shortcutFor(key('s', { ctrlKey: true }))).toBe('save');
  });
  it('maps single keys and ignores everything else', () => {
    expect(shortcutFor(key('Delete'))).toBe('delete');
    expect(shortcutFor(key('Backspace'))).toBe('delete');
    expect(shortcutFor(key('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(key('l'))).toBe('layout');
    expect(shortcutFor(key('x'))).toBeNull();
    expect(shortcutFor(key('z', { altKey: true, ctrlKey: true }))).toBeNull();
  });
  it('lists every action it answers to in the help panel', () => {
    const listed = new Set<string>(SHORTCUTS.map((s) => s.action));
    for (const k of ['z', 'y', 'c', 'v', 'a', 's'])
      expect(listed.has(shortcutFor(key(k, { ctrlKey: true }))!)).toBe(true);
    for (const k of ['Delete', 'Escape', '?', '/', 'l', 'f'])
      expect(listed.has(shortcutFor(key(k))!)).toBe(true);
  });
});
