import type { UiLanguage } from '../../flows/i18n/index.ts';

/**
 * A flow language's name in the interface language ("pt-BR" → "Português (Brasil)", "البرتغالية
 * (البرازيل)"), from the browser's own CLDR data (Intl.DisplayNames); the tag itself when the
 * browser does not know it.
 */
export function languageName(tag: string, ui: UiLanguage): string {
  try {
    const name = new Intl.DisplayNames([ui], { type: 'language' }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}
