import { useCallback } from 'react';
import type { Params } from '../../flows/i18n/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { settingsText, type SettingsTextKey } from './texts.ts';

/** The Flow settings' texts in the current interface language. */
export function useSettingsText(): (key: SettingsTextKey, params?: Params) => string {
  const language = useLanguageStore((state) => state.language);
  return useCallback((key, params) => settingsText(language, key, params), [language]);
}
