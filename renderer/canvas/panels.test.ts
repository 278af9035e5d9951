import { getViewportForBounds } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitPadding, minimapSize, panelBoxes, panelPlaces, type Box } from './panels.ts';

// The geometry of a fit alone: a zoom range wide enough never to clamp it.
const zoom = { minZoom: 1e-4, maxZoom: 1 };

/** Where the cards' bounding box lands on the canvas once fitted with `padding`. */
function fittedCards(cards: Box, canvas: { width: number; height: number }, padding: Parameters<typeof fitPadding>) {
  const view = getViewportForBounds(
    cards,
    canvas.width,
    canvas.height,
    zoom.minZoom,
    zoom.maxZoom,
    fitPadding(...padding),
  );
  return {
    x: cards.x * view.zoom + view.x,
    y: cards.y * view.zoom + view.y,
    width: cards.width * view.zoom,
    height: cards.height * view.zoom,
  };
}

/** Whether two rectangles share more than a pixel's sliver (the fit rounds to whole pixels). */
function overlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
}

const canvases = fc.record({ width: fc.integer({ min: 260, max: 2400 }), height: fc.integer({ min: 220, max: 1400 }) });
const cardBounds = fc.record({
  x: fc.integer({ min: -3000, max: 3000 }),
  y: fc.integer({ min: -3000, max: 3000 }),
  width: fc.integer({ min: 40, max: 6000 }),
  height: fc.integer({ min: 40, max: 6000 }),
});

describe('the canvas panels and a fitted flow', () => {
  it('mirror in a right-to-left interface: the map on the left, the controls on the right', () => {
    expect(panelPlaces(false)).toEqual({
      controls: 'bottom-left',
      minimap: 'bottom-right',
      attribution: 'bottom-right',
    });
    expect(panelPlaces(true)).toEqual({ controls: 'bottom-right', minimap: 'bottom-left', attribution: 'bottom-left' });
    const [controls, map] = panelBoxes({ width: 800, height: 500 }, true, true);
    expect(map && controls && map.x < controls.x).toBe(true);
  });

  it('keep the overview map between 120 and 200 px wide, 4:3', () => {
    expect(minimapSize({ width: 1600, height: 900 })).toEqual({ width: 200, height: 150 });
    expect(minimapSize({ width: 300, height: 300 })).toEqual({ width: 120, height: 90 });
  });

  it('never cover a card after a fit, on any canvas size, in either direction, with or without the map', () => {
    fc.assert(
      fc.property(canvases, cardBounds, fc.boolean(), fc.boolean(), (canvas, cards, minimap, rightToLeft) => {
        const fitted = fittedCards(cards, canvas, [canvas, minimap, rightToLeft]);
        for (const panel of panelBoxes(canvas, minimap, rightToLeft)) expect(overlap(fitted, panel)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('are covered by cards with React Flow’s usual 10 % padding (what the pt-BR screenshot showed)', () => {
    // A tall flow on a short canvas, as in the editor with the Problems panel open.
    const canvas = { width: 650, height: 345 };
    const cards = { x: 0, y: 0, width: 420, height: 220 };
    const view = getViewportForBounds(cards, canvas.width, canvas.height, zoom.minZoom, zoom.maxZoom, 0.1);
    const fitted = { x: view.x, y: view.y, width: cards.width * view.zoom, height: cards.height * view.zoom };
    expect(panelBoxes(canvas, true, false).some((panel) => overlap(fitted, panel))).toBe(true);
    const padded = fittedCards(cards, canvas, [canvas, true, false]);
    expect(panelBoxes(canvas, true, false).some((panel) => overlap(padded, panel))).toBe(false);
  });

  it('leave the usual 10 % around the cards on a side no panel needs', () => {
    const padding = fitPadding({ width: 1000, height: 600 }, false, false);
    expect(padding).toMatchObject({ top: '27px' });
  });
});
