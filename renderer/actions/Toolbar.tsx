import { isEnabled, actionsIn, performAction } from './registry.ts';
import { shortcutText } from './shortcuts.ts';
import { useActionsWithState } from './use-action-state.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useDocumentStore } from '../stores/document-store.ts';
import { useEditorText } from '../editor/texts.ts';
import { isolated } from '../bidi/isolated.ts';

/**
 * The editor's toolbar: every action registered with a `toolbar` place, in order. Another area adds
 * a button by registering an action (`places: { toolbar: 80 }`), never by editing this file.
 */
export function Toolbar() {
  const language = useLanguageStore((state) => state.language);
  const text = useEditorText();
  const actions = useActionsWithState();
  const dirty = useDocumentStore((state) => state.dirty);
  return (
    <div className="toolbar" role="toolbar" aria-label={text('toolbar')}>
      {actionsIn(actions, 'toolbar').map((action) => {
        const shortcut = action.shortcuts?.[0];
        return (
          <button
            key={action.id}
            type="button"
            className={`toolbar__button toolbar__button--${action.id}`}
            disabled={!isEnabled(action)}
            title={shortcut ? `${action.label[language]} (${isolated(shortcutText(shortcut))})` : undefined}
            aria-keyshortcuts={shortcut?.replace('Mod', 'Control')}
            onClick={() => performAction(action.id)}
          >
            {action.label[language]}
          </button>
        );
      })}
      {dirty && (
        <span className="toolbar__dirty badge" role="status">
          {text('dirty')}
        </span>
      )}
    </div>
  );
}
