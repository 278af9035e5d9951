// The studio's words the end-to-end tests find things by, in each interface language (DESIGN.md §6).
import type { Page } from 'playwright-core';

/** Names of the main controls and views, as a person reads them in each interface language. */
export const studioWords = {
  en: {
    language: 'Interface language',
    newFlow: 'New flow',
    simulate: 'Simulate',
    tests: 'Tests',
    export: 'Export…',
    problems: /^Problems/,
    settings: 'Flow settings',
    dataMap: 'Data map',
    close: 'Close',
  },
  'pt-BR': {
    language: 'Idioma da interface',
    newFlow: 'Novo fluxo',
    simulate: 'Simular',
    tests: 'Testes',
    export: 'Exportar…',
    problems: /^Problemas/,
    settings: 'Configurações do fluxo',
    dataMap: 'Mapa de dados',
    close: 'Fechar',
  },
  ar: {
    language: 'لغة الواجهة',
    newFlow: 'مسار جديد',
    simulate: 'محاكاة',
    tests: 'الاختبارات',
    export: 'تصدير…',
    problems: /^المشكلات/,
    settings: 'إعدادات المسار',
    dataMap: 'خريطة البيانات',
    close: 'إغلاق',
  },
} as const;
export type StudioLanguage = keyof typeof studioWords;

/** Switches the interface language from its picker, as a designer does, and waits for the switch. */
export async function chooseLanguage(page: Page, language: StudioLanguage): Promise<void> {
  await page.getByLabel(/^(Interface language|Idioma da interface|لغة الواجهة)/).selectOption(language);
  await page.getByLabel(studioWords[language].language).waitFor();
}
