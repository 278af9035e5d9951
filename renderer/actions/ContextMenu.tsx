import { useEffect, useRef } from 'react';
import { useEditorText } from '../editor/texts.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { actionsIn, isEnabled, performAction, type ActionPlace } from './registry.ts';
import { useActionsWithState } from './use-action-state.ts';

export interface ContextMenuRequest {
  place: Extract<ActionPlace, 'node-menu' | 'edge-menu' | 'pane-menu'>;
  /** Screen position of the pointer, or of the focused element for the keyboard. */
  x: number;
  y: number;
  at?: { x: number; y: number };
}

/** The context menu of a step, a connection or the empty canvas: the actions registered for that place. */
export function ContextMenu({ request, onClose }: { request: ContextMenuRequest; onClose(): void }) {
  const text = useEditorText();
  const language = useLanguageStore((state) => state.language);
  const actions = useActionsWithState();
  const menu = useRef<HTMLUListElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
  }, []);
  const items = actionsIn(actions, request.place);
  const move = (step: number) => {
    const all = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = all.indexOf(document.activeElement as HTMLElement);
    all[(index + step + all.length) % all.length]?.focus();
  };
  return (
    <div className="context-menu-backdrop" onMouseDown={onClose} onContextMenu={(event) => event.preventDefault()}>
      <ul
        ref={menu}
        role="menu"
        aria-label={text('context-menu')}
        className="context-menu"
        style={{ insetInlineStart: undefined, left: request.x, top: request.y }}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
          else if (event.key === 'ArrowDown') move(1);
          else if (event.key === 'ArrowUp') move(-1);
          else return;
          event.preventDefault();
        }}
      >
        {items.map((action) => {
          const enabled = isEnabled(action);
          return (
            <li
              key={action.id}
              role="menuitem"
              tabIndex={-1}
              aria-disabled={!enabled}
              onClick={() => {
                if (!enabled) return;
                onClose();
                performAction(action.id, request.at ? { at: request.at } : {});
              }}
              onKeyDown={(event) => {
                if ((event.key === 'Enter' || event.key === ' ') && enabled) {
                  event.preventDefault();
                  onClose();
                  performAction(action.id);
                }
              }}
            >
              {action.label[language]}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
