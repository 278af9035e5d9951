// The agent desk in Chromium, driven as a person does: pages in a locale, signing in with a password
// and the authenticator app's code (the first time, enrolled from the key the page shows), and axe.
// Script errors and console errors are kept in `problems` for the tests to check.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { totpCode } from '../../runtime/desk/totp.ts';
import { removeExportedBots, type BotOptions, type RunningBot } from '../runtime/helpers/bot.ts';
import { addAgent, base32Bytes, startDeskBot } from '../runtime/helpers/desk.ts';
import type { FakeGraph } from '../runtime/helpers/fake-graph.ts';
import { launchChromium } from './chromium.ts';

const totpStepMs = 30_000;
const totpStepOf = (ms: number) => Math.floor(ms / totpStepMs);

/** What the sign-in form's fields and buttons are called, in the page's language. */
export interface SignInLabels {
  name: string;
  password: string;
  signIn: string;
  code: string;
  go: string;
}

const englishSignIn: SignInLabels = {
  name: 'Your name',
  password: 'Password',
  signIn: 'Sign in',
  code: 'Code',
  go: 'Continue',
};

/** Polls as long as a busy machine needs (scrypt and the bot share two cores with other tests). */
export function soon<T>(value: () => T | Promise<T>) {
  return expect.poll(value, { timeout: 15_000, interval: 100 });
}

export class DeskBrowser {
  readonly problems: string[] = [];
  readonly contexts: BrowserContext[] = [];
  readonly secrets: Record<string, Buffer> = {};
  readonly recovery: Record<string, string[]> = {};
  /** The TOTP step of the last code each account signed in with (the bot accepts each step once). */
  private readonly usedSteps: Record<string, number> = {};

  /** `port` is asked each time: a test may start the bot again on another port. */
  constructor(
    private readonly browser: Browser,
    private readonly port: () => number,
    readonly passwords: Record<string, string>,
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port()}`;
  }

  async newPage(locale = 'en', viewport?: { width: number; height: number }): Promise<Page> {
    const context = await this.browser.newContext({ locale, acceptDownloads: true, ...(viewport ? { viewport } : {}) });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // Refused requests (401, 403, a conversation gone: 404, 409, 429) are logged by Chromium as console errors: expected here.
      if (message.type() === 'error' && !/status of (401|403|404|409|429)/.test(message.text()))
        this.problems.push(`console error: ${message.text()}`);
    });
    return page;
  }

  /**
   * Signs in from the page; the first time, enrols the second factor with the key the page shows.
   * `seen` is called on the enrolment and the recovery codes screens, once each is drawn.
   */
  async signIn(
    page: Page,
    name: string,
    labels: SignInLabels = englishSignIn,
    seen: (screen: 'enrol' | 'recovery-codes') => Promise<void> = async () => undefined,
  ): Promise<void> {
    await page.goto(`${this.base}/desk/`);
    await page.getByLabel(labels.name).fill(name);
    await page.getByLabel(labels.password).fill(this.passwords[name] ?? '');
    await page.getByRole('button', { name: labels.signIn }).click();
    const key = page.getByTestId('totp-secret');
    const code = page.getByLabel(labels.code);
    await code.waitFor();
    if (await key.isVisible()) {
      // Shown in groups of four, as a person copies it.
      await soon(() => key.textContent()).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{4}){7}$/);
      this.secrets[name] = base32Bytes(((await key.textContent()) ?? '').replaceAll(' ', ''));
      await expect
        .poll(() => page.locator('img.qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0);
      await seen('enrol');
      const at = Date.now();
      await code.fill(totpCode(this.secrets[name] ?? Buffer.alloc(0), at));
      this.usedSteps[name] = totpStepOf(at);
      await page.getByRole('button', { name: labels.go }).click();
      const codes = page.getByTestId('recovery-codes').getByRole('listitem');
      await soon(() => codes.count()).toBe(10);
      this.recovery[name] = await codes.allTextContents();
      await seen('recovery-codes');
      await page.getByRole('button', { name: /saved|guardei|حفظتها/ }).click();
    } else {
      // Each step's code is accepted once: the next step's is (one step of tolerance) unless this account
      // used it already, a sign-in less than a step ago; then the step after is waited for.
      while (totpStepOf(Date.now() + totpStepMs) <= (this.usedSteps[name] ?? -1)) {
        await new Promise((resolve) => setTimeout(resolve, totpStepMs - (Date.now() % totpStepMs) + 50));
      }
      const at = Date.now() + totpStepMs;
      await code.fill(totpCode(this.secrets[name] ?? Buffer.alloc(0), at));
      this.usedSteps[name] = totpStepOf(at);
      await page.getByRole('button', { name: labels.go }).click();
    }
    // Signed in: the account bar names the person (a refused code would leave the form, and later steps would time out far from the cause).
    await page
      .locator('.account .who bdi')
      .filter({ hasText: new RegExp(`^${name}$`) })
      .waitFor();
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close().catch(() => undefined);
  }
}

/** axe-core's serious and critical findings on the page as it is now: none is expected. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${screen}: ${violation.id} ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/** The desk shop's bot (exported and started against the fake Graph API), Chromium, and the accounts asked for. */
export async function startDeskE2e(
  name: string,
  graph: FakeGraph,
  accounts: [name: string, role: 'agent' | 'supervisor', queues?: string[]][],
  /** Where the pages go, when the test may start the bot again on another port. */
  port?: () => number,
): Promise<{ bot: RunningBot; options: BotOptions; browser: Browser; desk: DeskBrowser }> {
  const [{ bot, options }, browser] = await Promise.all([startDeskBot(name, graph), launchChromium()]);
  const passwords: Record<string, string> = {};
  for (const [account, role, queues] of accounts) passwords[account] = addAgent(options, account, role, queues);
  return { bot, options, browser, desk: new DeskBrowser(browser, port ?? (() => bot.port), passwords) };
}

/** Ends what `startDeskE2e` started (the bot the test has now, which may be another one). */
export async function stopDeskE2e(
  graph: FakeGraph,
  started: { bot?: RunningBot; browser?: Browser; desk?: DeskBrowser },
): Promise<void> {
  await started.desk?.closeAll();
  await started.browser?.close();
  await started.bot?.stop();
  await graph.stop();
  removeExportedBots();
}
