import { useState } from 'react';
import type { Flow } from '../../flows/index.ts';
import { languageName } from '../i18n/language-name.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useSimulator } from './simulator-store.ts';
import { useSimulatorText } from './texts.ts';

/** The conversation language (one of the flow's) and the customer the simulator plays. */
export function RehearsalSettings({ flow }: { flow: Flow }) {
  const say = useSimulatorText();
  const ui = useLanguageStore((state) => state.language);
  const setup = useSimulator((state) => state.setup);
  const setLanguage = useSimulator((state) => state.setLanguage);
  const setContact = useSimulator((state) => state.setContact);
  const [name, setName] = useState(setup.contact.name ?? '');
  const [phone, setPhone] = useState(setup.contact.phone);
  const commit = () => {
    if (name !== (setup.contact.name ?? '') || phone !== setup.contact.phone) {
      setContact({ phone, ...(name.trim() ? { name } : {}) });
    }
  };
  return (
    <div className="rehearsal-settings">
      <label>
        {say('conversation-language')}
        <select value={setup.language} onChange={(event) => setLanguage(event.target.value)}>
          {flow.languages.map((language) => (
            <option key={language} value={language}>
              {languageName(language, ui)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {say('customer-name')}
        <input dir="auto" value={name} onChange={(event) => setName(event.target.value)} onBlur={commit} />
      </label>
      <label>
        {say('customer-phone')}
        <input
          dir="ltr"
          inputMode="tel"
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
          onBlur={commit}
        />
      </label>
    </div>
  );
}
