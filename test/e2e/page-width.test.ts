// The studio never scrolls sideways as a whole page, in Chromium against the real browser edition:
// at 1280×800 and at 1024×700, in English, Portuguese and Arabic, on every main view (the flow list
// with no flow open, the editor, Problems, Flow settings, Data map, the Simulator, Tests, the new-flow
// dialog, the export dialog, the command palette) neither the document nor its body is wider than the
// window. A wide table scrolls inside its own box; nothing in it may reach past the window, where in
// Arabic it became an empty strip on the left with the header cut off. Screenshots for a person to
// look at: test-results/page-width/ (not kept in git). A language code is never broken inside: the
// flow list and the new-flow dialog keep "pt-BR" on one line.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importThroughChooser } from './studio-page.ts';
import { chooseLanguage, studioWords } from './studio-words.ts';
import { demoFlowFile, emptyStudio } from './studio-with-flow.ts';

const portugueseFlowFile = new URL('../../flows/examples/lead-capture.flow.json', import.meta.url).pathname;
const studio = emptyStudio('page-width');
const { shots } = studio;
const problems = studio.problems;
const page = () => studio.page();

const words = studioWords;

/** How far the document and its body reach past the window's width, in px (0 when they fit). */
async function overflow(): Promise<{ document: number; body: number }> {
  return page().evaluate(() => ({
    document: document.documentElement.scrollWidth - window.innerWidth,
    body: document.body.scrollWidth - window.innerWidth,
  }));
}

/** Records how far the page reaches sideways on one view, and photographs it. */
async function measure(found: Record<string, { document: number; body: number }>, view: string): Promise<void> {
  // A frame for the layout to settle after the click that opened the view.
  await page().evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
  found[view] = await overflow();
  await page().screenshot({ path: join(shots, `${view}.png`) });
}

/**
 * The lines each `code` written inside the elements matching `selector` is laid out on: the tops of
 * the boxes Chromium draws its letters in, one top when it stays whole.
 */
async function linesOfCode(selector: string, code: string): Promise<Record<string, number[]>> {
  return page()
    .locator(selector)
    .evaluateAll((elements, code) => {
      const found: Record<string, number[]> = {};
      elements.forEach((element, index) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let text = walker.nextNode(); text; text = walker.nextNode()) {
          const at = text.textContent?.indexOf(code) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + code.length);
          const tops = [...range.getClientRects()].map((box) => Math.round(box.top));
          found[`${index}`] = [...new Set(tops)];
        }
      });
      return found;
    }, code);
}

const sizes = [
  [1280, 800],
  [1024, 700],
] as const;
const cases = sizes.flatMap(([width, height]) =>
  (['en', 'pt-BR', 'ar'] as const).map((language) => [width, height, language] as const),
);

describe('the studio page', { timeout: 180_000 }, () => {
  it.each(sizes)('at %i×%i fits the window with no flow open, in every language', async (width, height) => {
    await page().setViewportSize({ width, height });
    const found: Record<string, { document: number; body: number }> = {};
    for (const language of ['en', 'pt-BR', 'ar'] as const) {
      await chooseLanguage(page(), language);
      await measure(found, `${width}x${height}-${language}-0-flow-list`);
    }
    expect(Object.entries(found).filter(([, reach]) => reach.document > 0 || reach.body > 0)).toEqual([]);
  });

  it.each(cases)('at %i×%i in %s fits the window on every main view', async (width, height, language) => {
    if (!(await page().locator('.react-flow__node').count())) {
      await importThroughChooser(page(), demoFlowFile);
      await page().locator('.react-flow__node[data-id="start"]').waitFor();
    }
    await page().setViewportSize({ width, height });
    await chooseLanguage(page(), language);
    const w = words[language];
    const view = (name: string) => `${width}x${height}-${language}-${name}`;
    const found: Record<string, { document: number; body: number }> = {};

    // Zoom to fit (the last view may have moved elsewhere) shows the flow's start.
    await page().locator('.react-flow__controls-fitview').click();
    await page().locator('.react-flow__node[data-id="start"]').click();
    await measure(found, view('1-editor'));
    for (const [tab, name] of [
      [w.problems, '2-problems'],
      [w.settings, '3-settings'],
      [w.dataMap, '4-data-map'],
    ] as const) {
      await page().getByRole('tab', { name: tab }).click();
      await measure(found, view(name));
    }
    // The Simulate and Tests buttons sit in the header, beside the toolbar.
    const header = page().getByRole('banner');
    await header.getByRole('button', { name: w.simulate, exact: true }).click();
    await page().locator('.simulator .bubble--bot').first().waitFor();
    await page().getByRole('tab', { name: w.settings }).click();
    await measure(found, view('5-simulator'));
    await header.getByRole('button', { name: w.simulate, exact: true }).click();
    await header.getByRole('button', { name: w.tests, exact: true }).click();
    await page().locator('.tests-panel').waitFor();
    await measure(found, view('6-tests'));
    await header.getByRole('button', { name: w.tests, exact: true }).click();
    await page().locator('.tests-panel').waitFor({ state: 'detached' });
    const toolbar = page().getByRole('toolbar');

    await toolbar.getByRole('button', { name: w.newFlow, exact: true }).click();
    await page().getByRole('dialog').waitFor();
    await measure(found, view('7-new-flow'));
    await page().keyboard.press('Escape');
    await page().getByRole('dialog').waitFor({ state: 'detached' });
    await toolbar.getByRole('button', { name: w.export, exact: true }).click();
    await page().getByRole('dialog').waitFor();
    await measure(found, view('8-export'));
    await page().getByRole('dialog').getByRole('button', { name: w.close, exact: true }).click();
    await page().getByRole('dialog').waitFor({ state: 'detached' });
    await page().keyboard.press('Control+K');
    await page().getByRole('dialog').waitFor();
    await measure(found, view('9-command-palette'));
    await page().keyboard.press('Escape');
    await page().getByRole('dialog').waitFor({ state: 'detached' });

    expect(Object.entries(found).filter(([, reach]) => reach.document > 0 || reach.body > 0)).toEqual([]);
  });

  it.each(cases)('at %i×%i in %s keeps every “pt-BR” whole on one line', async (width, height, language) => {
    if (!(await page().locator('.flow-list__item', { hasText: 'Casa Aurora' }).count())) {
      await importThroughChooser(page(), portugueseFlowFile);
      await page().locator('.flow-list__item', { hasText: 'Casa Aurora' }).waitFor();
    }
    await page().setViewportSize({ width, height });
    await chooseLanguage(page(), language);
    const lines: Record<string, number[]> = {};
    for (const [where, line] of Object.entries(await linesOfCode('.flow-list__meta', 'pt-BR')))
      lines[`flow list ${where}`] = line;
    await page().getByRole('toolbar').getByRole('button', { name: words[language].newFlow, exact: true }).click();
    await page().getByRole('dialog').waitFor();
    for (const [where, line] of Object.entries(await linesOfCode('.new-flow__template', 'pt-BR')))
      lines[`template ${where}`] = line;
    await page().screenshot({ path: join(shots, `${width}x${height}-${language}-codes.png`) });
    await page().keyboard.press('Escape');
    await page().getByRole('dialog').waitFor({ state: 'detached' });
    // The Portuguese flow in the list, and the two Portuguese templates.
    expect(Object.keys(lines).length).toBeGreaterThanOrEqual(3);
    expect(Object.entries(lines).filter(([, tops]) => tops.length !== 1)).toEqual([]);
  });

  it('raised no script error and no console error', () => {
    expect(problems).toEqual([]);
  });
});
