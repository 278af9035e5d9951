import { useCallback } from 'react';
import type { Params } from '../../flows/i18n/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { uiText, type UiTextKey } from './messages.ts';

/** The interface's texts in the current language; components re-render when it changes. */
export function useText(): (key: UiTextKey, params?: Params) => string {
  const language = useLanguageStore((state) => state.language);
  return useCallback((key, params) => uiText(language, key, params), [language]);
}

/** Dates and times the way the interface language writes them. */
export function useDateTime(): (iso: string) => string {
  const language = useLanguageStore((state) => state.language);
  return useCallback(
    (iso) => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    [language],
  );
}
