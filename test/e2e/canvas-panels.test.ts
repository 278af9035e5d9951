// The canvas's overview map and view controls never cover the cards the designer works on, in
// Chromium against the real browser edition: a 20-step flow opens at a readable zoom with its start
// on the canvas (fitting it whole drew specks); at 1280×800 and at 1024×700, in English, Portuguese
// and Arabic, a fitted flow keeps every card clear of both panels; in Arabic they mirror (the map at the
// bottom left, the controls at the bottom right). The map can be hidden and shown again from the
// keyboard, and the workspace remembers the choice after a reload; its button is named by what it
// will do ("Hide the overview map" while it is shown), and when the choice cannot be saved the map
// stays as the workspace has it and the studio says so. Screenshots for a person to look
// at: test-results/canvas-panels/ (not kept in git).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importThroughChooser } from './studio-page.ts';
import { demoFlowFile, studioWithFlow } from './studio-with-flow.ts';

const flowFile = new URL('../../flows/examples/lead-capture.flow.json', import.meta.url).pathname;
const shots = new URL('../../test-results/canvas-panels/', import.meta.url).pathname;
const studio = studioWithFlow(
  flowFile,
  async (tab) => {
    mkdirSync(shots, { recursive: true });
    await tab.locator('.react-flow__node[data-id="start"]').waitFor();
    await importThroughChooser(tab, demoFlowFile);
    await tab.locator('.flow-list__item[aria-current="true"]', { hasText: /Sunny Cover/ }).waitFor();
  },
  { width: 1280, height: 800 },
);
const problems = studio.problems;
const page = () => studio.page();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every card's box, and the boxes of the map and the controls, once the view has stopped moving. */
async function layout(): Promise<{ cards: Box[]; map: Box | null; controls: Box }> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await page().locator('.react-flow__viewport').getAttribute('style'));
        const same = now === last;
        last = now;
        return same;
      },
      { interval: 300, timeout: 15_000 },
    )
    .toBe(true);
  const cards = await page()
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON() as Box));
  const map = await page().locator('.react-flow__minimap').boundingBox();
  const controls = await page().locator('.react-flow__controls').boundingBox();
  if (!controls) throw new Error('the view controls are not shown');
  return { cards, map, controls };
}

/** The smallest zoom a fit may draw the cards at (renderer/canvas/readable-fit.ts). */
const readableZoom = 0.6;
const opened = (name: RegExp) => page().locator('.flow-list__item[aria-current="true"]', { hasText: name });

const fitNames = { en: 'Zoom to fit', 'pt-BR': 'Ajustar à tela', ar: 'ملاءمة العرض' } as const;
const showMap = { en: 'Show the overview map', 'pt-BR': 'Mostrar o mapa geral', ar: 'إظهار الخريطة العامة' } as const;
const hideMap = { en: 'Hide the overview map', 'pt-BR': 'Ocultar o mapa geral', ar: 'إخفاء الخريطة العامة' } as const;
const mapToggle = () => page().locator('.overview-map-toggle');

describe('the overview map and the view controls', { timeout: 120_000 }, () => {
  it.each([
    [1280, 800],
    [1024, 700],
  ] as const)(
    'open the 20-step flow at %i×%i at a readable zoom, with its start on the canvas',
    async (width, height) => {
      await page().setViewportSize({ width, height });
      // Opened again at this size: the other flow first, then the big one.
      await page()
        .getByRole('button', { name: /Sunny Cover/ })
        .first()
        .click();
      await opened(/Sunny Cover/).waitFor();
      await page()
        .getByRole('button', { name: /Casa Aurora/ })
        .first()
        .click();
      await opened(/Casa Aurora/).waitFor();
      await page().locator('.react-flow__node[data-id="welcome"]').waitFor();
      await layout();
      await page().screenshot({ path: join(shots, `big-flow-${width}x${height}.png`) });
      const zoom = await page()
        .locator('.react-flow__viewport')
        .evaluate((viewport) => new DOMMatrix(getComputedStyle(viewport).transform).a);
      expect(zoom).toBeGreaterThanOrEqual(readableZoom);
      const canvas = await page().locator('.react-flow').boundingBox();
      const start = await page().locator('.react-flow__node[data-id="start"]').boundingBox();
      if (!canvas || !start) throw new Error('no canvas or no start step');
      expect(start.x).toBeGreaterThanOrEqual(canvas.x);
      expect(start.y).toBeGreaterThanOrEqual(canvas.y);
      expect(start.x + start.width).toBeLessThanOrEqual(canvas.x + canvas.width);
      expect(start.y + start.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    },
  );

  it('leave every card of a flow that fits clear', async () => {
    await page().setViewportSize({ width: 1280, height: 800 });
    await page().getByRole('toolbar').getByRole('button', { name: 'New flow', exact: true }).click();
    const dialog = page().getByRole('dialog', { name: 'New flow' });
    await dialog.getByLabel('Name').fill('Panels');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page().locator('.react-flow__node[data-id="hello"]').waitFor();
    const { cards, map, controls } = await layout();
    expect(cards.length).toBeGreaterThanOrEqual(2);
    expect(map).not.toBeNull();
    for (const card of cards) {
      expect(overlaps(card, controls)).toBe(false);
      if (map) expect(overlaps(card, map)).toBe(false);
    }
  });

  it.each([
    [1280, 800, 'en'],
    [1280, 800, 'pt-BR'],
    [1280, 800, 'ar'],
    [1024, 700, 'en'],
    [1024, 700, 'pt-BR'],
    [1024, 700, 'ar'],
  ] as const)('at %i×%i in %s cover no card after Zoom to fit, mirrored in Arabic', async (width, height, language) => {
    await page().setViewportSize({ width, height });
    await page()
      .getByLabel(/^(Interface language|Idioma da interface|لغة الواجهة)/)
      .selectOption(language);
    await page().getByRole('button', { name: fitNames[language], exact: true }).click();
    const { cards, map, controls } = await layout();
    await page().screenshot({ path: join(shots, `${width}x${height}-${language}.png`) });
    expect(map).not.toBeNull();
    if (!map) return;
    for (const card of cards) {
      expect(overlaps(card, controls)).toBe(false);
      expect(overlaps(card, map)).toBe(false);
    }
    const canvas = await page().locator('.react-flow').boundingBox();
    if (!canvas) throw new Error('no canvas');
    // Both panels sit in the bottom corners of the canvas, on opposite sides.
    if (language === 'ar') {
      expect(map.x - canvas.x).toBeLessThan(30);
      expect(canvas.x + canvas.width - (controls.x + controls.width)).toBeLessThan(30);
    } else {
      expect(controls.x - canvas.x).toBeLessThan(30);
      expect(canvas.x + canvas.width - (map.x + map.width)).toBeLessThan(30);
    }
  });

  it.each(['en', 'pt-BR', 'ar'] as const)(
    'in %s names the map button by what it will do, in its name and its tooltip, and says whether the map is shown',
    async (language) => {
      await page()
        .getByLabel(/^(Interface language|Idioma da interface|لغة الواجهة)/)
        .selectOption(language);
      const toggle = page().getByRole('button', { name: hideMap[language], exact: true });
      expect(await toggle.getAttribute('title')).toBe(hideMap[language]);
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await toggle.click();
      await page().locator('.react-flow__minimap').waitFor({ state: 'detached' });
      const again = page().getByRole('button', { name: showMap[language], exact: true });
      expect(await again.getAttribute('title')).toBe(showMap[language]);
      expect(await again.getAttribute('aria-pressed')).toBe('false');
      await page().screenshot({ path: join(shots, `map-toggle-hidden-${language}.png`) });
      await again.click();
      await page().locator('.react-flow__minimap').waitFor();
      expect(await mapToggle().getAttribute('aria-label')).toBe(hideMap[language]);
    },
  );

  it('hides the map from the keyboard, remembers it after a reload, and shows it again', async () => {
    await page()
      .getByLabel(/^(Interface language|Idioma da interface|لغة الواجهة)/)
      .selectOption('en');
    const toggle = page().getByRole('button', { name: hideMap.en, exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.focus();
    await page().keyboard.press('Space');
    await page().locator('.react-flow__minimap').waitFor({ state: 'detached' });
    expect(await mapToggle().getAttribute('aria-pressed')).toBe('false');
    await page().screenshot({ path: join(shots, 'map-hidden-en.png') });

    await page().reload();
    await page()
      .getByRole('button', { name: /Panels/ })
      .first()
      .click();
    await page().locator('.react-flow__node[data-id="hello"]').waitFor();
    const again = page().getByRole('button', { name: showMap.en, exact: true });
    expect(await again.getAttribute('aria-pressed')).toBe('false');
    expect(await page().locator('.react-flow__minimap').count()).toBe(0);
    await again.focus();
    await page().keyboard.press('Enter');
    await page().locator('.react-flow__minimap').waitFor();
    expect(await mapToggle().getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  // Last: the browser edition is stopped.
  it('keeps the map as the workspace has it when the choice cannot be saved, and says so', async () => {
    await studio.stopHost();
    await mapToggle().click();
    await page().getByText('The studio cannot reach its workspace.', { exact: false }).waitFor();
    await page().screenshot({ path: join(shots, 'map-not-saved-en.png') });
    // The map is still shown, and its button still offers to hide it: the screen says what is kept.
    expect(await page().locator('.react-flow__minimap').count()).toBe(1);
    expect(await mapToggle().getAttribute('aria-pressed')).toBe('true');
    expect(await mapToggle().getAttribute('aria-label')).toBe(hideMap.en);
  });
});
