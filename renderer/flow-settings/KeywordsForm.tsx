import type { Flow, Keywords } from '../../flows/index.ts';
import { textDirection } from '../../flows/i18n/index.ts';
import { CommitInput } from '../components/CommitInput.tsx';
import { editFlow } from './edit-flow.ts';
import { useSettingsText } from './use-settings-text.ts';
import type { SettingsTextKey } from './texts.ts';

const kinds: { kind: keyof Keywords; label: SettingsTextKey }[] = [
  { kind: 'human', label: 'keywords-human' },
  { kind: 'erase', label: 'keywords-erase' },
  { kind: 'stop', label: 'keywords-stop' },
];

/** The global keywords (DESIGN.md §2): words that reach a person, erase the data or stop messages, per language. */
export function KeywordsForm({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  const set = (kind: keyof Keywords, language: string, value: string) => {
    const words = value
      .split(/[,،]/)
      .map((word) => word.trim())
      .filter(Boolean);
    const lists = { ...flow.keywords?.[kind] };
    if (words.length > 0) lists[language] = words;
    else delete lists[language];
    const keywords: Keywords = { ...flow.keywords };
    if (Object.keys(lists).length > 0) keywords[kind] = lists;
    else delete keywords[kind];
    editFlow({
      op: 'setFlowField',
      key: 'keywords',
      value: Object.keys(keywords).length > 0 ? keywords : undefined,
    });
  };
  return (
    <fieldset className="flow-settings__group">
      <legend>{text('keywords-heading')}</legend>
      <p className="muted">{text('keywords-help')}</p>
      {kinds.map(({ kind, label }) => (
        <div key={kind} className="flow-settings__row">
          {flow.languages.map((language) => (
            <label key={language}>
              <span>
                {text(label)} (<bdi dir="ltr">{language}</bdi>)
              </span>
              <CommitInput
                lang={language}
                dir={textDirection(language)}
                value={(flow.keywords?.[kind]?.[language] ?? []).join(', ')}
                onCommit={(value) => set(kind, language, value)}
              />
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
