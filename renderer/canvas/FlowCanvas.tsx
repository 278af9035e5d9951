import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  useStoreApi,
  type Connection,
  type Edge,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent } from 'react';
import { connect, moveNodes, reconnect } from '../../flows/edit/index.ts';
import type { FlowEdge, FlowNode } from '../../flows/index.ts';
import { ContextMenu, type ContextMenuRequest } from '../actions/ContextMenu.tsx';
import { reportSizesFrom } from '../editor/canvas-sizes.ts';
import { addStep, kindDragType } from '../editor/commands/add-step.ts';
import { useEditorText } from '../editor/texts.ts';
import { useText } from '../i18n/use-text.ts';
import { flowOnCanvas, isViewingOld, useDocumentStore } from '../stores/document-store.ts';
import { ProblemFocus } from '../problems/ProblemFocus.tsx';
import { FocusOnStep } from '../simulator/FocusOnStep.tsx';
import { useCanvasMarks, type CanvasMarks } from '../simulator/use-canvas-marks.ts';
import { useHighlightStore } from '../stores/highlight-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useSelectionStore } from '../stores/selection-store.ts';
import { useViewportStore } from '../stores/viewport-store.ts';
import { canvasAriaLabels } from './aria-labels.ts';
import { NodeCard } from './NodeCard.tsx';
import { useFitOnOpen, useRefitOnResize, type FitFor } from './keep-fitted.ts';
import { fitPadding, fitSides, minimapSize, panelPlaces } from './panels.ts';
import { cardsToFit, readableZoom } from './readable-fit.ts';
import { isRightToLeft } from '../../flows/i18n/index.ts';
import { toggleOverviewMap } from '../commands/overview-map.ts';
import { attempt } from '../commands/report-failure.ts';
import { isolated } from '../bidi/isolated.ts';
import { cardContext, cardOf, edgeOnCanvas, type CardContext, type CardData, type CardNode } from './to-canvas.ts';

// Props React Flow compares by identity: an object made anew at each render would reach its store
// as a change, and every node and connection would be looked at again after each edit.
const nodeTypes = { card: NodeCard };
const fitZoom = { minZoom: readableZoom, maxZoom: 1 };
/** How far the designer can zoom out by hand: far below what a fit goes to, to see a big flow's shape. */
const handZoom = { minZoom: 0.05 };
const proOptions = { hideAttribution: false };
type Size = { width: number; height: number };

/** The flow being edited, drawn from the document store; an older version is shown read only. */
export function FlowCanvas() {
  return (
    <ReactFlowProvider>
      <EditableCanvas />
    </ReactFlowProvider>
  );
}

function EditableCanvas() {
  // The parts of the flow the canvas draws, each read on its own: an edit of the flow's settings
  // (a retention, a purpose) changes none of them and does not render the canvas at all.
  const steps = useDocumentStore((state) => flowOnCanvas(state)?.nodes ?? null);
  const connections = useDocumentStore((state) => flowOnCanvas(state)?.edges ?? null);
  const languages = useDocumentStore((state) => flowOnCanvas(state)?.languages ?? null);
  const name = useDocumentStore((state) => flowOnCanvas(state)?.name ?? '');
  const readOnly = useDocumentStore(isViewingOld);
  const ui = useLanguageStore((state) => state.language);
  const chosen = useViewportStore((state) => state.flowLanguage);
  const selectedNodes = useSelectionStore((state) => state.nodeIds);
  const selectedEdges = useSelectionStore((state) => state.edgeIds);
  const layers = useHighlightStore((state) => state.layers);
  const text = useText();
  const editorText = useEditorText();
  const reactFlow = useReactFlow<CardNode, Edge>();
  const store = useStoreApi<CardNode, Edge>();
  const wrapper = useRef<HTMLElement>(null);
  // The overview map and the view controls sit in the bottom corners (mirrored right to left); a
  // fit leaves them room, so neither covers a card (panels.ts).
  const rightToLeft = isRightToLeft(ui);
  const places = panelPlaces(rightToLeft);
  const overviewMap = useViewportStore((state) => state.overviewMap);
  const canvasWidth = useStore((state) => state.width);
  const canvasHeight = useStore((state) => state.height);
  /** Positions of nodes while a drag is under way: the document is written once, when it ends. */
  const [dragged, setDragged] = useState<ReadonlyMap<string, { x: number; y: number }>>(new Map());
  const [sizes, setSizes] = useState<ReadonlyMap<string, Size>>(new Map());
  // A fit never draws the cards too small to read; a big flow opens at its start (readable-fit.ts).
  const startId = useMemo(() => steps?.find((step) => step.type === 'start')?.id, [steps]);
  const cardPlaces = useMemo(
    () => (steps ?? []).map((step) => ({ id: step.id, position: step.position, size: sizes.get(step.id) })),
    [steps, sizes],
  );
  const fitFor = useCallback<FitFor>(
    (canvas) => {
      const nodes = cardsToFit(cardPlaces, startId, canvas, fitSides(canvas, overviewMap, rightToLeft));
      const padding = fitPadding(canvas, overviewMap, rightToLeft);
      // Part of a big flow is shown at the readable zoom, not zoomed in on its first cards.
      return nodes ? { ...fitZoom, maxZoom: readableZoom, padding, nodes } : { ...fitZoom, padding };
    },
    [cardPlaces, startId, overviewMap, rightToLeft],
  );
  const fitViewOptions = useMemo(
    () => fitFor({ width: canvasWidth, height: canvasHeight }),
    [fitFor, canvasWidth, canvasHeight],
  );
  const mapSize = useMemo(() => minimapSize({ width: canvasWidth, height: canvasHeight }), [canvasWidth, canvasHeight]);
  const fitRef = useRef(fitFor);
  fitRef.current = fitFor;
  const [menu, setMenu] = useState<ContextMenuRequest | null>(null);
  const sizesRef = useRef(sizes);
  sizesRef.current = sizes;
  useEffect(() => reportSizesFrom(() => sizesRef.current), []);

  const context = useMemo(() => (languages ? cardContext({ languages }, ui, chosen) : null), [languages, ui, chosen]);
  // The simulator's path taken and current step, and the steps no test reaches (renderer/simulator/).
  const marks = useCanvasMarks();
  const highlightClasses = useMemo(() => highlightsByNode(layers), [layers]);
  const nodes = useCards(steps, context, selectedNodes, highlightClasses, dragged, sizes, marks);
  // A problem's witness path: its connections marked, the rest of the canvas dimmed (app.css).
  const witnessEdges = useProblemsStore((state) => state.witness?.edges);
  const edgeLabel = useCallback(
    (edge: FlowEdge) =>
      edge.outcome
        ? editorText('edge-label', {
            from: isolated(edge.from),
            outcome: isolated(edge.outcome),
            to: isolated(edge.to),
          })
        : editorText('edge-label-plain', { from: isolated(edge.from), to: isolated(edge.to) }),
    [editorText],
  );
  const edges = useEdges(connections, nodes, selectedEdges, layers, witnessEdges, marks, edgeLabel);

  useEffect(() => {
    useViewportStore.getState().attach({
      centerOn: (id) => {
        const node = reactFlow.getInternalNode(id);
        if (!node) return;
        const width = node.measured.width ?? 0;
        const height = node.measured.height ?? 0;
        const { x, y } = node.internals.positionAbsolute;
        void reactFlow.setCenter(x + width / 2, y + height / 2, {
          zoom: Math.max(reactFlow.getZoom(), 0.8),
          duration: 200,
        });
      },
      fitView: () => {
        const { width, height } = store.getState();
        void reactFlow.fitView({ ...fitRef.current({ width, height }), duration: 200 });
      },
      center: () => {
        const rect = wrapper.current?.getBoundingClientRect();
        if (!rect) return { x: 0, y: 0 };
        return reactFlow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
      },
    });
    return () => useViewportStore.getState().attach(null);
  }, [reactFlow, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CardNode>[]) => {
      const measured = changes.filter((change) => change.type === 'dimensions' && change.dimensions);
      if (measured.length > 0) {
        setSizes((previous) => {
          const next = new Map(previous);
          for (const change of measured)
            if (change.type === 'dimensions' && change.dimensions) next.set(change.id, change.dimensions);
          return next;
        });
      }
      const selections = changes.filter((change) => change.type === 'select');
      if (selections.length > 0) {
        const { nodeIds, edgeIds, select } = useSelectionStore.getState();
        const next = new Set(nodeIds);
        for (const change of selections) {
          if (change.type !== 'select') continue;
          if (change.selected) next.add(change.id);
          else next.delete(change.id);
        }
        select(next, edgeIds);
      }
      if (readOnly) return;
      const moves = changes.filter((change) => change.type === 'position' && change.position);
      if (moves.length === 0) return;
      const dragging = moves.some((change) => change.type === 'position' && change.dragging);
      if (dragging) {
        setDragged((previous) => {
          const next = new Map(previous);
          for (const change of moves)
            if (change.type === 'position' && change.position) next.set(change.id, change.position);
          return next;
        });
      } else if (moves.every((change) => change.type === 'position' && change.dragging === undefined)) {
        // Arrow keys move the selection: a burst of presses is one undo step.
        const positions = moves.flatMap((change) =>
          change.type === 'position' && change.position ? [{ id: change.id, position: rounded(change.position) }] : [],
        );
        useDocumentStore.getState().edit((current) => moveNodes(current, positions), { mergeKey: 'keyboard-move' });
      }
    },
    [readOnly],
  );

  const onNodeDragStop = useCallback(() => {
    setDragged((previous) => {
      if (previous.size > 0) {
        const positions = [...previous].map(([id, position]) => ({ id, position: rounded(position) }));
        queueMicrotask(() => useDocumentStore.getState().edit((current) => moveNodes(current, positions)));
      }
      return new Map();
    });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const selections = changes.filter((change) => change.type === 'select');
    if (selections.length === 0) return;
    const { nodeIds, edgeIds, select } = useSelectionStore.getState();
    const next = new Set(edgeIds);
    for (const change of selections) {
      if (change.type !== 'select') continue;
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    select(nodeIds, next);
  }, []);

  const onConnect = useCallback((connection: Connection) => {
    useDocumentStore.getState().edit((current) =>
      connect(current, {
        from: connection.source,
        to: connection.target,
        outcome: connection.sourceHandle ?? undefined,
      }),
    );
  }, []);

  const onReconnect = useCallback((old: Edge, connection: Connection) => {
    useDocumentStore.getState().edit((current) =>
      reconnect(current, old.id, {
        from: connection.source,
        to: connection.target,
        outcome: connection.sourceHandle ?? undefined,
      }),
    );
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(kindDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(kindDragType);
      if (!type || readOnly) return;
      event.preventDefault();
      const position = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addStep(type, rounded(position), edgeAt(event.clientX, event.clientY));
    },
    [reactFlow, readOnly],
  );

  const onNodeContextMenu = useCallback(
    (event: MouseEvent, node: CardNode) => {
      event.preventDefault();
      if (!useSelectionStore.getState().nodeIds.has(node.id)) useSelectionStore.getState().select([node.id]);
      if (!readOnly) setMenu({ place: 'node-menu', x: event.clientX, y: event.clientY });
    },
    [readOnly],
  );

  const onEdgeContextMenu = useCallback(
    (event: MouseEvent, edge: Edge) => {
      event.preventDefault();
      useSelectionStore.getState().select([], [edge.id]);
      if (!readOnly) setMenu({ place: 'edge-menu', x: event.clientX, y: event.clientY });
    },
    [readOnly],
  );

  const onPaneContextMenu = useCallback(
    (event: MouseEvent | globalThis.MouseEvent) => {
      event.preventDefault();
      const at = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      if (!readOnly) setMenu({ place: 'pane-menu', x: event.clientX, y: event.clientY, at });
    },
    [reactFlow, readOnly],
  );

  if (!steps) return null;
  return (
    <section
      ref={wrapper}
      className={`canvas${witnessEdges ? ' canvas--witness' : ''}`}
      aria-label={
        readOnly
          ? text('canvas-label', { name: isolated(name) })
          : editorText('canvas-editing', { name: isolated(name) })
      }
      onKeyDown={(event) => {
        if ((event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) && !readOnly) {
          event.preventDefault();
          const rect = (event.target as HTMLElement).getBoundingClientRect();
          const onNode = (event.target as HTMLElement).classList.contains('react-flow__node');
          setMenu({ place: onNode ? 'node-menu' : 'pane-menu', x: rect.left + 20, y: rect.top + 20 });
        }
      }}
    >
      <ReactFlow<CardNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onReconnect={onReconnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneContextMenu={onPaneContextMenu}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        edgesReconnectable={!readOnly}
        edgesFocusable
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionOnDrag={false}
        ariaLabelConfig={canvasAriaLabels[ui]}
        fitView
        fitViewOptions={fitViewOptions}
        minZoom={handZoom.minZoom}
        onlyRenderVisibleElements
        proOptions={proOptions}
        attributionPosition={places.attribution}
      >
        <Background />
        <Controls showInteractive={false} position={places.controls} fitViewOptions={fitViewOptions}>
          <ControlButton
            className="overview-map-toggle"
            aria-label={editorText(overviewMap ? 'overview-map-hide' : 'overview-map-show')}
            title={editorText(overviewMap ? 'overview-map-hide' : 'overview-map-show')}
            aria-pressed={overviewMap}
            onClick={() => void attempt(toggleOverviewMap)}
          >
            <OverviewMapIcon />
          </ControlButton>
        </Controls>
        {overviewMap && (
          <MiniMap pannable zoomable position={places.minimap} style={mapSize} ariaLabel={editorText('minimap')} />
        )}
        <ProblemFocus />
        <FocusOnStep />
        <KeepFitted fitFor={fitFor} />
      </ReactFlow>
      {menu && <ContextMenu request={menu} onClose={() => setMenu(null)} />}
    </section>
  );
}

/** Inside React Flow, so it reads the size React Flow measured for the fit. */
function KeepFitted({ fitFor }: { fitFor: FitFor }) {
  const flowId = useDocumentStore((state) => flowOnCanvas(state)?.id);
  useFitOnOpen(flowId, fitFor);
  useRefitOnResize(fitFor);
  return null;
}

/** A small map: a frame with a smaller frame in its corner (the overview map's toggle). */
function OverviewMapIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M1 2h14v12H1zM2.5 3.5v9h11v-9z" />
      <path d="M8 8h4.5v3.5H8z" />
    </svg>
  );
}

function rounded(position: { x: number; y: number }): { x: number; y: number } {
  return { x: Math.round(position.x), y: Math.round(position.y) };
}

/** The connection under a point, if a step is dropped onto one (to splice it in). */
function edgeAt(x: number, y: number): string | undefined {
  for (const element of document.elementsFromPoint(x, y)) {
    const edge = element.closest('.react-flow__edge');
    const id = edge?.getAttribute('data-id') ?? edge?.getAttribute('data-testid')?.replace(/^rf__edge-/, '');
    if (id) return id;
  }
  return undefined;
}

function highlightsByNode(layers: ReturnType<typeof useHighlightStore.getState>['layers']): Map<string, string> {
  const classes = new Map<string, string>();
  for (const [layer, highlight] of Object.entries(layers)) {
    for (const id of highlight?.nodeIds ?? []) classes.set(id, `${classes.get(id) ?? ''} is-highlight-${layer}`);
  }
  return classes;
}

/**
 * The cards, rebuilt only for nodes whose flow object, selection, highlight, size or drag position
 * changed: the rest keep their object, so React Flow and the memoised cards skip them. When no card
 * changed (an edit of the settings, a check's result) the array itself is kept, and React Flow does
 * no work at all.
 */
function useCards(
  steps: readonly FlowNode[] | null,
  context: CardContext | null,
  selected: ReadonlySet<string>,
  highlights: ReadonlyMap<string, string>,
  dragged: ReadonlyMap<string, { x: number; y: number }>,
  sizes: ReadonlyMap<string, Size>,
  marks: CanvasMarks,
): CardNode[] {
  const cache = useRef(new Map<string, { source: FlowNode; context: CardContext; key: string; card: CardNode }>());
  const previous = useRef<CardNode[]>([]);
  return useMemo(() => {
    if (!steps || !context) return (previous.current = []);
    const next = new Map<string, { source: FlowNode; context: CardContext; key: string; card: CardNode }>();
    const cards = steps.map((node) => {
      const isSelected = selected.has(node.id);
      const highlight = highlights.get(node.id) ?? '';
      const size = sizes.get(node.id);
      const position = dragged.get(node.id);
      const mark = marks.node(node.id);
      const key = `${isSelected}|${highlight}|${mark}|${size?.width}x${size?.height}|${position?.x},${position?.y}`;
      const cached = cache.current.get(node.id);
      if (cached && cached.source === node && cached.context === context && cached.key === key) {
        next.set(node.id, cached);
        return cached.card;
      }
      const base = cardOf(node, context);
      const card: CardNode = {
        ...base,
        position: position ?? base.position,
        selected: isSelected,
        ...(mark ? { className: mark } : {}),
        ...(size ? { measured: size } : {}),
        data: highlight ? { ...base.data, highlights: highlight } : base.data,
      };
      next.set(node.id, { source: node, context, key, card });
      return card;
    });
    cache.current = next;
    return (previous.current = sameItems(previous.current, cards) ? previous.current : cards);
  }, [steps, context, selected, highlights, dragged, sizes, marks]);
}

type HighlightLayers = ReturnType<typeof useHighlightStore.getState>['layers'];

/**
 * The connections, each rebuilt only when its flow edge, the outcomes of the step it leaves, its
 * selection or its marks (highlight, witness path, simulator, coverage) changed; unchanged ones keep
 * their object, and an unchanged list keeps its array, so React Flow redraws only what changed.
 */
function useEdges(
  connections: readonly FlowEdge[] | null,
  cards: CardNode[],
  selected: ReadonlySet<string>,
  layers: HighlightLayers,
  witness: ReadonlySet<string> | undefined,
  marks: CanvasMarks,
  labelOf: (edge: FlowEdge) => string,
): Edge[] {
  const exitsOf = useRef(new WeakMap<CardData['outcomes'], ReadonlySet<string>>());
  const cache = useRef(new Map<string, { source: FlowEdge; exits: ReadonlySet<string>; key: string; edge: Edge }>());
  const previous = useRef<Edge[]>([]);
  return useMemo(() => {
    if (!connections) return (previous.current = []);
    const exits = new Map<string, ReadonlySet<string>>();
    for (const card of cards) {
      // A card keeps its outcomes object until its node changes: one set per version of a step.
      let ids = exitsOf.current.get(card.data.outcomes);
      if (!ids) exitsOf.current.set(card.data.outcomes, (ids = new Set(card.data.outcomes.map((exit) => exit.id))));
      exits.set(card.id, ids);
    }
    const highlighted = new Map<string, string>();
    for (const [layer, highlight] of Object.entries(layers)) {
      for (const id of highlight?.edgeIds ?? [])
        highlighted.set(id, `${highlighted.get(id) ?? ''} is-highlight-${layer}`);
    }
    const next = new Map<string, { source: FlowEdge; exits: ReadonlySet<string>; key: string; edge: Edge }>();
    const drawn: Edge[] = [];
    for (const edge of connections) {
      const from = exits.get(edge.from);
      if (!from || !exits.has(edge.to)) continue;
      const mark = marks.edge(edge.id);
      const className = [highlighted.get(edge.id), witness?.has(edge.id) && 'edge--on-path', mark]
        .filter(Boolean)
        .join(' ');
      const isSelected = selected.has(edge.id);
      const ariaLabel = labelOf(edge);
      const key = `${isSelected}|${className}|${ariaLabel}`;
      const cached = cache.current.get(edge.id);
      if (cached && cached.source === edge && cached.exits === from && cached.key === key) {
        next.set(edge.id, cached);
        drawn.push(cached.edge);
        continue;
      }
      const shown: Edge = {
        ...edgeOnCanvas(edge, from),
        selected: isSelected,
        ...(className ? { className } : {}),
        ...(mark?.includes('sim-taken') ? { animated: true } : {}),
        ariaLabel,
      };
      next.set(edge.id, { source: edge, exits: from, key, edge: shown });
      drawn.push(shown);
    }
    cache.current = next;
    return (previous.current = sameItems(previous.current, drawn) ? previous.current : drawn);
  }, [connections, cards, selected, layers, witness, marks, labelOf]);
}

/** Whether two lists hold the same objects in the same order. */
function sameItems<Item>(before: readonly Item[], after: readonly Item[]): boolean {
  return before.length === after.length && before.every((item, index) => item === after[index]);
}
