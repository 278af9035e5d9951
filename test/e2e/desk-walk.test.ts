// A walk through every view of the agent desk in English, Portuguese and Arabic, as an agent and as
// a supervisor who do not program would go: each view is read by axe and photographed for a person
// to look at (test-results/desk-walk/), the Arabic pages read from the right (the account bar names
// the person first, in an isolate of their own), and every control is reached with the keyboard.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiLanguages, type UiLanguage } from '../../flows/i18n/index.ts';
import { pageText } from '../../runtime/desk/page/texts.ts';
import type { RunningBot } from '../runtime/helpers/bot.ts';
import { customerAsksForPerson } from '../runtime/helpers/desk.ts';
import { FakeGraph } from '../runtime/helpers/fake-graph.ts';
import type { DeskBrowser } from './desk-browser.ts';
import { expectNoSeriousViolations, soon, startDeskE2e, stopDeskE2e } from './desk-browser.ts';

const graph = new FakeGraph();
const shots = new URL('../../test-results/desk-walk/', import.meta.url).pathname;
const eva = { phone: '5511944450001', name: 'Eva Balcão', email: 'eva.walk@example.com', order: 'PED-77001' };
let bot: RunningBot;
let browser: Browser;
let desk: DeskBrowser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  ({ bot, browser, desk } = await startDeskE2e('desk-walk', graph, [
    ['Ana', 'agent', ['support']],
    ['Sara', 'supervisor'],
    ['Lina', 'agent', ['support']],
  ]));
  await customerAsksForPerson(bot, graph, eva, 'support');
}, 120_000);

afterAll(() => stopDeskE2e(graph, { bot, browser, desk }));

const arabicSignIn = { name: 'اسمك', password: 'كلمة المرور', signIn: 'دخول', code: 'الرمز', go: 'متابعة' };

const t = (language: UiLanguage, key: Parameters<typeof pageText>[1]) => pageText(language, key);

/** Switches the desk's language with its own chooser, as a person does, and waits for the page to speak it. */
async function speak(page: Page, language: UiLanguage): Promise<void> {
  await page.locator('#language').selectOption(language);
  await soon(() => page.evaluate(() => document.documentElement.lang)).toBe(language);
  await page.getByRole('navigation', { name: t(language, 'nav-label') }).waitFor();
}

async function look(page: Page, name: string): Promise<void> {
  await expectNoSeriousViolations(page, name);
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

/**
 * Where the account bar puts the person's name and their role: the name is in an isolate of its
 * own and comes first in reading order (left in English, right in Arabic).
 */
async function accountBar(page: Page) {
  const who = page.locator('.account .who');
  const name = who.locator('bdi');
  const role = who.locator('.role');
  const [nameBox, roleBox, signOut, nav] = await Promise.all([
    name.boundingBox(),
    role.boundingBox(),
    page.locator('.account button').boundingBox(),
    page.locator('.account nav').boundingBox(),
  ]);
  return { name: await name.textContent(), nameBox, roleBox, signOut, nav };
}

/**
 * Where Tab goes from the top of the page (once `ready` is drawn) until it comes round: each stop's accessible text, and
 * whether it is drawn with a visible focus outline.
 */
async function tabStops(page: Page, ready: string): Promise<{ name: string; outlined: boolean }[]> {
  // Loaded afresh, the keyboard starts at the top (the conversation stays open: it is in the address).
  await page.reload();
  await page.locator(ready).waitFor();
  const stops: { name: string; outlined: boolean }[] = [];
  for (let step = 0; step < 40; step += 1) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const element = document.activeElement;
      if (!(element instanceof HTMLElement) || element === document.body) return undefined;
      const label = element.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined;
      const style = getComputedStyle(element);
      return {
        name: (label ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
        outlined: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (!stop || stops.some((seen) => seen.name === stop.name)) break;
    stops.push(stop);
  }
  return stops;
}

describe('the desk, view by view, in three languages', { timeout: 240_000 }, () => {
  // The agent's page, signed in once (each sign-in takes a TOTP step of its own) and used by the tests that follow.
  let ana: Page;

  it('reads the sign-in page in each language, mirrored in Arabic', async () => {
    for (const language of uiLanguages) {
      const page = await desk.newPage(language);
      await page.goto(`${desk.base}/desk/`);
      await page.getByRole('heading', { name: t(language, 'sign-in-heading') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await look(page, `${language}-sign-in`);
      await page.context().close();
    }
  });

  it('sets up the second step in Arabic: the QR code, the key left to right, the recovery codes', async () => {
    const lina = await desk.newPage('ar');
    await desk.signIn(lina, 'Lina', arabicSignIn, async (screen) => {
      await look(lina, `ar-${screen}`);
      const shown = lina.getByTestId(screen === 'enrol' ? 'totp-secret' : 'recovery-codes');
      expect(await shown.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    });
    expect(desk.problems).toEqual([]);
  });

  it('walks an agent through the queue and a conversation in each language', async () => {
    ana = await desk.newPage('en');
    await desk.signIn(ana, 'Ana');
    for (const language of uiLanguages) {
      await speak(ana, language);
      const item = ana.locator('.open-conversation').first();
      await item.waitFor();
      await look(ana, `${language}-agent-queue`);
      await item.click();
      await ana.locator('#reply').waitFor();
      await look(ana, `${language}-agent-conversation`);
      if (language !== 'pt-BR') {
        // Every control is a Tab away, in order, each showing that it has the focus.
        const stops = await tabStops(ana, '#reply');
        expect(stops.map((stop) => stop.name)).toEqual([
          t(language, 'skip-to-main'),
          expect.stringMatching(new RegExp(`^${t(language, 'language')} `)),
          t(language, 'nav-desk'),
          t(language, 'sign-out'),
          expect.stringMatching(/^support/),
          t(language, 'reply-label'),
          t(language, 'send'),
          t(language, 'release'),
        ]);
        expect(stops.filter((stop) => !stop.outlined)).toEqual([]);
      }
      if (language === 'ar') {
        // A narrow window (a phone, a split screen): one column, nothing wider than the page.
        await ana.setViewportSize({ width: 480, height: 900 });
        await look(ana, 'ar-agent-conversation-narrow');
        expect(await ana.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(480);
        await ana.setViewportSize({ width: 1280, height: 720 });
      }
      const bar = await accountBar(ana);
      expect(bar.name).toBe('Ana');
      if (language === 'ar') {
        // Right to left: the name at the right of its role, the pages at the right, sign out at the left.
        expect(bar.nameBox!.x).toBeGreaterThan(bar.roleBox!.x + bar.roleBox!.width - 1);
        expect(bar.nav!.x).toBeGreaterThan(bar.signOut!.x);
      } else {
        expect(bar.nameBox!.x + bar.nameBox!.width).toBeLessThan(bar.roleBox!.x + 1);
        expect(bar.nav!.x).toBeLessThan(bar.signOut!.x);
      }
    }
    expect(desk.problems).toEqual([]);
  });

  it('keeps the keyboard on a conversation of the list while the list is asked for again', async () => {
    const item = ana.locator('.open-conversation').first();
    await item.focus();
    const ref = await item.getAttribute('data-ref');
    // The page asks the bot every 3 seconds; a second customer makes the list change meanwhile.
    await customerAsksForPerson(
      bot,
      graph,
      { ...eva, phone: '5511944450002', email: 'second.walk@example.com' },
      'support',
    );
    await soon(() => ana.locator('.open-conversation').count()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await ana.evaluate(() => document.activeElement?.getAttribute('data-ref'))).toBe(ref);
    await ana.keyboard.press('Enter');
    await ana.locator('#reply').waitFor();
    expect(desk.problems).toEqual([]);
  });

  it('says when it cannot reach the bot at all, and shows the desk by itself once it can', async () => {
    await speak(ana, 'pt-BR');
    await ana.route('**/desk/api/me', (route) => route.abort('internetdisconnected'));
    await ana.reload();
    await ana
      .getByRole('alert')
      .filter({ hasText: t('pt-BR', 'network') })
      .waitFor();
    await ana.unroute('**/desk/api/me');
    await ana.getByRole('heading', { name: t('pt-BR', 'queue-heading') }).waitFor();
    expect(await ana.getByRole('alert').count()).toBe(0);
    for (const problem of desk.problems.splice(0)) expect(problem).toMatch(/ERR_INTERNET_DISCONNECTED/);
  });

  it('walks a supervisor through the log, the personal data requests and the statistics in each language', async () => {
    const sara = await desk.newPage('en');
    await desk.signIn(sara, 'Sara');
    for (const language of uiLanguages) {
      await speak(sara, language);
      await look(sara, `${language}-supervisor-queue`);
      await sara.getByRole('link', { name: t(language, 'nav-log') }).click();
      await sara.locator('tbody tr').first().waitFor();
      await look(sara, `${language}-access-log`);
      await sara.getByRole('link', { name: t(language, 'nav-subjects') }).click();
      await sara.getByLabel(t(language, 'phone')).waitFor();
      await look(sara, `${language}-subjects`);
      await sara.getByRole('link', { name: t(language, 'nav-stats') }).click();
      await sara.getByRole('heading', { name: t(language, 'stats-heading'), level: 1 }).waitFor();
      await sara.locator('.stats > *').first().waitFor();
      await look(sara, `${language}-statistics`);
      // The days in the titles each in an isolate: an Arabic sentence would lay a bare 2026-03-01 out as 01-03-2026.
      expect(await sara.locator('figcaption').first().locator('bdi').allTextContents()).toEqual([
        expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      ]);
      await sara.getByRole('link', { name: t(language, 'nav-desk') }).click();
      await sara.locator('.open-conversation').first().waitFor();
    }
    expect(desk.problems).toEqual([]);
  });
});
