import { useReactFlow, useStore, type Node } from '@xyflow/react';
import { useEffect } from 'react';
import { useSimulator } from './simulator-store.ts';

/**
 * Keeps the simulator's steps in sight, at the zoom the designer chose: the step whose bubble or
 * ledger entry was clicked is centred, and the step the conversation has reached is brought into
 * view when it lies outside it (the canvas draws only the steps in view).
 */
export function FocusOnStep() {
  const focused = useSimulator((state) => state.focused);
  const current = useSimulator((state) => (state.open ? (state.rehearsal?.turns.at(-1)?.state.node ?? null) : null));
  const paneWidth = useStore((state) => state.width);
  const paneHeight = useStore((state) => state.height);
  const { getNode, setCenter, getViewport } = useReactFlow();

  useEffect(() => {
    const node = focused ? getNode(focused) : undefined;
    if (node) centre(node);
    // Only a new click moves the view; the callbacks are stable.
  }, [focused]);

  useEffect(() => {
    const node = current ? getNode(current) : undefined;
    if (!node) return;
    const { x, y, zoom } = getViewport();
    const left = node.position.x * zoom + x;
    const top = node.position.y * zoom + y;
    const right = left + (node.measured?.width ?? 0) * zoom;
    const bottom = top + (node.measured?.height ?? 0) * zoom;
    if (left < 0 || top < 0 || right > paneWidth || bottom > paneHeight) centre(node);
    // Only a new current step moves the view, not a resize or a pan by the designer.
  }, [current]);

  function centre(node: Node): void {
    const width = node.measured?.width ?? 0;
    const height = node.measured?.height ?? 0;
    void setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: getViewport().zoom,
      duration: 200,
    });
  }
  return null;
}
