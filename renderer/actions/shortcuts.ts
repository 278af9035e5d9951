/** Whether the platform's command key is ⌘ (Mac) rather than Ctrl. */
const usesCommandKey = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Whether a key event is this shortcut (`Mod+Shift+Z`, `Delete`, `Shift+?`). Mod is Ctrl or ⌘.
 * For symbols such as `?`, Shift is part of typing the symbol and is not compared.
 */
export function matchesShortcut(event: KeyEventLike, shortcut: string): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop() ?? '';
  const wants = new Set(parts);
  const symbol = key.length === 1 && !/[a-z0-9]/i.test(key);
  if (event.key.toLowerCase() !== key.toLowerCase()) return false;
  if (wants.has('Mod') !== (event.ctrlKey || event.metaKey)) return false;
  if (wants.has('Alt') !== event.altKey) return false;
  return symbol || wants.has('Shift') === event.shiftKey;
}

/** A shortcut as this platform writes it: `Ctrl+Shift+Z` or `⌘⇧Z`. */
export function shortcutText(shortcut: string): string {
  if (!usesCommandKey) return shortcut.replace('Mod', 'Ctrl');
  return shortcut.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}

/** True while the person types in a field: shortcuts then leave the keys to the field. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
  return false;
}
