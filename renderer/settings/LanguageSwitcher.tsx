import { isUiLanguage, uiLanguages, type UiLanguage } from '../../flows/i18n/index.ts';
import { attempt } from '../commands/report-failure.ts';
import { switchLanguage } from '../commands/switch-language.ts';
import { useText } from '../i18n/use-text.ts';
import { useLanguageStore } from '../stores/language-store.ts';

/** Each language named in itself, so anyone can find their own. */
const endonyms: Record<UiLanguage, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', ar: 'العربية' };

export function LanguageSwitcher() {
  const language = useLanguageStore((state) => state.language);
  const text = useText();
  return (
    <label className="language-switcher">
      <span>{text('language-label')}</span>
      <select
        value={language}
        onChange={(event) => {
          const chosen = event.target.value;
          if (isUiLanguage(chosen)) void attempt(() => switchLanguage(chosen));
        }}
      >
        {uiLanguages.map((option) => (
          <option key={option} value={option} lang={option}>
            {endonyms[option]}
          </option>
        ))}
      </select>
    </label>
  );
}
