import { getViewportForBounds } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { isFittedView } from './keep-fitted.ts';

describe('a view fitted to the cards', () => {
  const cards = { x: 0, y: 0, width: 400, height: 900 };
  const canvas = { width: 800, height: 600 };
  const zoom = { minZoom: 0.05, maxZoom: 1, padding: 0.1 };
  const fitted = getViewportForBounds(cards, canvas.width, canvas.height, zoom.minZoom, zoom.maxZoom, 0.1);

  it('is recognised as fitted for the canvas size it was made for', () => {
    expect(isFittedView(fitted, cards, canvas, zoom)).toBe(true);
  });

  it('is no longer fitted once the canvas is shorter (a notice appeared above it)', () => {
    expect(isFittedView(fitted, cards, { width: 800, height: 520 }, zoom)).toBe(false);
  });

  it('is not fitted once the person panned or zoomed', () => {
    expect(isFittedView({ ...fitted, x: fitted.x + 40 }, cards, canvas, zoom)).toBe(false);
    expect(isFittedView({ ...fitted, zoom: fitted.zoom * 1.2 }, cards, canvas, zoom)).toBe(false);
  });
});
