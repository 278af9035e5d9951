import { useEditorText } from '../editor/texts.ts';
import { useEditorUiStore } from '../editor/ui-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useActionsStore } from './registry.ts';
import { shortcutText } from './shortcuts.ts';

/** Shift+?: every action that has a shortcut, with its keys. */
export function CheatSheet() {
  const text = useEditorText();
  const language = useLanguageStore((state) => state.language);
  const close = useEditorUiStore((state) => state.close);
  const actions = useActionsStore((state) => state.actions);
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className="dialog cheat-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cheat-sheet-heading"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <h2 id="cheat-sheet-heading">{text('cheat-sheet-heading')}</h2>
        <dl>
          {[...actions.values()]
            .filter((action) => action.shortcuts && action.shortcuts.length > 0)
            .map((action) => (
              <div key={action.id} className="cheat-sheet__row">
                <dt>{action.label[language]}</dt>
                <dd>
                  {action.shortcuts?.map((shortcut) => (
                    <kbd key={shortcut} dir="ltr">
                      {shortcutText(shortcut)}
                    </kbd>
                  ))}
                </dd>
              </div>
            ))}
        </dl>
        <button type="button" autoFocus onClick={close}>
          {text('close')}
        </button>
      </div>
    </div>
  );
}
