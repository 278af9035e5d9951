// The privacy work in the studio, end to end in Chromium against the real browser edition, as a
// newcomer does it: import the non-compliant demo, read its problems, follow a witness path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { importThroughChooser, openStudio } from './studio-page.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';

const demoFile = new URL('../../flows/examples/noncompliant-demo.flow.json', import.meta.url).pathname;
/** The rules the demo breaks (flows/examples/README.md). */
const demoRules = [
  'undeclared-data',
  'undeclared-sharing',
  'missing-retention',
  'sensitive-without-consent',
  'consent-before-collection',
  'disclosure-first',
  'no-human-path',
  'no-erasure-path',
  'sensitive-echo',
  'insecure-transfer',
  'wa-label-too-long',
];

let dir: string;
let web: RunningWebEdition;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-e2e-problems-'));
  [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
  page = await openStudio(browser, web.url, pageProblems);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const problemsPanel = () => page.getByRole('region', { name: 'Problems' });
const problemItems = () => problemsPanel().getByRole('listitem');
const nodeAt = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('problems in the studio', () => {
  it('checks the imported demo live and lists each of its eleven rules with a plain message', async () => {
    await importThroughChooser(page, demoFile);
    await page.getByRole('button', { name: /Sunny Cover/ }).click();
    await problemsPanel().getByText('11 errors, 1 warning — export blocked').waitFor();
    const texts = await problemItems().allTextContents();
    expect(texts).toHaveLength(12);
    for (const rule of demoRules)
      expect(
        texts.some((text) => text.includes(rule)),
        rule,
      ).toBe(true);
    expect(texts.find((text) => text.includes('missing-retention'))).toContain(
      '“Health condition” has no retention period',
    );
  });

  it('marks each step with its problems: count and worst severity on the card', async () => {
    const badge = nodeAt('send-lead').locator('.problem-badge');
    await expect.poll(() => badge.textContent()).toBe('3');
    expect(await badge.getAttribute('class')).toContain('problem-badge--error');
    expect(await nodeAt('noted').locator('.problem-badge--warning').textContent()).toBe('1');
    expect(await nodeAt('bye').locator('.problem-badge').count()).toBe(0);
  });

  it('draws the witness path of a consent-before-collection problem and dims the rest until dismissed', async () => {
    await problemItems()
      .filter({ hasText: 'consent-before-collection' })
      .filter({ hasText: 'sends “Email”' })
      .getByRole('button')
      .first()
      .click();
    await page.locator('.canvas--witness').waitFor();
    const onPath = await page
      .locator('.node-card--on-path')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-node-id')));
    expect(onPath).toEqual(['start', 'ask-email', 'hello', 'choose-plan', 'ask-health', 'send-lead']);
    expect(await page.locator('.react-flow__edge.edge--on-path').count()).toBe(5);
    // The dimming fades in (a 120 ms transition): poll, as a loaded machine may read it before it starts.
    await expect.poll(() => nodeAt('bye').evaluate((element) => getComputedStyle(element).opacity)).not.toBe('1');
    await problemsPanel().getByRole('button', { name: 'Hide the path' }).click();
    await expect.poll(() => page.locator('.canvas--witness').count()).toBe(0);
  });

  it('ran with no CSP violation and no script error', () => {
    expect(pageProblems).toEqual([]);
  });
});
