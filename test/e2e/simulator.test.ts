// The Simulator and Tests panels end to end, in Chromium, against the real browser edition on a
// fresh workspace: a newcomer rehearses example flows, reads the privacy ledger, keeps a test.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { tallWindow } from './studio-with-flow.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';

const examples = new URL('../../flows/examples/', import.meta.url).pathname;
/** Screenshots to look at after a run (test artefacts, never committed). */
const shots = new URL('../../test-results/simulator/', import.meta.url).pathname;
let dir: string;
let web: RunningWebEdition;
let browser: Browser;
let page: Page;
const pageProblems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-e2e-simulator-'));
  mkdirSync(shots, { recursive: true });
  [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
  // Tall enough that the flows rehearsed here fit the canvas whole at a readable zoom, so that a fit
  // draws every card, the last one too (renderer/canvas/readable-fit.ts).
  page = await browser.newPage({ viewport: tallWindow });
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
  });
  await page.goto(web.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function openExample(file: string, listed: RegExp): Promise<void> {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: /^(Import flow…|استيراد مسار…|Importar fluxo…)$/ }).click(),
  ]);
  await chooser.setFiles(join(examples, file));
  await page.locator('.flow-list').getByRole('button', { name: listed }).click();
  await page.locator('.react-flow__node').first().waitFor();
}

const simulator = () => page.getByRole('region', { name: 'Simulator' });
const tap = (label: string) => simulator().getByRole('button', { name: label, exact: true }).click();
async function type(text: string): Promise<void> {
  await simulator().getByRole('textbox', { name: 'Message' }).fill(text);
  await simulator().getByRole('button', { name: 'Send', exact: true }).click();
}
const held = () => simulator().locator('.ledger__part--held');
const inspector = () => page.getByRole('region', { name: 'Inspector' });

describe('rehearsing a flow in the studio', { timeout: 120_000 }, () => {
  it('simulates lead-capture to the end by tapping and typing, with the ledger showing consent and the e-mail', async () => {
    await openExample('lead-capture.flow.json', /Casa Aurora/);
    await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await simulator().getByText('Casa Aurora', { exact: false }).first().waitFor();
    await tap('Sofás e poltronas');
    await tap('Aceito');
    await type('Ana Souza');
    await type('ana@');
    // An invalid e-mail is asked again and nothing is stored.
    await expect
      .poll(() => simulator().locator('.bubble--bot').filter({ hasText: 'e-mail' }).count())
      .toBeGreaterThan(1);
    expect(await held().textContent()).not.toContain('E-mail');
    await type('ana@exemplo.com.br');
    await expect.poll(() => held().textContent()).toContain('E-mail');
    expect(await held().textContent()).not.toContain('ana@exemplo.com.br');
    expect(await simulator().locator('.ledger__part--consent').textContent()).toContain('granted');
    await type('(11) 91234-5678');
    await tap('Quero receber');
    await expect.poll(() => simulator().locator('.ledger__part--shared').textContent()).toContain('Funil CRM');
    await tap('Encerrar');
    await simulator().getByText('The conversation ended.', { exact: false }).waitFor();
    // The canvas draws only the steps in view: zoomed to fit in this tall window, the last step is among them.
    await page.locator('body').press('Shift+!');
    await expect.poll(() => page.locator('.react-flow__node.sim-current').getAttribute('data-id')).toBe('bye');
  });

  it('keeps the conversation as a test that passes in the Tests panel', async () => {
    await simulator().getByRole('button', { name: 'Save as test', exact: true }).click();
    await simulator().getByLabel('Test name').fill('lead to the end');
    await simulator().getByRole('button', { name: 'Save', exact: true }).click();
    const tests = page.getByRole('region', { name: 'Tests' });
    await expect.poll(() => tests.getByRole('status').textContent()).toContain('1 passed, 0 failed.');
    expect(await tests.textContent()).toContain('lead to the end');
    // The browser edition says where the tests are kept, and downloads them to keep beside the flow file.
    expect(await tests.textContent()).toContain(
      'Download them to keep lead-capture.transcript.json beside the flow file',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tests.getByRole('button', { name: 'Download tests', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('lead-capture.transcript.json');
    const saved = join(dir, 'downloaded.transcript.json');
    await download.saveAs(saved);
    expect(JSON.parse(readFileSync(saved, 'utf8')).tests.map((test: { name: string }) => test.name)).toEqual([
      'lead to the end',
    ]);
    // …and uploads them back.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      tests.getByRole('button', { name: 'Import tests…', exact: true }).click(),
    ]);
    await chooser.setFiles(saved);
    await page
      .getByRole('status')
      .filter({ hasText: 'Tests imported from “\u2068downloaded.transcript.json\u2069”.' })
      .waitFor();
  });

  it('clears what is held when the customer writes the erase keyword', async () => {
    await simulator().getByRole('button', { name: 'Restart', exact: true }).click();
    await tap('Decoração');
    await tap('Aceito');
    await type('Ana Souza');
    await expect.poll(() => held().textContent()).toContain('Nome completo');
    await type('apagar meus dados');
    await expect.poll(() => held().textContent()).toContain('Nothing is held about this customer.');
    expect(await simulator().locator('.ledger__part--erased').textContent()).toContain('erased');
  });

  it('from the templates: a saved test fails when a message changes, and passes again after undo', async () => {
    const auroras = () =>
      page
        .locator('.flow-list')
        .getByRole('button', { name: /Casa Aurora/ })
        .count();
    const before = await auroras();
    await page.getByRole('toolbar').getByRole('button', { name: 'New flow', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'New flow' })
      .getByRole('button', { name: /Casa Aurora/ })
      .click();
    // The template becomes a new flow of its own, beside any lead-capture imported earlier.
    await expect.poll(auroras).toBe(before + 1);
    if ((await simulator().count()) === 0) await page.getByRole('button', { name: 'Simulate', exact: true }).click();
    await simulator().getByRole('button', { name: 'Restart', exact: true }).click();
    await tap('Sofás e poltronas');
    await tap('Aceito');
    await type('Ana Souza');
    await type('ana@exemplo.com.br');
    await type('(11) 91234-5678');
    await tap('Não, obrigado');
    await simulator().locator('.bubble--bot').filter({ hasText: 'Prontinho' }).waitFor();

    // Clicking the bubble selects the step that sent it: the inspector shows its text.
    await simulator().locator('.bubble--bot').filter({ hasText: 'Prontinho' }).getByRole('button').first().click();
    await expect.poll(() => page.locator('.react-flow__node.selected').getAttribute('data-id')).toBe('lead-saved');
    const text = inspector().getByLabel('Message (pt-BR)');
    expect(await text.inputValue()).toContain('Prontinho');

    await simulator().getByRole('button', { name: 'Save as test', exact: true }).click();
    await simulator().getByLabel('Test name').fill('template lead');
    await simulator().getByRole('button', { name: 'Save', exact: true }).click();
    const status = () => page.getByRole('region', { name: 'Tests' }).getByRole('status').textContent();
    await expect.poll(status).toContain('1 passed, 0 failed.');

    await text.fill('Pedido anotado, {{name}}.');
    await text.press('Tab');
    await expect.poll(status).toContain('0 passed, 1 failed.');
    expect(await page.getByRole('region', { name: 'Tests' }).textContent()).toContain('Prontinho');

    await page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => text.inputValue()).toContain('Prontinho');
    await expect.poll(status).toContain('1 passed, 0 failed.');
  });

  it('rehearses clinic-appointment in Arabic, right to left, with the list sheet', async () => {
    await page.getByLabel('Interface language').selectOption('ar');
    await openExample('clinic-appointment.flow.json', /مجمع عيادات الروضة/);
    const panel = page.getByRole('region', { name: 'المحاكي' });
    if ((await panel.count()) === 0) await page.getByRole('button', { name: 'محاكاة', exact: true }).click();
    // The conversation languages are named, not shown as tags.
    expect(await panel.getByLabel('لغة المحادثة').locator('option').allTextContents()).toEqual([
      'العربية',
      'الإنجليزية',
    ]);

    // The welcome bubble's privacy address is held whole, left to right, in a right-to-left bubble.
    const url = 'https://alrawdah-clinics.example/privacy';
    const welcome = panel.locator('.bubble--bot[data-node-id="welcome"]').first();
    const bubbleText = welcome.locator('.bubble__body > [dir="auto"]');
    await bubbleText.waitFor();
    expect(await bubbleText.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const isolates = bubbleText.locator('bdi[dir="ltr"]');
    expect(await isolates.allTextContents()).toContain(url);
    expect(await isolates.filter({ hasText: 'alrawdah' }).count()).toBe(1);
    expect(
      await isolates.filter({ hasText: 'alrawdah' }).evaluate((element) => getComputedStyle(element).direction),
    ).toBe('ltr');
    // The address is not a link: nothing in the studio navigates away.
    expect(await welcome.locator('a').count()).toBe(0);
    // Read left to right: "https" starts left of where "privacy" ends, or on a line above it when the
    // address is wider than the bubble.
    const boxes = await bubbleText.evaluate((element, address) => {
      const node = [...element.querySelectorAll('bdi')].find((bdi) => bdi.textContent === address)?.firstChild;
      if (!node) return null;
      const boxOf = (start: number, end: number) => {
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, end);
        const box = range.getBoundingClientRect();
        return { left: box.left, right: box.right, top: box.top };
      };
      return { scheme: boxOf(0, 5), path: boxOf(address.length - 7, address.length) };
    }, url);
    await welcome.screenshot({ path: join(shots, 'ar-welcome-bubble.png') });
    expect(boxes).not.toBeNull();
    const { scheme, path } = boxes!;
    expect(scheme.top <= path.top + 2).toBe(true);
    if (Math.abs(scheme.top - path.top) < 4) expect(scheme.left).toBeLessThan(path.left);
    else expect(scheme.left).toBeLessThanOrEqual(path.right);
    // The card on the canvas and the inspector's Arabic field hold it the same way.
    await welcome.locator('.bubble__body').click();
    const card = page.locator('.react-flow__node[data-id="welcome"]');
    expect(await card.locator('bdi[dir="ltr"]').allTextContents()).toContain(url);
    const readsAs = page.locator('.lang-text__reads-as [lang="ar"] bdi[dir="ltr"]');
    await expect.poll(() => readsAs.allTextContents()).toContain(url);
    await page.screenshot({ path: join(shots, 'ar-simulator-welcome.png') });

    await panel.getByRole('button', { name: 'أوافق', exact: true }).click();
    await panel.getByRole('textbox', { name: 'رسالة' }).fill('سارة أحمد');
    await panel.getByRole('button', { name: 'إرسال', exact: true }).click();
    await panel.getByRole('button', { name: '☰ عرض العيادات', exact: true }).click();
    await panel
      .getByRole('dialog')
      .getByRole('button', { name: /طب الأطفال/ })
      .click();
    await panel.locator('.bubble--customer').filter({ hasText: 'طب الأطفال' }).waitFor();
    expect(await panel.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    expect(await panel.locator('.bubble--bot span[dir="auto"]').count()).toBeGreaterThan(0);
    expect(await panel.locator('.ledger__part--held li').count()).toBe(2);
  });

  it('ran with no CSP violation and no script error', () => {
    expect(pageProblems).toEqual([]);
  });
});
