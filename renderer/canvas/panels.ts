import type { FitViewOptions, PanelPosition } from '@xyflow/react';

/** The room a fit leaves around the cards: a share of the canvas, or pixels (`'24px'`) per side. */
export type Padding = NonNullable<FitViewOptions['padding']>;

/**
 * Where the canvas's own panels sit and how much room a fit leaves them, so that the overview map
 * and the view controls never cover a card when the flow is fitted (on open, after a resize, Zoom
 * to fit). In a right-to-left interface the panels mirror: the controls at the bottom right, the map
 * at the bottom left.
 */

export interface CanvasSize {
  width: number;
  height: number;
}

/** React Flow's panels stand this far from the canvas's edges (`.react-flow__panel { margin: 15px }`). */
export const panelMargin = 15;
/** Free space kept between a panel and the nearest card after a fit. */
const panelGap = 10;
/**
 * The view controls: four buttons stacked (zoom in, zoom out, fit, overview map), each at most
 * 26 × 27 px. React Flow's stylesheet draws a button 26 px square plus a 1 px border below; the
 * studio's `box-sizing: border-box` takes the border inside, so each is 26 × 26 and the constant has
 * a pixel to spare. A constant rather than a measurement, because a fit is computed before the
 * controls are drawn (on open); panels.test.ts reads both stylesheets and fails if a new React Flow
 * or a studio rule makes a button larger than this.
 */
export const controlsSize: CanvasSize = { width: 26, height: 4 * 27 };

export interface PanelPlaces {
  controls: PanelPosition;
  minimap: PanelPosition;
  attribution: PanelPosition;
}

export function panelPlaces(rightToLeft: boolean): PanelPlaces {
  return rightToLeft
    ? { controls: 'bottom-right', minimap: 'bottom-left', attribution: 'bottom-left' }
    : { controls: 'bottom-left', minimap: 'bottom-right', attribution: 'bottom-right' };
}

/** The overview map’s size on a canvas: 22 % of its width, between 120 and 200 px, 4:3. */
export function minimapSize(canvas: CanvasSize): CanvasSize {
  const width = Math.round(Math.min(200, Math.max(120, canvas.width * 0.22)));
  return { width, height: Math.round(width * 0.75) };
}

/** A panel's rectangle on the canvas, in screen pixels from the canvas's top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function boxAt(canvas: CanvasSize, size: CanvasSize, position: PanelPosition): Box {
  const right = position.endsWith('right');
  return {
    x: right ? canvas.width - panelMargin - size.width : panelMargin,
    y: canvas.height - panelMargin - size.height,
    width: size.width,
    height: size.height,
  };
}

/** The rectangles the view controls and (when shown) the overview map take on a canvas. */
export function panelBoxes(canvas: CanvasSize, minimap: boolean, rightToLeft: boolean): Box[] {
  const places = panelPlaces(rightToLeft);
  const boxes = [boxAt(canvas, controlsSize, places.controls)];
  if (minimap) boxes.push(boxAt(canvas, minimapSize(canvas), places.minimap));
  return boxes;
}

/** Room in px along each side of the canvas. */
export interface Sides {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/**
 * The padding (in px) a fit uses: React Flow's usual 10 % around the cards, widened so that the
 * cards stay clear of every panel. Each panel sits in a bottom corner, so it is kept clear either by
 * a strip along its side or by a strip along the bottom; of the combinations, the one leaving the
 * cards the most room is taken.
 */
export function fitPadding(canvas: CanvasSize, minimap: boolean, rightToLeft: boolean): Padding {
  const sides = fitSides(canvas, minimap, rightToLeft);
  return { top: `${sides.top}px`, right: `${sides.right}px`, bottom: `${sides.bottom}px`, left: `${sides.left}px` };
}

/** {@link fitPadding} in numbers: the px a fit leaves along each side. */
export function fitSides(canvas: CanvasSize, minimap: boolean, rightToLeft: boolean): Sides {
  const usual = (length: number) => Math.floor((length - length / 1.1) * 0.5);
  const base: Sides = {
    top: usual(canvas.height),
    bottom: usual(canvas.height),
    left: usual(canvas.width),
    right: usual(canvas.width),
  };
  const boxes = panelBoxes(canvas, minimap, rightToLeft);
  let best: Sides = base;
  let bestRoom = -Infinity;
  for (let choice = 0; choice < 1 << boxes.length; choice += 1) {
    const sides = { ...base };
    boxes.forEach((box, index) => {
      if (choice & (1 << index)) {
        sides.bottom = Math.max(sides.bottom, canvas.height - box.y + panelGap);
      } else if (box.x + box.width / 2 > canvas.width / 2) {
        sides.right = Math.max(sides.right, canvas.width - box.x + panelGap);
      } else {
        sides.left = Math.max(sides.left, box.x + box.width + panelGap);
      }
    });
    const room =
      Math.max(0, canvas.width - sides.left - sides.right) * Math.max(0, canvas.height - sides.top - sides.bottom);
    if (room > bestRoom) {
      best = sides;
      bestRoom = room;
    }
  }
  return best;
}
