// The privacy work in the studio, end to end in Chromium against the real browser edition, as a
// newcomer does it: import the non-compliant demo, read its problems, follow a witness path, fix
// every error with quick fixes and the Flow settings until it is ready to export, save, reload;
// declare a field through the category picker in Portuguese; read the problems in Arabic.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { importThroughChooser, openStudio, isolate } from './studio-page.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';
import { demoFlowFile, tallWindow } from './studio-with-flow.ts';

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
  'no-erasure-route',
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
  page = await openStudio(browser, web.url, pageProblems, tallWindow);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const problemsPanel = () => page.getByRole('region', { name: 'Problems' });
const statusLine = () => problemsPanel().locator('.problems__status');
const problemItems = () => problemsPanel().getByRole('listitem');
const errorItems = () => problemsPanel().locator('.problems__group--error').getByRole('listitem');
const nodeAt = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

describe('problems in the studio', { timeout: 120_000 }, () => {
  it('checks the imported demo live and lists each of its twelve rules with a plain message', async () => {
    await importThroughChooser(page, demoFlowFile);
    await page.getByRole('button', { name: /Sunny Cover/ }).click();
    await statusLine().getByText('11 errors, 2 warnings — export blocked').waitFor();
    const texts = await problemItems().allTextContents();
    expect(texts).toHaveLength(13);
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
    // undeclared-sharing, consent-before-collection, insecure-transfer and the no-erasure-route warning.
    await expect.poll(() => badge.textContent()).toBe('4');
    expect(await badge.getAttribute('class')).toContain('problem-badge--error');
    expect(await nodeAt('noted').locator('.problem-badge--warning').textContent()).toBe('1');
    expect(await nodeAt('bye').locator('.problem-badge').count()).toBe(0);
  });

  it('draws the witness path of a consent-before-collection problem and dims the rest until dismissed', async () => {
    await problemItems()
      .filter({ hasText: 'consent-before-collection' })
      .filter({ hasText: 'sends “Email”' })
      .locator('.problem__show')
      .click();
    await problemsPanel()
      .getByText(
        'The canvas shows the path from Start to this problem: ' +
          ['start', 'ask-email', 'hello', 'choose-plan', 'ask-health', 'send-lead']
            .map((id) => `\u2068${id}\u2069`)
            .join(' → ') +
          '.',
      )
      .waitFor();
    // The canvas centres on the step; zoomed to fit, the whole path is in view.
    await page.locator('body').press('Shift+!');
    const onPath = () =>
      page
        .locator('.react-flow__node:has(.node-card--on-path)')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-id')));
    await expect.poll(onPath).toEqual(['start', 'ask-email', 'hello', 'choose-plan', 'ask-health', 'send-lead']);
    expect(await page.locator('.react-flow__edge.edge--on-path').count()).toBe(5);
    // The dimming fades in (a 120 ms transition): poll until it settles.
    await expect.poll(() => nodeAt('bye').evaluate((element) => getComputedStyle(element).opacity)).toBe('0.25');
    expect(await nodeAt('send-lead').evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    expect(await nodeAt('send-lead').getAttribute('class')).toContain('selected');
    await problemsPanel().getByRole('button', { name: 'Hide the path' }).click();
    await expect.poll(() => page.locator('.canvas--witness, .node-card--on-path').count()).toBe(0);
  });

  it('replays a problem’s path in the simulator, from the keyboard, up to the step it is about', async () => {
    const problem = problemItems()
      .filter({ hasText: 'consent-before-collection' })
      .filter({ hasText: 'sends “Email”' });
    // Only problems with a witness path offer it: the whole-flow retention problem has none.
    expect(
      await problemItems()
        .filter({ hasText: 'missing-retention' })
        .getByRole('button', { name: 'Replay in simulator' })
        .count(),
    ).toBe(0);
    await problem.getByRole('button', { name: 'Replay in simulator' }).press('Enter');
    const simulator = page.getByRole('region', { name: 'Simulator' });
    await simulator.getByText('Replayed the problem’s path up to “send-lead”.').waitFor();
    // The bot's bubbles follow the path, in order, each sent by its step (past the request the
    // conversation goes on as the flow says).
    const sentBy = () =>
      simulator
        .locator('.bubble--bot')
        .evaluateAll((bubbles) => bubbles.map((bubble) => bubble.getAttribute('data-node-id')).slice(0, 4));
    await expect.poll(sentBy).toEqual(['ask-email', 'hello', 'choose-plan', 'ask-health']);
    // The rehearsal shows the problem itself: without consent the engine withholds the e-mail.
    expect(await simulator.locator('.ledger__part--withheld').textContent()).toContain('Email not sent');
    await simulator.getByRole('button', { name: 'Close the simulator' }).click();
    await expect.poll(() => simulator.count()).toBe(0);
  });

  it('fixes every error with quick fixes and the Flow settings until the flow is ready to export', async () => {
    // The retention through the inventory, as a designer who reads the problem would.
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    const settings = page.getByRole('region', { name: 'Flow settings' });
    await settings.getByLabel(`Kept for: ${isolate('health_condition')}`).selectOption('365');
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await statusLine().getByText('10 errors, 2 warnings — export blocked').waitFor();
    expect(await problemItems().filter({ hasText: 'missing-retention' }).count()).toBe(0);

    // Every other error has a quick fix; each click is one undoable edit. A fix that fills in a
    // declaration opens its row in the Flow settings for review; the designer then comes back.
    const problemsTab = page.getByRole('tab', { name: /^Problems/ });
    let shortened = false;
    for (let round = 0; round < 15; round += 1) {
      if ((await errorItems().count()) === 0) break;
      const before = await statusLine().textContent();
      const fix = errorItems().locator('.problem__fix').first();
      await fix.waitFor();
      const shortening = (await fix.textContent())?.startsWith('Shorten it to') === true;
      await fix.click();
      if (shortening) {
        // The shortened label's field has the cursor, with WhatsApp's limit counted beside it.
        const focused = page.getByRole('region', { name: 'Inspector' }).locator('input:focus');
        await expect.poll(() => focused.inputValue()).toBe('Premium family');
        shortened = true;
      }
      if ((await problemsTab.getAttribute('aria-selected')) !== 'true') {
        expect(await settings.locator('tr[aria-current="true"]').count()).toBe(1);
        await problemsTab.click();
      }
      await expect.poll(() => statusLine().textContent()).not.toBe(before);
    }
    await statusLine().getByText('Ready to export (2 warnings to review)').waitFor();
    expect(shortened).toBe(true);
    expect(await problemItems().allTextContents()).toEqual([
      expect.stringContaining('no-erasure-route'),
      expect.stringContaining('sensitive-echo'),
    ]);

    // Undo takes the last fix back, and redo brings it again.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await statusLine().getByText('— export blocked').waitFor();
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await statusLine().getByText('Ready to export').waitFor();
  });

  it('keeps the fixed flow: saved, it is ready to export again after a reload', async () => {
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved as version 2.', { exact: false }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: /Sunny Cover/ }).click();
    await statusLine().getByText('Ready to export (2 warnings to review)').waitFor();
    // What remains on the request is the warning that the CRM has no erase route.
    expect(await nodeAt('send-lead').locator('.problem-badge--error').count()).toBe(0);
    expect(await nodeAt('send-lead').locator('.problem-badge--warning').textContent()).toBe('1');
  });

  it('declares the CRM’s erase route in Flow settings from the keyboard, and the checker judges it', async () => {
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    const settings = page.getByRole('region', { name: 'Flow settings' });
    const crm = settings.getByRole('group', { name: 'Acme CRM' });
    const method = crm.getByLabel('When a customer erases their data, ask it to erase too');
    await method.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => method.inputValue()).toBe('DELETE');
    const address = crm.getByLabel('Erase address');
    expect(await address.inputValue()).toBe('https://api.acme-crm.example/');
    await page.keyboard.press('Tab');
    await expect.poll(() => address.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('End');
    await page.keyboard.type('leads/{{lead_id}}');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /^Problems/ }).click();
    // The demo's request saves nothing from the CRM's answer, so the route names a key the CRM never returned.
    const route = problemItems().filter({ hasText: 'invalid-erasure-route' });
    await route.first().waitFor();
    expect(await route.first().textContent()).toContain('reads {{lead_id}}, which “Acme CRM” does not return');
    expect(await problemItems().filter({ hasText: 'no-erasure-route' }).count()).toBe(0);
    // “No: it cannot be asked” takes the route away again: the error goes, the warning is back.
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    await method.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => method.inputValue()).toBe('');
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await statusLine().getByText('Ready to export (2 warnings to review)').waitFor();
  });

  it('gives the CRM’s erase route its access key as a header from the keyboard: a secret there is no problem, an answer of the customer is', async () => {
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    const settings = page.getByRole('region', { name: 'Flow settings' });
    const crm = settings.getByRole('group', { name: 'Acme CRM' });
    const focused = (locator: ReturnType<Page['locator']>) =>
      expect.poll(() => locator.evaluate((element) => element === document.activeElement)).toBe(true);
    const method = crm.getByLabel('When a customer erases their data, ask it to erase too');
    await method.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => method.inputValue()).toBe('DELETE');
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.type('leads/{{lead_id}}');
    await page.keyboard.press('Enter');
    // The headers come next in the keyboard's order; a new one starts as Authorization, its value to fill.
    await page.keyboard.press('Tab');
    await focused(crm.getByRole('button', { name: 'Add a header' }));
    await page.keyboard.press('Enter');
    const first = crm.getByRole('group', { name: 'Header 1' });
    expect(await first.getByLabel('Header name').inputValue()).toBe('Authorization');
    await focused(first.getByLabel('Header value'));
    await page.keyboard.type('Bearer {{secret.CRM_TOKEN}}');
    await page.keyboard.press('Enter');
    await crm.getByRole('button', { name: 'Add a header' }).focus();
    await page.keyboard.press('Enter');
    const second = crm.getByRole('group', { name: 'Header 2' });
    await focused(second.getByLabel('Header value'));
    await page.keyboard.type('{{email}}');
    await page.keyboard.press('Enter');
    // A name another header has is refused with the reason, and nothing is lost.
    const secondName = second.getByLabel('Header name');
    expect(await secondName.inputValue()).toBe('X-Header-2');
    await secondName.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('authorization');
    await page.keyboard.press('Enter');
    // The name sits in a first-strong isolate (FSI … PDI), so it keeps its place inside an Arabic sentence too.
    await page
      .getByRole('alert')
      .getByText('already sends a header named \u2068authorization\u2069', { exact: false })
      .waitFor();
    expect(await first.getByLabel('Header value').inputValue()).toBe('Bearer {{secret.CRM_TOKEN}}');
    await page.keyboard.press('Escape');
    expect(await secondName.inputValue()).toBe('X-Header-2');

    await page.getByRole('tab', { name: /^Problems/ }).click();
    const route = problemItems().filter({ hasText: 'invalid-erasure-route' });
    await route.filter({ hasText: 'reads {{email}}, which “Acme CRM” does not return' }).waitFor();
    expect(await problemItems().filter({ hasText: 'misplaced-secret' }).count()).toBe(0);

    // Removing the header with the customer's answer takes its error away; the token's header stays.
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    await crm.getByRole('button', { name: 'Remove header 2' }).focus();
    await page.keyboard.press('Enter');
    expect(await crm.getByRole('group', { name: /^Header / }).count()).toBe(1);
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await expect.poll(() => route.filter({ hasText: '{{email}}' }).count()).toBe(0);
    expect(await problemItems().filter({ hasText: 'misplaced-secret' }).count()).toBe(0);

    // “No: it cannot be asked” takes the route and its headers away again.
    await page.getByRole('tab', { name: 'Flow settings' }).click();
    await method.focus();
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => method.inputValue()).toBe('');
    expect(await crm.getByRole('group', { name: /^Header / }).count()).toBe(0);
    await page.getByRole('tab', { name: /^Problems/ }).click();
    await statusLine().getByText('Ready to export (2 warnings to review)').waitFor();
  });

  it('names the steps in the data map as the designer sees them, each choosing its step', async () => {
    await page.getByRole('tab', { name: 'Data map' }).click();
    const map = page.getByRole('region', { name: 'Data map' });
    const emailRow = map.getByRole('row', { name: /email/ }).first();
    const collectedAt = emailRow.getByRole('button', { name: /^Question: / });
    expect(await collectedAt.textContent()).toBe("Question: Hi! What's your email? We'll send… ask-email");
    // The id is there, small and secondary, for whoever needs it.
    expect(await collectedAt.locator('.step-button__id').textContent()).toBe('ask-email');
    expect(await emailRow.getByRole('button', { name: /^HTTP request/ }).allTextContents()).toContainEqual(
      expect.stringContaining('send-lead'),
    );
    await collectedAt.click();
    await expect.poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('ask-email');
    // On paper only the table is shown, the step names in black.
    await page.emulateMedia({ media: 'print' });
    try {
      const visibility = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).visibility);
      expect(await visibility('.data-map')).toBe('visible');
      expect(await visibility('[role="toolbar"]')).toBe('hidden');
      expect(await visibility('.react-flow')).toBe('hidden');
      const color = await page
        .locator('.data-map .step-button')
        .first()
        .evaluate((element) => getComputedStyle(element).color);
      expect(color).toBe('rgb(0, 0, 0)');
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });

  it('declares a new field through the category picker in Portuguese', async () => {
    await page.getByLabel('Interface language').selectOption('pt-BR');
    const settingsTab = page.getByRole('tab', { name: 'Configurações do fluxo' });
    if ((await settingsTab.getAttribute('aria-selected')) !== 'true') await settingsTab.click();
    const settings = page.getByRole('region', { name: 'Configurações do fluxo' });
    const newField = settings.getByLabel('Novo campo (ex.: telefone)');
    await newField.fill('telefone');
    await newField.press('Enter');
    await settings.getByRole('button', { name: `Escolher o tipo de dado: ${isolate('telefone')}` }).click();
    await settings.getByLabel('Buscar tipos de dado').fill('celular');
    const option = settings.locator('.category-picker__options button').first();
    await expect.poll(() => option.locator('.category-picker__label').textContent()).toContain('Telefone');
    await option.click();
    await expect
      .poll(() =>
        settings.getByRole('button', { name: `Escolher o tipo de dado: ${isolate('telefone')}` }).textContent(),
      )
      .toContain('Telefone');
    await settings.getByLabel(`Base legal: ${isolate('telefone')}`).selectOption('contract');
    await settings.getByText('LGPD art. 7º V', { exact: false }).waitFor();
    // Its purpose and retention complete the declaration: only warnings remain.
    await settings
      .getByRole('row', { name: /telefone/ })
      .getByLabel('Preparing your insurance quote')
      .check();
    await settings.getByLabel(`Guardado por: ${isolate('telefone')}`).selectOption('90');
    // Declared and never collected: the check says so, in Portuguese, and only warnings remain.
    await page.getByRole('tab', { name: /^Problemas/ }).click();
    const panel = page.getByRole('region', { name: 'Problemas' });
    await panel.getByRole('listitem').filter({ hasText: 'unused-declaration' }).waitFor();
    await panel.locator('.problems__status').getByText('Pronto para exportar (3 avisos para revisar)').waitFor();
  });

  it('shows the panel and its messages right to left in Arabic', async () => {
    await page.getByLabel('Idioma da interface').selectOption('ar');
    const panel = page.getByRole('region', { name: 'المشكلات' });
    await panel.locator('.problems__status').getByText('جاهز للتصدير', { exact: false }).waitFor();
    expect(await panel.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const messages = await panel.locator('.problem__message').allTextContents();
    expect(messages.length).toBeGreaterThan(0);
    for (const message of messages) expect(message).toMatch(/[\u0600-\u06FF]/);
    expect(await panel.getByRole('listitem').allTextContents()).toContainEqual(
      expect.stringContaining('sensitive-echo'),
    );
    // The data map names steps by their kind in Arabic, the flow's English words isolated inside.
    await page.getByRole('tab', { name: 'خريطة البيانات' }).click();
    const map = page.getByRole('region', { name: 'خريطة البيانات' });
    const collectedAt = map
      .getByRole('row', { name: /email/ })
      .first()
      .getByRole('button', { name: /^سؤال: / });
    expect(await collectedAt.locator('.step-button__text').getAttribute('lang')).toBe('en');
    expect(await map.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // In the Arabic settings, a field's English name is typed and read left to right.
    await page.getByRole('tab', { name: 'إعدادات المسار' }).click();
    const englishName = page.locator('.inventory input[lang="en"]').first();
    expect(await englishName.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
  });

  it('ran with no CSP violation and no script error', () => {
    expect(pageProblems).toEqual([]);
  });
});
