import { addFlowLanguage, removeFlowLanguage } from '../../flows/edit/index.ts';
import type { Flow } from '../../flows/index.ts';
import { CommitInput } from '../components/CommitInput.tsx';
import { DataInventory } from './DataInventory.tsx';
import { editFlow, useWorkingFlow } from './edit-flow.ts';
import { KeywordsForm } from './KeywordsForm.tsx';
import { PurposesForm } from './PurposesForm.tsx';
import { RecipientsForm } from './RecipientsForm.tsx';
import { useSettingsText } from './use-settings-text.ts';
import { isolated } from '../bidi/isolated.ts';

/**
 * The flow's own settings (DESIGN.md §6): who is responsible, the languages, purposes, recipients
 * and keywords, and the data inventory. Every change is an undoable edit of the working copy.
 */
export function FlowSettings() {
  const text = useSettingsText();
  const flow = useWorkingFlow();
  if (!flow) return null;
  return (
    <section className="flow-settings" aria-label={text('region')}>
      <DataInventory flow={flow} />
      <ControllerForm flow={flow} />
      <LanguagesForm flow={flow} />
      <PurposesForm flow={flow} />
      <RecipientsForm flow={flow} />
      <KeywordsForm flow={flow} />
    </section>
  );
}

function ControllerForm({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  const set = (change: Partial<Flow['controller']>) =>
    editFlow({ op: 'setFlowField', key: 'controller', value: withoutBlanks({ ...flow.controller, ...change }) });
  return (
    <fieldset className="flow-settings__group">
      <legend>{text('controller-heading')}</legend>
      <label>
        {text('controller-name')}
        <CommitInput dir="auto" value={flow.controller.name} onCommit={(name) => set({ name })} />
      </label>
      <label>
        {text('controller-contact')}
        <CommitInput dir="auto" value={flow.controller.contact} onCommit={(contact) => set({ contact })} />
      </label>
      <label>
        {text('controller-dpo')}
        <CommitInput dir="auto" value={flow.controller.dpo ?? ''} onCommit={(dpo) => set({ dpo })} />
      </label>
      <label>
        {text('privacy-notice-url')}
        <CommitInput
          dir="ltr"
          type="url"
          value={flow.controller.privacyNoticeUrl ?? ''}
          onCommit={(privacyNoticeUrl) => set({ privacyNoticeUrl })}
        />
      </label>
    </fieldset>
  );
}

/** The controller with emptied optional fields taken out (an empty DPO is no DPO). */
function withoutBlanks(controller: Flow['controller']): Flow['controller'] {
  const { dpo, privacyNoticeUrl, ...required } = controller;
  return { ...required, ...(dpo ? { dpo } : {}), ...(privacyNoticeUrl ? { privacyNoticeUrl } : {}) };
}

function LanguagesForm({ flow }: { flow: Flow }) {
  const text = useSettingsText();
  const add = (tag: string) => {
    if (tag.trim() !== '') editFlow((current) => addFlowLanguage(current, tag.trim()));
  };
  return (
    <fieldset className="flow-settings__group">
      <legend>{text('languages-heading')}</legend>
      <ul className="flow-settings__chips">
        {flow.languages.map((language) => (
          <li key={language}>
            <bdi dir="ltr">{language}</bdi>
            {flow.languages.length > 1 && (
              <button
                type="button"
                aria-label={text('remove-language', { language: isolated(language) })}
                onClick={() => editFlow((current) => removeFlowLanguage(current, language))}
              >
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      <label>
        {text('add-language')}
        <CommitInput dir="ltr" value="" onCommit={add} />
      </label>
    </fieldset>
  );
}
