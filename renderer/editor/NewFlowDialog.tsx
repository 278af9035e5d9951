import { useId, useState } from 'react';
import { attempt } from '../commands/report-failure.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { withLanguageCodes } from '../bidi/language-codes.tsx';
import { blankFlow, createFlow, newFlowId } from './commands/new-flow.ts';
import { templates } from './commands/templates.ts';
import { useEditorText } from './texts.ts';
import { useEditorUiStore } from './ui-store.ts';

/** New flow: a blank one (Start and a bot disclosure) or a copy of a template from flows/examples. */
export function NewFlowDialog() {
  const text = useEditorText();
  const ui = useLanguageStore((state) => state.language);
  const close = useEditorUiStore((state) => state.close);
  const [name, setName] = useState(() => text('new-flow-name'));
  const id = useId();
  const create = (make: () => Parameters<typeof createFlow>[0]) => {
    close();
    void attempt(() => createFlow(make()));
  };
  return (
    <div className="dialog-backdrop" onMouseDown={close}>
      <div
        className="dialog new-flow"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-heading`}
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <h2 id={`${id}-heading`}>{text('new-flow-heading')}</h2>
        <form
          className="new-flow__blank"
          onSubmit={(event) => {
            event.preventDefault();
            const trimmed = name.trim() || text('new-flow-name');
            create(() => blankFlow(newFlowId(trimmed), trimmed, ui));
          }}
        >
          <h3>{text('blank-flow')}</h3>
          <p className="muted">{text('blank-flow-help')}</p>
          <label htmlFor={`${id}-name`}>{text('flow-name')}</label>
          <input
            id={`${id}-name`}
            dir="auto"
            autoFocus
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit">{text('create')}</button>
        </form>
        <h3>{text('templates')}</h3>
        <ul className="new-flow__templates">
          {templates.map((template) => (
            <li key={template.flow.id}>
              <button
                type="button"
                className="new-flow__template"
                onClick={() => create(() => ({ ...template.flow, id: newFlowId(template.flow.id) }))}
              >
                <span className="new-flow__template-name" dir="auto">
                  {template.flow.name}
                </span>
                <span className="muted">
                  {withLanguageCodes(
                    (languages) => text('template-languages', { languages }),
                    template.flow.languages,
                    ui,
                  )}
                </span>
                <span>{template.shows[ui]}</span>
              </button>
            </li>
          ))}
        </ul>
        <button type="button" onClick={close}>
          {text('cancel')}
        </button>
      </div>
    </div>
  );
}
