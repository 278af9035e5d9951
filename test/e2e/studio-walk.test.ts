// The studio walked as a designer who does not program walks it, in Chromium against the real
// browser edition at 1280×800: a flow from a template, a question added from the palette with the
// keyboard, connected from the inspector, its answer declared by the Problems panel's quick fix,
// a rehearsal in the simulator, the export dialog. Then each main view again in English, Portuguese
// and Arabic: axe-core finds no violation of any impact (landmarks included), and with the
// simulator open the studio's columns sit side by side inside the window, none over another.
// Screenshots for a person to look at: test-results/studio-walk/ (not kept in git).
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { emptyStudio } from './studio-with-flow.ts';
import { chooseLanguage, studioWords } from './studio-words.ts';

const studio = emptyStudio('studio-walk');
const { shots } = studio;
const problems = studio.problems;
const page = () => studio.page();

const words = studioWords;

const inspector = () => page().getByRole('region', { name: 'Inspector' });
const problemsPanel = () => page().getByRole('region', { name: 'Problems' });
const simulator = () => page().getByRole('region', { name: 'Simulator' });

/** Every axe-core violation on the page, of any impact, as one line each (none expected). */
async function violations(screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page: page() }).analyze();
  return results.violations.map(
    (violation) =>
      `${screen}: ${violation.id} (${violation.impact}) ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

async function shot(name: string): Promise<void> {
  await page().screenshot({ path: join(shots, `${name}.png`) });
}

describe('a designer’s walk through the studio', { timeout: 180_000 }, () => {
  it('starts a flow from a template', async () => {
    await page().getByRole('toolbar').getByRole('button', { name: 'New flow', exact: true }).click();
    const dialog = page().getByRole('dialog', { name: 'New flow' });
    expect(await violations('new flow dialog')).toEqual([]);
    await dialog.getByRole('button', { name: /Casa Aurora/ }).click();
    await page().locator('.react-flow__node[data-id="start"]').waitFor();
    await page().getByRole('status').getByText('Ready to export').waitFor();
    await shot('en-1-template');
  });

  it('adds a question with the keyboard and connects it from the inspector', async () => {
    await page().getByRole('region', { name: 'Steps' }).getByRole('button', { name: 'Question' }).focus();
    await page().keyboard.press('Enter');
    await inspector().getByText('question', { exact: true }).waitFor();
    const next = inspector().getByLabel('next');
    await next.selectOption({ index: 1 });
    expect(await next.inputValue()).not.toBe('');
    await shot('en-2-question');
  });

  it('reads the Problems panel in plain words and fixes the problem with its quick fix', async () => {
    await page().getByRole('tab', { name: words.en.problems }).click();
    const problem = problemsPanel().locator('.problem').filter({ hasText: 'undeclared-data' }).first();
    await problem.waitFor();
    expect(await problem.textContent()).toContain('“answer”');
    await shot('en-3-problems');
    await problem.getByRole('button', { name: /^Declare “answer” as personal data/ }).click();
    await expect
      .poll(() => problemsPanel().locator('.problem').filter({ hasText: 'undeclared-data' }).count(), {
        timeout: 15_000,
      })
      .toBe(0);
  });

  it('rehearses the flow in the simulator beside the canvas, nothing over anything', async () => {
    await page().getByRole('button', { name: 'Simulate', exact: true }).click();
    await simulator().locator('.bubble--bot').first().waitFor();
    await simulator().getByRole('textbox', { name: 'Message' }).fill('Oi');
    await simulator().getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => simulator().locator('.bubble--customer').count()).toBeGreaterThan(0);
    await shot('en-4-simulator');
    await expectColumnsSideBySide();
    await simulator().getByRole('button', { name: 'Close the simulator' }).click();
  });

  it('opens the export dialog and closes it', async () => {
    await page().getByRole('toolbar').getByRole('button', { name: 'Export…', exact: true }).click();
    const dialog = page().getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Privacy check' }).waitFor();
    await shot('en-5-export');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it.each(['en', 'pt-BR', 'ar'] as const)(
    'in %s: every main view has no accessibility violation of any impact',
    async (language) => {
      const w = words[language];
      await chooseLanguage(page(), language);
      const found: string[] = [];
      await page().locator('.react-flow__node[data-id="question"]').click();
      found.push(...(await violations(`${language} editor`)));
      await shot(`${language}-views-1-editor`);
      for (const [tab, name] of [
        [w.problems, 'problems'],
        [w.settings, 'settings'],
        [w.dataMap, 'data-map'],
      ] as const) {
        await page().getByRole('tab', { name: tab }).click();
        found.push(...(await violations(`${language} ${name}`)));
        await shot(`${language}-views-2-${name}`);
      }
      await page().getByRole('toolbar').getByRole('button', { name: w.newFlow, exact: true }).click();
      await page().getByRole('dialog').waitFor();
      found.push(...(await violations(`${language} new flow`)));
      await shot(`${language}-views-3-new-flow`);
      await page().keyboard.press('Escape');
      await page().getByRole('button', { name: w.simulate, exact: true }).click();
      await page().locator('.simulator .bubble--bot').first().waitFor();
      found.push(...(await violations(`${language} simulator`)));
      await shot(`${language}-views-4-simulator`);
      await expectColumnsSideBySide();
      await page().getByRole('button', { name: w.simulate, exact: true }).click();
      await page().locator('.simulator').waitFor({ state: 'detached' });
      await page().getByRole('toolbar').getByRole('button', { name: w.export, exact: true }).click();
      await page().getByRole('dialog').waitFor();
      found.push(...(await violations(`${language} export`)));
      await shot(`${language}-views-5-export`);
      await page().getByRole('dialog').getByRole('button', { name: w.close, exact: true }).click();
      expect(found).toEqual([]);
    },
  );

  it('raised no script error and no console error', () => {
    expect(problems).toEqual([]);
  });
});

/** The studio's columns (flows, canvas, inspector, panels, history) side by side inside the window. */
async function expectColumnsSideBySide(): Promise<void> {
  const boxes = await page()
    .locator('.app-body > *')
    .evaluateAll((columns) =>
      columns
        .map((column) => column.getBoundingClientRect())
        .filter((box) => box.width > 0 && box.height > 0)
        .map((box) => ({ left: box.left, right: box.right, top: box.top, bottom: box.bottom })),
    );
  const body = await page().locator('.app-body').boundingBox();
  if (!body) throw new Error('no studio body');
  expect(boxes.length).toBeGreaterThanOrEqual(4);
  for (const box of boxes) {
    // One row: every column starts at the top of the studio's body and stays inside the window.
    expect(Math.abs(box.top - body.y)).toBeLessThan(1);
    expect(box.left).toBeGreaterThanOrEqual(-1);
    expect(box.right).toBeLessThanOrEqual(1281);
  }
  const sorted = [...boxes].sort((a, b) => a.left - b.left);
  for (let index = 1; index < sorted.length; index += 1)
    expect(sorted[index]!.left).toBeGreaterThanOrEqual(sorted[index - 1]!.right - 1);
  // The canvas keeps room for its cards, and every tab under it shows whole.
  const canvas = await page().locator('.react-flow').boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThan(250);
  const dock = await page().locator('.privacy-dock').boundingBox();
  if (!dock) throw new Error('no dock under the canvas');
  for (const tab of await page().getByRole('tab').all()) {
    const box = await tab.boundingBox();
    expect(box && box.x >= dock.x - 1 && box.x + box.width <= dock.x + dock.width + 1).toBe(true);
  }
}
