import type { CanvasSize, Sides } from './panels.ts';

/**
 * The smallest zoom a fit draws the cards at. A card's text (0.85rem, 13.6 px) is drawn at about
 * 8 px, its kind (0.75rem) at 7 px: small, still words. Fitting a 20-step flow whole into a laptop's
 * canvas went far below that and drew specks. The designer can still zoom out further by hand (the
 * canvas's own minimum zoom is lower).
 */
export const readableZoom = 0.6;

/**
 * A card's size before the canvas has measured it: the widest a card is drawn (`.node-card`'s
 * max-inline-size of 16rem) and a tall card's height, so that an estimate never makes a card look
 * smaller than it is.
 */
const unmeasuredCard: CanvasSize = { width: 256, height: 140 };

/** A card on the canvas, in flow coordinates; its size where the canvas has measured it. */
export interface CardPlace {
  id: string;
  position: { x: number; y: number };
  size?: CanvasSize;
}

/**
 * The cards a fit shows (React Flow's `fitView` `nodes`), or null for all of them. A flow that fits
 * the canvas at {@link readableZoom} or larger is fitted whole. A larger one would be drawn too small
 * to read: then the fit shows the cards inside the part of the flow the canvas holds at the readable
 * zoom, placed over the middle of the flow and moved the least that brings the start step into it —
 * the designer opens a big flow where it begins, and scrolls or zooms out for the rest.
 */
export function cardsToFit(
  cards: readonly CardPlace[],
  startId: string | undefined,
  canvas: CanvasSize,
  padding: Sides,
): { id: string }[] | null {
  const room = {
    width: (canvas.width - padding.left - padding.right) / readableZoom,
    height: (canvas.height - padding.top - padding.bottom) / readableZoom,
  };
  const boxes = cards.map((card) => ({ id: card.id, ...card.position, ...(card.size ?? unmeasuredCard) }));
  const start = boxes.find((box) => box.id === startId);
  if (boxes.length === 0 || !start || room.width <= 0 || room.height <= 0) return null;
  const left = Math.min(...boxes.map((box) => box.x));
  const top = Math.min(...boxes.map((box) => box.y));
  const right = Math.max(...boxes.map((box) => box.x + box.width));
  const bottom = Math.max(...boxes.map((box) => box.y + box.height));
  if (right - left <= room.width && bottom - top <= room.height) return null;
  // Over the middle of the flow, then moved the least that holds the start step (its top-left corner
  // when the step is larger than the room).
  const along = (low: number, high: number, size: number, startLow: number, startSize: number) => {
    const centred = (low + high) / 2 - size / 2;
    return Math.min(startLow, Math.max(centred, startLow + startSize - size));
  };
  const x = along(left, right, room.width, start.x, start.width);
  const y = along(top, bottom, room.height, start.y, start.height);
  const inside = boxes.filter(
    (box) =>
      box.id === start.id ||
      (box.x >= x && box.y >= y && box.x + box.width <= x + room.width && box.y + box.height <= y + room.height),
  );
  return inside.map((box) => ({ id: box.id }));
}
