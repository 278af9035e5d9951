import { useId, useState } from 'react';
import { addFlowLanguage, EditError, editErrorMessage, removeFlowLanguage } from '../../flows/edit/index.ts';
import { isViewingOld, useDocumentStore } from '../stores/document-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { useEditorText } from './texts.ts';
import { isolated } from '../bidi/isolated.ts';

/** The flow's languages: which one the cards show, adding one, removing one. */
export function FlowLanguages() {
  const text = useEditorText();
  const ui = useLanguageStore((state) => state.language);
  const languages = useDocumentStore((state) => state.working?.languages);
  const readOnly = useDocumentStore(isViewingOld);
  const shown = useViewportStore((state) => state.flowLanguage);
  const [adding, setAdding] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  if (!languages) return null;
  const attempt = (edit: () => void) => {
    try {
      edit();
      setProblem(null);
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      setProblem(editErrorMessage(error, ui));
    }
  };
  return (
    <div className="flow-languages" role="group" aria-label={text('flow-settings-languages')}>
      <label htmlFor={`${id}-shown`}>{text('flow-language')}</label>
      <select
        id={`${id}-shown`}
        value={shown ?? ''}
        onChange={(event) =>
          useViewportStore.getState().showLanguage(event.target.value === '' ? null : event.target.value)
        }
      >
        <option value="">—</option>
        {languages.map((language) => (
          <option key={language} value={language}>
            {language}
          </option>
        ))}
      </select>
      <span className="flow-languages__list">
        {text('flow-languages')}:{' '}
        {languages.map((language) => (
          <span key={language} className="chip" dir="ltr">
            {language}
            {languages.length > 1 && !readOnly && (
              <button
                type="button"
                aria-label={text('remove-language', { language: isolated(language) })}
                onClick={() =>
                  attempt(() => useDocumentStore.getState().edit((flow) => removeFlowLanguage(flow, language)))
                }
              >
                ×
              </button>
            )}
          </span>
        ))}
      </span>
      {!readOnly && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            attempt(() => {
              useDocumentStore.getState().edit((flow) => addFlowLanguage(flow, adding.trim()));
              setAdding('');
            });
          }}
        >
          <label htmlFor={`${id}-add`}>{text('language-code')}</label>
          <input
            id={`${id}-add`}
            dir="ltr"
            size={6}
            placeholder="es, fr-CA"
            value={adding}
            onChange={(event) => setAdding(event.target.value)}
          />
          <button type="submit">{text('add-language')}</button>
        </form>
      )}
      {problem && (
        <p role="alert" className="field__problems">
          {problem}
        </p>
      )}
    </div>
  );
}
