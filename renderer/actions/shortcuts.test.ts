import { describe, expect, it } from 'vitest';
import { matchesShortcut } from './shortcuts.ts';

const key = (
  key: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchesShortcut', () => {
  it('reads Mod as Ctrl or ⌘ and tells Shift apart for letters', () => {
    expect(matchesShortcut(key('z', { ctrlKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(key('z', { metaKey: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Shift+Z')).toBe(true);
    expect(matchesShortcut(key('z'), 'Mod+Z')).toBe(false);
  });

  it('takes Shift as part of a symbol and names keys such as Delete', () => {
    expect(matchesShortcut(key('?', { shiftKey: true }), 'Shift+?')).toBe(true);
    expect(matchesShortcut(key('Delete'), 'Delete')).toBe(true);
    expect(matchesShortcut(key('Backspace', { ctrlKey: true }), 'Backspace')).toBe(false);
  });
});
