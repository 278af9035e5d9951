import { findKind, kindForms, type PaletteGroup } from '../../flows/index.ts';
import { isViewingOld, useDocumentStore } from '../stores/document-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { addStep, kindDragType } from './commands/add-step.ts';
import { useEditorText } from './texts.ts';

const groups: { group: Exclude<PaletteGroup, 'none'>; key: 'group-conversation' | 'group-logic' | 'group-privacy' }[] =
  [
    { group: 'conversation', key: 'group-conversation' },
    { group: 'logic', key: 'group-logic' },
    { group: 'privacy', key: 'group-privacy' },
  ];

/**
 * The steps a designer can add, grouped as Conversation, Logic and Privacy, each with one line of
 * what it does. Drag one onto the canvas (or onto a connection, to put it in between), or press
 * Enter or click to add it in the middle of the view. Entries come from the kinds' forms.
 */
export function Palette() {
  const text = useEditorText();
  const language = useLanguageStore((state) => state.language);
  const editable = useDocumentStore((state) => state.working !== null && !isViewingOld(state));
  return (
    <section className="palette" aria-label={text('steps')}>
      <p className="palette__hint muted">{text('palette-hint')}</p>
      {groups.map(({ group, key }) => (
        <div key={group} role="group" aria-labelledby={`palette-${group}`} className="palette__group">
          <h3 id={`palette-${group}`}>{text(key)}</h3>
          {kindForms
            .filter((form) => form.group === group)
            .map((form) => {
              const label = findKind(form.type)?.label[language] ?? form.type;
              return (
                <button
                  key={form.type}
                  type="button"
                  className={`palette__item palette__item--${form.type}`}
                  draggable={editable}
                  disabled={!editable}
                  aria-label={label}
                  aria-describedby={`palette-help-${form.type}`}
                  onDragStart={(event) => {
                    event.dataTransfer.setData(kindDragType, form.type);
                    event.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => addStep(form.type)}
                >
                  <span className="palette__label">{label}</span>
                  <span id={`palette-help-${form.type}`} className="palette__help">
                    {form.explanation[language]}
                  </span>
                </button>
              );
            })}
        </div>
      ))}
    </section>
  );
}
