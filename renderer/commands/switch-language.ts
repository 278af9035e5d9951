import type { UiLanguage } from '../../flows/i18n/index.ts';
import { amana } from '../bridge/amana.ts';
import { useLanguageStore } from '../stores/language-store.ts';

/** Switches the interface language at once and keeps the choice in the workspace's settings. */
export async function switchLanguage(language: UiLanguage): Promise<void> {
  useLanguageStore.getState().setLanguage(language);
  await amana().setSettings({ language });
}
