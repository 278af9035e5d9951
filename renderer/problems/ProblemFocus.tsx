import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useProblemsStore } from '../stores/problems-store.ts';

/**
 * Centres the canvas on the step a problem asked to show. Rendered inside <ReactFlow>, where the
 * viewport can be moved; it draws nothing.
 */
export function ProblemFocus() {
  const { getInternalNode, setCenter, getZoom } = useReactFlow();
  const focus = useProblemsStore((state) => state.focus);
  useEffect(() => {
    if (!focus) return;
    const node = getInternalNode(focus.nodeId);
    if (!node) return;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? 0;
    const height = node.measured.height ?? 0;
    void setCenter(x + width / 2, y + height / 2, { zoom: Math.max(getZoom(), 0.8), duration: 200 });
  }, [focus, getInternalNode, setCenter, getZoom]);
  return null;
}
