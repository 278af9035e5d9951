// The editor end to end, as a newcomer works, in Chromium against the real browser edition:
// new blank flow → a Question from the palette by drag and by keyboard → connect → type its text in
// two languages → undo and redo → copy two steps and paste them into another flow → auto-layout →
// save → reload and find the edits in version 2. The key screens are captured in en, pt-BR and ar
// (test-results/editor/, not committed), the Arabic layout is checked to mirror, and axe-core finds
// no serious or critical accessibility violation on the main screens in each language.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium.ts';
import { startWebEdition, type RunningWebEdition } from './web-edition.ts';

const shots = new URL('../../test-results/editor/', import.meta.url).pathname;
let dir: string;
let web: RunningWebEdition;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageProblems: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'amana-editor-e2e-'));
  mkdirSync(shots, { recursive: true });
  [web, browser] = await Promise.all([startWebEdition(join(dir, 'workspace.db')), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') pageProblems.push(`console error: ${message.text()}`);
  });
  await page.goto(web.url);
  await page.getByText('No flows yet.', { exact: false }).waitFor();
}, 180_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') {
    await page?.screenshot({ path: join(shots, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}.png`) });
  }
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const node = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const palette = () => page.getByRole('region', { name: /^(Steps|Etapas|الخطوات)$/ });
const inspector = () => page.getByRole('region', { name: /^(Inspector|Inspetor|المراجِع)$/ });
const toolbar = () => page.getByRole('toolbar');
const edgeCount = () => page.locator('.react-flow__edge').count();
const nodeIds = () => page.locator('.react-flow__node').evaluateAll((all) => all.map((n) => n.getAttribute('data-id')));

async function createBlankFlow(name: string): Promise<void> {
  await toolbar().getByRole('button', { name: 'New flow' }).click();
  const dialog = page.getByRole('dialog', { name: 'New flow' });
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await node('hello').waitFor();
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .waitFor();
}

/** Drags from one point to another with the mouse, in small steps as a hand would. */
async function dragMouse(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 10, from.y + ((to.y - from.y) * i) / 10);
  }
  await page.mouse.up();
}

async function centreOf(locator: ReturnType<Page['locator']>): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Polls as a person would wait: long enough for a loaded two-core machine. */
function eventually<Value>(read: () => Value | Promise<Value>) {
  return expect.poll(read, { timeout: 15_000, interval: 100 });
}

/** Waits until a step stops moving (an auto-layout or a zoom animates). */
async function settled(id: string): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await node(id).boundingBox());
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 300, timeout: 15_000 },
    )
    .toBe(true);
}

/** Brings every step into view, as the Zoom to fit command does. */
async function zoomToFit(): Promise<void> {
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  await settled('hello');
}

async function expectNoSeriousViolations(screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${screen}: ${violation.id} (${violation.impact}) ${violation.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  expect(serious).toEqual([]);
}

describe('building a flow in the editor', { timeout: 120_000 }, () => {
  it('starts a blank flow: a Start connected to a Bot disclosure, saved as version 1', async () => {
    await createBlankFlow('Pedidos da padaria');
    expect(await nodeIds()).toEqual(['start', 'hello']);
    await eventually(edgeCount).toBe(1);
    expect(await node('hello').getAttribute('aria-label')).toMatch(/^Bot disclosure: /);
    await page.screenshot({ path: join(shots, 'en-1-blank-flow.png') });
  });

  it('adds a Question by dragging it from the palette, and another with the keyboard', async () => {
    const pane = page.locator('.react-flow__pane');
    const box = await pane.boundingBox();
    if (!box) throw new Error('canvas not visible');
    await palette()
      .getByRole('button', { name: 'Question' })
      .dragTo(pane, { targetPosition: { x: box.width * 0.7, y: 40 } });
    await node('question').waitFor();
    await palette().getByRole('button', { name: 'Question' }).focus();
    await page.keyboard.press('Enter');
    await node('question-2').waitFor();
    expect(await node('question').getAttribute('aria-label')).toMatch(/^Question: /);
    // The new step is selected and its form is open.
    await inspector().getByText('question-2').waitFor();
  });

  it('connects the disclosure to the question by dragging from its exit, and the question on from the inspector', async () => {
    await toolbar().getByRole('button', { name: 'Auto-layout' }).click();
    await settled('question');
    const before = await edgeCount();
    await dragMouse(
      await centreOf(node('hello').locator('.react-flow__handle.source')),
      await centreOf(node('question').locator('.react-flow__handle.target')),
    );
    await eventually(edgeCount).toBe(before + 1);
    await node('question').click();
    await inspector().getByLabel('next').selectOption('question-2');
    await eventually(edgeCount).toBe(before + 2);
  });

  it('types the question in two flow languages side by side, with the WhatsApp counter live', async () => {
    const languages = page.getByRole('group', { name: 'Languages of this flow' });
    await languages.getByLabel('Language code (such as es or fr-CA)').fill('pt-BR');
    await languages.getByRole('button', { name: 'Add language' }).click();
    await zoomToFit();
    await node('question').click();
    const english = inspector().getByLabel('Question (en)');
    await english.fill('What is your name?');
    await inspector().getByText('18 / 4096').waitFor();
    await inspector().getByLabel('Question (pt-BR)').fill('Qual é o seu nome?');
    await eventually(() => node('question').textContent()).toContain('What is your name?');
    await page.screenshot({ path: join(shots, 'en-2-inspector.png') });
  });

  it('refuses an invalid value with the parser’s message, and the document keeps the last good one', async () => {
    const retries = inspector().getByLabel('Tries before giving up');
    await retries.fill('99');
    await retries.press('Enter');
    await inspector().getByRole('alert').first().waitFor();
    await retries.fill('3');
    await retries.press('Enter');
    await eventually(() => inspector().getByRole('alert').count()).toBe(0);
  });

  it('undoes and redoes the typing one burst at a time', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await eventually(() => node('question').textContent()).toContain('What is your name?');
    await page.keyboard.press('Control+z');
    await eventually(() => node('question').textContent()).not.toContain('What is your name?');
    await toolbar().getByRole('button', { name: 'Redo' }).click();
    await eventually(() => node('question').textContent()).toContain('What is your name?');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+y');
  });

  it('copies two steps and pastes them into another flow through the clipboard', async () => {
    await zoomToFit();
    await node('question').click();
    await node('question-2').click({ modifiers: ['Shift'] });
    await page.keyboard.press('Control+c');
    await createBlankFlow('Outro fluxo');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+v');
    await node('question-2').waitFor();
    expect(await nodeIds()).toEqual(['start', 'hello', 'question', 'question-2']);
    await eventually(edgeCount).toBe(2);
  });

  it('lays the flow out, saves it as version 2 and finds it after a reload', async () => {
    const placed = () => node('question').evaluate((element) => (element as HTMLElement).style.transform);
    const before = await placed();
    await toolbar().getByRole('button', { name: 'Auto-layout' }).click();
    await eventually(placed).not.toBe(before);
    await page.keyboard.press('Control+z');
    await eventually(placed).toBe(before);
    await page.keyboard.press('Control+y');
    await toolbar().getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Saved as version 2.').waitFor();
    await page.screenshot({ path: join(shots, 'en-3-saved.png') });
    await page.reload();
    await page.getByRole('button', { name: /Outro fluxo/ }).click();
    await page
      .getByRole('complementary')
      .getByRole('button', { name: /Version 2 · current/ })
      .waitFor();
    await node('question-2').waitFor();
    expect(await nodeIds()).toEqual(['start', 'hello', 'question', 'question-2']);
    await expectNoSeriousViolations('en editor');
  });

  it('finds steps by text, selects and centres each match', async () => {
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find steps').fill('question');
    await page.getByText('1 of 2').waitFor();
    await eventually(() => node('question').getAttribute('class')).toContain('selected');
    await page.keyboard.press('Enter');
    await eventually(() => node('question-2').getAttribute('class')).toContain('selected');
    await page.keyboard.press('Escape');
  });

  it('offers every command in the palette (Ctrl+K) and lists the shortcuts (Shift+?)', async () => {
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+k');
    const commands = page.getByRole('dialog', { name: 'Command palette' });
    await commands.getByRole('combobox').fill('zoom');
    await commands.getByRole('option', { name: /Zoom to fit/ }).waitFor();
    await expectNoSeriousViolations('en command palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByText('Ctrl+Shift+Z').waitFor();
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).getByRole('button', { name: 'Close' }).click();
  });

  it.each([
    ['pt-BR', 'Etapas', 'Pergunta', 'Novo fluxo'],
    ['ar', 'الخطوات', 'سؤال', 'مسار جديد'],
    ['en', 'Steps', 'Question', 'New flow'],
  ] as const)(
    'in %s: translated palette, inspector and dialogs, no serious accessibility violation',
    async (language, steps, question, newFlow) => {
      await page.getByLabel(/^(Interface language|Idioma da interface|لغة الواجهة)/).selectOption(language);
      await page.getByRole('region', { name: steps }).getByRole('button', { name: question }).waitFor();
      await node('question').click();
      await expectNoSeriousViolations(`${language} editor`);
      await page.screenshot({ path: join(shots, `${language}-4-editor.png`) });
      if (language === 'ar') {
        const paletteBox = await palette().boundingBox();
        const inspectorBox = await inspector().boundingBox();
        // Mirrored: the palette is on the right and the inspector on the left.
        expect(paletteBox && inspectorBox && paletteBox.x > inspectorBox.x).toBe(true);
      } else {
        const paletteBox = await palette().boundingBox();
        const inspectorBox = await inspector().boundingBox();
        expect(paletteBox && inspectorBox && paletteBox.x < inspectorBox.x).toBe(true);
      }
      await toolbar().getByRole('button', { name: newFlow }).click();
      await expectNoSeriousViolations(`${language} new flow`);
      await page.screenshot({ path: join(shots, `${language}-5-new-flow.png`) });
      await page.keyboard.press('Escape');
    },
  );

  it('raised no script error and no console error', () => {
    expect(pageProblems).toEqual([]);
  });
});
