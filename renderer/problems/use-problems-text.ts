import { useCallback } from 'react';
import type { Params } from '../../flows/i18n/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { problemsText, type ProblemsTextKey } from './texts.ts';

/** The Problems panel's texts in the current interface language. */
export function useProblemsText(): (key: ProblemsTextKey, params?: Params) => string {
  const language = useLanguageStore((state) => state.language);
  return useCallback((key, params) => problemsText(language, key, params), [language]);
}
