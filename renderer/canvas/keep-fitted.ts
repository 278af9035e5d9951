import { getViewportForBounds, useReactFlow, useStore, type Rect, type Viewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { CanvasSize, Padding } from './panels.ts';

/** How a fit is made: the zoom range it may use, the room it leaves around the cards, which cards (all if none). */
export interface FitOptions {
  minZoom: number;
  maxZoom: number;
  padding: Padding;
  nodes?: { id: string }[];
}

/** The fit for a canvas of a given size (the room the panels need depends on it). */
export type FitFor = (canvas: CanvasSize) => FitOptions;

/**
 * Keeps the flow fitted to the canvas while nobody has moved the view since it was fitted. The
 * canvas changes size after a flow opens — the notice about an import appears above it, a panel
 * opens beside it, the notice is dismissed — and with only the visible cards rendered, a fit made
 * for the larger canvas would leave the cards it no longer shows missing until the person scrolled.
 * A view the person (or a step shown from a problem, the simulator or find) moved is left alone.
 */
export function useRefitOnResize(fitFor: FitFor): void {
  const reactFlow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const previous = useRef<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { width, height };
    if (!before || before.width === 0 || before.height === 0) return;
    if (before.width === width && before.height === height) return;
    const fit = fitFor(before);
    const fitted = new Set(fit.nodes?.map((node) => node.id));
    const cards = reactFlow.getNodes().filter((node) => !node.hidden && (!fit.nodes || fitted.has(node.id)));
    if (cards.length === 0) return;
    if (isFittedView(reactFlow.getViewport(), reactFlow.getNodesBounds(cards), before, fit))
      void reactFlow.fitView(fitFor({ width, height }));
  }, [reactFlow, width, height, fitFor]);
}

/**
 * Fits another flow to the canvas when it opens in place of the one shown (the canvas stays
 * mounted, and React Flow fits only the first): an imported flow is seen whole, with its notice.
 */
export function useFitOnOpen(flowId: string | undefined, fitFor: FitFor): void {
  const reactFlow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const shown = useRef(flowId);
  useEffect(() => {
    if (shown.current === flowId) return;
    shown.current = flowId;
    // Queued by React Flow until the new flow's cards are measured.
    void reactFlow.fitView(fitFor({ width, height }));
    // Only another flow fits again here; a resize is useRefitOnResize's.
  }, [reactFlow, flowId, fitFor, width, height]);
}

/** Whether a view is the one `fitView` gives for these cards on a canvas of this size. */
export function isFittedView(viewport: Viewport, cards: Rect, canvas: CanvasSize, fit: FitOptions): boolean {
  const fitted = getViewportForBounds(cards, canvas.width, canvas.height, fit.minZoom, fit.maxZoom, fit.padding);
  return (
    Math.abs(fitted.zoom - viewport.zoom) < 1e-3 &&
    Math.abs(fitted.x - viewport.x) < 0.5 &&
    Math.abs(fitted.y - viewport.y) < 0.5
  );
}
