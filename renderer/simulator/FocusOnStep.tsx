import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useSimulator } from './simulator-store.ts';

/** Brings the step whose bubble or ledger entry was clicked into view, keeping the zoom. */
export function FocusOnStep() {
  const focused = useSimulator((state) => state.focused);
  const { getNode, setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    const node = focused ? getNode(focused) : undefined;
    if (!node) return;
    const width = node.measured?.width ?? 0;
    const height = node.measured?.height ?? 0;
    void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: getZoom(), duration: 200 });
  }, [focused, getNode, setCenter, getZoom]);
  return null;
}
