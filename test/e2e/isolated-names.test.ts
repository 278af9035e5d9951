// Designers' names inside the studio's Arabic sentences, in Chromium against the real browser
// edition: the Problems panel's "path shown" line keeps the step ids whole and in the path's order,
// left to right, inside the right-to-left sentence, with the sentence's full stop where Arabic puts it
// (test-results/isolated-names/path-shown-ar.png shows it).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoStudio } from './studio-with-flow.ts';

const studio = demoStudio('isolated-names');
const { shots } = studio;
const page = () => studio.page();

describe('step ids in the Problems panel’s Arabic sentence', { timeout: 120_000 }, () => {
  it('reads the witness path left to right, each id whole, inside the right-to-left sentence', async () => {
    await page().getByLabel('Interface language').selectOption('ar');
    await page()
      .locator('.problem')
      .filter({ hasText: 'consent-before-collection' })
      .first()
      .locator('.problem__show')
      .click();
    const line = page().locator('.problems__witness p');
    await line.waitFor();
    const sentence = (await line.textContent()) ?? '';
    const ids = /: (.*)\.$/u.exec(sentence)?.[1]?.split(' → ') ?? [];
    expect(sentence.startsWith('تعرض اللوحة الطريق من البداية إلى هذه المشكلة: ')).toBe(true);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect(id).toMatch(/^\u2068[a-z-]+\u2069$/u);
    expect(ids[0]).toBe('\u2068start\u2069');

    // Where Chromium lays the ids out: each on one line, in the path's order from left to right,
    // and the sentence's full stop on their left (Arabic is read from the right).
    await page()
      .locator('.problems__witness')
      .screenshot({ path: join(shots, 'path-shown-ar.png') });
    const boxes = await line.evaluate((paragraph) => {
      const path = paragraph.querySelector('bdi');
      const text = path?.firstChild;
      if (!path || !text?.textContent) return null;
      const ids = [...text.textContent.matchAll(/\u2068([^\u2069]*)\u2069/gu)];
      const range = document.createRange();
      const boxOf = (start: number, end: number) => {
        range.setStart(text, start);
        range.setEnd(text, end);
        const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
        return {
          left: Math.min(...rects.map((r) => r.left)),
          right: Math.max(...rects.map((r) => r.right)),
          lines: new Set(rects.map((r) => Math.round(r.top))).size,
        };
      };
      // The sentence's full stop, after the path: Arabic ends a sentence on its left.
      range.selectNodeContents(paragraph.lastChild ?? paragraph);
      const stop = range.getBoundingClientRect();
      return {
        direction: getComputedStyle(paragraph).direction,
        pathDirection: getComputedStyle(path).direction,
        ids: ids.map((id) => boxOf((id.index ?? 0) + 1, (id.index ?? 0) + 1 + (id[1]?.length ?? 0))),
        stopRight: stop.right,
        pathLeft: path.getBoundingClientRect().left,
      };
    });
    expect(boxes).not.toBeNull();
    if (!boxes) return;
    expect(boxes.direction).toBe('rtl');
    expect(boxes.pathDirection).toBe('ltr');
    for (const box of boxes.ids) expect(box.lines).toBe(1);
    for (let index = 1; index < boxes.ids.length; index += 1)
      expect(boxes.ids[index]?.left).toBeGreaterThan(boxes.ids[index - 1]?.right ?? Infinity);
    expect(boxes.stopRight).toBeLessThanOrEqual(boxes.pathLeft + 1);
    await page()
      .locator('.problems__witness')
      .screenshot({ path: join(shots, 'path-shown-ar.png') });
    expect(studio.problems).toEqual([]);
  });

  it('holds names in isolates inside Arabic accessible names: the canvas, its steps, a connection', async () => {
    const fsi = (name: string) => `\u2068${name}\u2069`;
    // The canvas is named by its flow, the Latin name whole inside the Arabic words.
    await page()
      .getByRole('region', { name: `المسار «${fsi('Sunny Cover — quick quote (non-compliant demo)')}»`, exact: true })
      .waitFor();
    // Every step drawn is named by its kind, then its own words (or id) in an isolate.
    const steps = await page()
      .locator('.react-flow__node')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label') ?? ''));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) expect(step).toMatch(/^[^\u2068:]+: \u2068[^\u2069]+\u2069$/u);
    const connection = await page().locator('.react-flow__edge').first().getAttribute('aria-label');
    expect(connection).toMatch(
      /^اتصال من \u2068[a-z0-9-]+\u2069 (\(\u2068[a-z0-9-]+\u2069\) )?إلى \u2068[a-z0-9-]+\u2069$/u,
    );
    expect(studio.problems).toEqual([]);
  });
});
