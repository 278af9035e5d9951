import { getViewportForBounds } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadCapture } from '../../flows/examples/index.ts';
import { fitPadding, fitSides } from './panels.ts';
import { cardsToFit, readableZoom, type CardPlace } from './readable-fit.ts';

const card = { width: 220, height: 110 };
const laptop = { width: 760, height: 300 };

/** The view React Flow's fitView gives for the cards `cardsToFit` chose (all when it chose none). */
function fitted(cards: readonly CardPlace[], startId: string, canvas: { width: number; height: number }) {
  const sides = fitSides(canvas, true, false);
  const chosen = cardsToFit(cards, startId, canvas, sides);
  const shown = chosen ? cards.filter((each) => chosen.some((one) => one.id === each.id)) : cards;
  const boxes = shown.map((each) => ({ ...each.position, ...(each.size ?? card) }));
  const x = Math.min(...boxes.map((box) => box.x));
  const y = Math.min(...boxes.map((box) => box.y));
  const bounds = {
    x,
    y,
    width: Math.max(...boxes.map((box) => box.x + box.width)) - x,
    height: Math.max(...boxes.map((box) => box.y + box.height)) - y,
  };
  const padding = fitPadding(canvas, true, false);
  return {
    chosen,
    view: getViewportForBounds(bounds, canvas.width, canvas.height, readableZoom, chosen ? readableZoom : 1, padding),
  };
}

describe('a fit that keeps the cards readable', () => {
  it('fits a small flow whole', () => {
    const cards = [
      { id: 'start', position: { x: 0, y: 0 }, size: card },
      { id: 'end', position: { x: 0, y: 170 }, size: card },
    ];
    expect(cardsToFit(cards, 'start', laptop, fitSides(laptop, true, false))).toBeNull();
  });

  it('opens the 20-step template at a readable zoom, at its start', () => {
    const cards = leadCapture.nodes.map((node) => ({ id: node.id, position: node.position, size: card }));
    const { chosen, view } = fitted(cards, 'start', laptop);
    expect(chosen?.map((node) => node.id)).toContain('start');
    expect(chosen?.length).toBeLessThan(cards.length);
    expect(view.zoom).toBeGreaterThanOrEqual(readableZoom);
    const start = { x: view.x, y: view.y };
    expect(start.x).toBeGreaterThanOrEqual(0);
    expect(start.y).toBeGreaterThanOrEqual(0);
    expect(start.x + card.width * view.zoom).toBeLessThanOrEqual(laptop.width);
  });

  it('never fits below the readable zoom, and always keeps the start step on the canvas', () => {
    const places = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z]{1,6}$/),
        position: fc.record({ x: fc.integer({ min: -4000, max: 4000 }), y: fc.integer({ min: -4000, max: 4000 }) }),
        size: fc.record({ width: fc.integer({ min: 176, max: 256 }), height: fc.integer({ min: 60, max: 140 }) }),
      }),
      { minLength: 1, maxLength: 40, selector: (place) => place.id },
    );
    const canvases = fc.record({
      width: fc.integer({ min: 420, max: 2000 }),
      height: fc.integer({ min: 260, max: 1200 }),
    });
    fc.assert(
      fc.property(places, canvases, (cards, canvas) => {
        const start = cards[0]!;
        const { view } = fitted(cards, start.id, canvas);
        expect(view.zoom).toBeGreaterThanOrEqual(readableZoom - 1e-9);
        const left = start.position.x * view.zoom + view.x;
        const top = start.position.y * view.zoom + view.y;
        expect(left).toBeGreaterThanOrEqual(-0.5);
        expect(top).toBeGreaterThanOrEqual(-0.5);
        expect(left + start.size.width * view.zoom).toBeLessThanOrEqual(canvas.width + 0.5);
        expect(top + start.size.height * view.zoom).toBeLessThanOrEqual(canvas.height + 0.5);
      }),
      { numRuns: 500 },
    );
  });
});
