import { useEffect } from 'react';
import { isEnabled, performAction, useActionsStore } from './registry.ts';
import { isTyping, matchesShortcut } from './shortcuts.ts';

/**
 * Carries out the registered actions' keyboard shortcuts, and copy, cut and paste through the
 * browser's clipboard events. Nothing happens while the person types in a field.
 */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      for (const action of useActionsStore.getState().actions.values()) {
        // Copy, cut and paste arrive as clipboard events (below), which carry the clipboard.
        if (action.clipboardEvent) continue;
        if (!action.shortcuts?.some((shortcut) => matchesShortcut(event, shortcut))) continue;
        if (!isEnabled(action)) return;
        event.preventDefault();
        performAction(action.id);
        return;
      }
    };
    const onClipboard = (event: ClipboardEvent) => {
      if (isTyping(event.target) || isTyping(document.activeElement)) return;
      for (const action of useActionsStore.getState().actions.values()) {
        if (action.clipboardEvent !== event.type || !isEnabled(action)) continue;
        event.preventDefault();
        performAction(action.id, { clipboard: event.clipboardData });
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onClipboard);
    document.addEventListener('cut', onClipboard);
    document.addEventListener('paste', onClipboard);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onClipboard);
      document.removeEventListener('cut', onClipboard);
      document.removeEventListener('paste', onClipboard);
    };
  }, []);
}
