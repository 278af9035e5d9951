import { freshId } from '../../flows/edit/index.ts';
import type { Flow, Purpose } from '../../flows/index.ts';
import { textDirection } from '../../flows/i18n/index.ts';
import { CommitInput } from '../components/CommitInput.tsx';
import { editFlow } from './edit-flow.ts';
import { useSettingsText } from './use-settings-text.ts';
import { isolateNames } from '../bidi/isolate-names.tsx';

/** Why the data is used: each purpose's id and what customers read, in every flow language. */
export function PurposesForm({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  const setPurposes = (purposes: Purpose[]) => editFlow({ op: 'setFlowField', key: 'purposes', value: purposes });
  const change = (index: number, purpose: Purpose) =>
    setPurposes(flow.purposes.map((existing, at) => (at === index ? purpose : existing)));
  const add = () => {
    const id = freshId('purpose', new Set(flow.purposes.map((purpose) => purpose.id)));
    setPurposes([...flow.purposes, { id, label: Object.fromEntries(flow.languages.map((tag) => [tag, id])) }]);
  };
  return (
    <fieldset className="flow-settings__group">
      <legend>{text('purposes-heading')}</legend>
      {flow.purposes.map((purpose, index) => (
        <div key={purpose.id} className="flow-settings__row">
          <label>
            {text('purpose-id')}
            <input dir="ltr" value={purpose.id} readOnly />
          </label>
          {flow.languages.map((language) => (
            <label key={language}>
              {isolateNames((names) => text('purpose-label', names), { language })}
              <CommitInput
                lang={language}
                dir={textDirection(language)}
                value={purpose.label[language] ?? ''}
                onCommit={(value) => change(index, { ...purpose, label: withText(purpose.label, language, value) })}
              />
            </label>
          ))}
        </div>
      ))}
      <button type="button" onClick={add}>
        {text('add-purpose')}
      </button>
    </fieldset>
  );
}

/** A language map with one language's text set (removed when emptied, unless it is the last). */
export function withText(map: Record<string, string>, language: string, value: string): Record<string, string> {
  const next = { ...map };
  if (value.trim() === '' && Object.keys(next).length > 1) delete next[language];
  else next[language] = value;
  return next;
}
