import { getViewportForBounds, useReactFlow, useStore, type Rect, type Viewport } from '@xyflow/react';
import { useEffect, useRef } from 'react';

/** The zoom range a fit may use (the canvas's `fitViewOptions` and `minZoom`). */
interface FitZoom {
  minZoom: number;
  maxZoom: number;
}

/** React Flow 12's `fitView` leaves 10% of the canvas around the cards unless told otherwise. */
const fitPadding = 0.1;

/**
 * Keeps the flow fitted to the canvas while nobody has moved the view since it was fitted. The
 * canvas changes size after a flow opens — the notice about an import appears above it, a panel
 * opens beside it, the notice is dismissed — and with only the visible cards rendered, a fit made
 * for the larger canvas would leave the cards it no longer shows missing until the person scrolled.
 * A view the person (or a step shown from a problem, the simulator or find) moved is left alone.
 */
export function useRefitOnResize(zoom: FitZoom): void {
  const reactFlow = useReactFlow();
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  const previous = useRef<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = { width, height };
    if (!before || before.width === 0 || before.height === 0) return;
    if (before.width === width && before.height === height) return;
    const cards = reactFlow.getNodes().filter((node) => !node.hidden);
    if (cards.length === 0) return;
    if (isFittedView(reactFlow.getViewport(), reactFlow.getNodesBounds(cards), before, zoom))
      void reactFlow.fitView(zoom);
  }, [reactFlow, width, height, zoom]);
}

/**
 * Fits another flow to the canvas when it opens in place of the one shown (the canvas stays
 * mounted, and React Flow fits only the first): an imported flow is seen whole, with its notice.
 */
export function useFitOnOpen(flowId: string | undefined, zoom: FitZoom): void {
  const reactFlow = useReactFlow();
  const shown = useRef(flowId);
  useEffect(() => {
    if (shown.current === flowId) return;
    shown.current = flowId;
    // Queued by React Flow until the new flow's cards are measured.
    void reactFlow.fitView(zoom);
  }, [reactFlow, flowId, zoom]);
}

/** Whether a view is the one `fitView` gives for these cards on a canvas of this size. */
export function isFittedView(
  viewport: Viewport,
  cards: Rect,
  canvas: { width: number; height: number },
  zoom: FitZoom,
): boolean {
  const fitted = getViewportForBounds(cards, canvas.width, canvas.height, zoom.minZoom, zoom.maxZoom, fitPadding);
  return (
    Math.abs(fitted.zoom - viewport.zoom) < 1e-3 &&
    Math.abs(fitted.x - viewport.x) < 0.5 &&
    Math.abs(fitted.y - viewport.y) < 0.5
  );
}
