import { useMemo, useState } from 'react';
import { useEditorText } from '../editor/texts.ts';
import { useEditorUiStore } from '../editor/ui-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { isEnabled, performAction } from './registry.ts';
import { shortcutText } from './shortcuts.ts';
import { useActionsWithState } from './use-action-state.ts';

/** Ctrl/⌘+K: every enabled action, filtered as the person types; Enter runs the first or the chosen one. */
export function CommandPalette() {
  const text = useEditorText();
  const language = useLanguageStore((state) => state.language);
  const close = useEditorUiStore((state) => state.close);
  const actions = useActionsWithState();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const shown = useMemo(() => {
    const wanted = query.trim().toLocaleLowerCase();
    return [...actions.values()].filter(
      (action) =>
        action.id !== 'command-palette' &&
        isEnabled(action) &&
        (wanted === '' || action.label[language].toLocaleLowerCase().includes(wanted) || action.id.includes(wanted)),
    );
  }, [actions, language, query]);

  const run = (id: string) => {
    close();
    // After the dialog has closed, so focus and the canvas are back for the action.
    requestAnimationFrame(() => performAction(id));
  };

  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className="dialog command-palette"
        role="dialog"
        aria-modal="true"
        aria-label={text('command-palette')}
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls="command-list"
          aria-activedescendant={shown[active] ? `command-${shown[active].id}` : undefined}
          aria-label={text('palette-label')}
          placeholder={text('palette-placeholder')}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
            else if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, shown.length - 1));
            else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
            else if (event.key === 'Enter' && shown[active]) run(shown[active].id);
            else return;
            event.preventDefault();
          }}
        />
        <ul id="command-list" role="listbox" aria-label={text('command-palette')}>
          {shown.length === 0 && <li className="muted">{text('palette-empty')}</li>}
          {shown.map((action, index) => (
            <li
              key={action.id}
              id={`command-${action.id}`}
              role="option"
              aria-selected={index === active}
              className="command-palette__item"
              onMouseDown={(event) => {
                event.preventDefault();
                run(action.id);
              }}
            >
              <span>{action.label[language]}</span>
              {action.shortcuts?.[0] && <kbd>{shortcutText(action.shortcuts[0])}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
