import { create } from 'zustand';
import type { UiLanguage } from '../../flows/i18n/index.ts';

interface LanguageState {
  /** The interface language: every label, message and node card follows it. */
  language: UiLanguage;
  setLanguage(language: UiLanguage): void;
}

export const useLanguageStore = create<LanguageState>()((set) => ({
  language: 'en',
  setLanguage: (language) => set({ language }),
}));
