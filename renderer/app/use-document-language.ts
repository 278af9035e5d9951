import { useEffect } from 'react';
import { textDirection } from '../../flows/i18n/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';

/** Keeps <html lang dir> on the interface language, so Arabic lays the whole studio out right to left. */
export function useDocumentLanguage(): void {
  const language = useLanguageStore((state) => state.language);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
  }, [language]);
}
