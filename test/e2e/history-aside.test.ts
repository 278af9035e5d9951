// Where History went, in Chromium against the real browser edition: while the Simulator or Tests is
// open History steps aside (a fifth column would leave the canvas no room), and the panel says so in
// English, Portuguese and Arabic with a button, reached by the keyboard, that closes the panel and
// puts the focus on History. axe-core finds no violation on the view. Screenshots for a person to look
// at: test-results/history-aside/ (not kept in git).
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { demoStudio } from './studio-with-flow.ts';
import { chooseLanguage } from './studio-words.ts';

const studio = demoStudio('history-aside');
const { shots, problems } = studio;
const page = () => studio.page();

const words = {
  en: {
    panels: ['Simulate', 'Tests'],
    aside: 'History steps aside while this panel is open.',
    show: 'Close the panel and show History',
  },
  'pt-BR': {
    panels: ['Simular', 'Testes'],
    aside: 'O Histórico fica oculto enquanto este painel está aberto.',
    show: 'Fechar o painel e mostrar o Histórico',
  },
  ar: {
    panels: ['محاكاة', 'الاختبارات'],
    aside: 'يُخفى السجل ما دامت هذه اللوحة مفتوحة.',
    show: 'إغلاق اللوحة وإظهار السجل',
  },
} as const;

describe('History while a panel is open beside the canvas', { timeout: 120_000 }, () => {
  it.each(['en', 'pt-BR', 'ar'] as const)(
    'in %s: the Simulator and Tests panels say where History went and lead back to it from the keyboard',
    async (language) => {
      const w = words[language];
      await chooseLanguage(page(), language);
      const history = page().locator('#history');
      expect(await history.isVisible()).toBe(true);
      for (const panel of w.panels) {
        await page().getByRole('banner').getByRole('button', { name: panel, exact: true }).click();
        await page().locator('.app-panels').waitFor();
        expect(await history.isVisible()).toBe(false);
        await page().locator('.app-panels').getByText(w.aside).waitFor();
        const results = await new AxeBuilder({ page: page() }).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes[0]?.target}`)).toEqual([]);
        await page().screenshot({
          path: join(shots, `${language}-${panel === w.panels[0] ? 'simulator' : 'tests'}.png`),
        });
        await page().getByRole('button', { name: w.show, exact: true }).focus();
        await page().keyboard.press('Enter');
        await page().locator('.app-panels').waitFor({ state: 'detached' });
        await history.waitFor();
        await expect.poll(() => page().evaluate(() => document.activeElement?.id)).toBe('history');
      }
    },
  );

  it('raised no script error and no console error', () => {
    expect(problems).toEqual([]);
  });
});
