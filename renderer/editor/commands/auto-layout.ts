import { moveNodes } from '../../../flows/edit/index.ts';
import type { Flow } from '../../../flows/index.ts';
import { useDocumentStore } from '../../stores/document-store.ts';
import { useViewportStore } from '../../stores/viewport-store.ts';

/** A card's size when the canvas has not measured it (about what a card with a short text takes). */
const defaultSize = { width: 240, height: 110 };

/** elkjs is loaded the first time a layout is asked for, so opening the studio does not wait for it. */
async function layoutEngine() {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  return new ELK();
}

/**
 * Where each step goes in a layered, top-to-bottom layout (elkjs, the Eclipse Layout Kernel's
 * layered algorithm): Start at the top, every connection pointing down where the graph allows.
 */
async function layoutPositions(
  flow: Flow,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
): Promise<{ id: string; position: { x: number; y: number } }[]> {
  const ids = new Set(flow.nodes.map((node) => node.id));
  const elk = await layoutEngine();
  const graph = await elk.layout({
    id: 'flow',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '70',
      'elk.spacing.nodeNode': '50',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: flow.nodes.map((node) => ({ id: node.id, ...(sizes.get(node.id) ?? defaultSize) })),
    edges: flow.edges
      .filter((edge) => ids.has(edge.from) && ids.has(edge.to))
      .map((edge) => ({ id: edge.id, sources: [edge.from], targets: [edge.to] })),
  });
  return (graph.children ?? []).map((child) => ({
    id: child.id,
    position: { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) },
  }));
}

/**
 * Lays the working copy out as one undoable step. If the flow changed while the layout was being
 * computed, the layout is dropped rather than moving steps the designer has since changed.
 */
export async function autoLayout(sizes: ReadonlyMap<string, { width: number; height: number }>): Promise<void> {
  const { working, revision } = useDocumentStore.getState();
  if (!working || working.nodes.length === 0) return;
  const positions = await layoutPositions(working, sizes);
  if (useDocumentStore.getState().revision !== revision) return;
  useDocumentStore.getState().edit((flow) => moveNodes(flow, positions));
  requestAnimationFrame(() => useViewportStore.getState().controls?.fitView());
}
