import { MarkerType, type Edge, type Node } from '@xyflow/react';
import type { Flow, FlowEdge, FlowNode } from '../../flows/index.ts';
import { findKind, outcomeLabel, outcomesOf, textsOf, type Outcome } from '../../flows/index.ts';
import type { TitleLanguages } from '../../flows/check/index.ts';
import { textIn, type UiLanguage } from '../../flows/i18n/index.ts';
import { isolated } from '../bidi/isolated.ts';

/** A way out of a card, with the words its handle shows. */
interface CardExit extends Omit<Outcome, 'label' | 'text'> {
  label: string;
}

/** What a node card shows: its kind in the interface language, its text, and its labelled ways out. */
export interface CardData extends Record<string, unknown> {
  kindLabel: string;
  kind: string;
  text?: { lang: string; value: string };
  outcomes: CardExit[];
  /** Highlight layers this card is in (problem, simulator, coverage, find). */
  highlights?: string;
}

export type CardNode = Node<CardData, 'card'>;

/** What a card is drawn in: the interface language and the flow language its texts are shown in. */
export type CardContext = TitleLanguages;

/** A labelled exit: a button's or row's own label, the shared outcomes in the interface language. */
function exitsOf(node: FlowNode, context: CardContext): CardExit[] {
  return outcomesOf(node).map((outcome) => {
    const own = outcome.text ? textIn(outcome.text, context.textLanguage, context.flowLanguages)?.value : undefined;
    return { ...outcome, label: own ?? outcomeLabel(outcome, context.ui, context.flowLanguages) };
  });
}

/** One flow node as a React Flow node. Kinds, outcomes and texts come from the registry in flows/. */
export function cardOf(node: FlowNode, context: CardContext): CardNode {
  const text = cardText(node, context);
  return {
    id: node.id,
    type: 'card',
    position: { ...node.position },
    ariaLabel: stepName(node, context),
    data: {
      kind: node.type,
      kindLabel: kindLabel(node, context),
      outcomes: exitsOf(node, context),
      ...(text ? { text } : {}),
    },
  };
}

/**
 * A step as the canvas and the inspector name it: its kind in the interface language, then its first
 * text in the cards' language (its id if it has none) in an isolate of its own. `longest` shortens the
 * words where a long message would not fit (the inspector's list of where a way out leads).
 */
export function stepName(node: FlowNode, context: CardContext, longest?: number): string {
  const text = cardText(node, context);
  return `${kindLabel(node, context)}: ${isolated(text ? text.value.slice(0, longest) : node.id)}`;
}

function kindLabel(node: FlowNode, context: CardContext): string {
  return findKind(node.type)?.label[context.ui] ?? node.type;
}

/** The step's first text, in the cards' language. */
function cardText(node: FlowNode, context: CardContext) {
  const primary = textsOf(node)[0];
  return primary && textIn(primary.text, context.textLanguage, context.flowLanguages);
}

/** One flow edge as a React Flow edge, leaving by its outcome's handle when the node has it. */
export function edgeOnCanvas(edge: FlowEdge, outcomes: ReadonlySet<string> | undefined): Edge {
  const outcome = edge.outcome ?? 'next';
  return {
    id: edge.id,
    source: edge.from,
    target: edge.to,
    ...(outcomes?.has(outcome) ? { sourceHandle: outcome } : {}),
    markerEnd: { type: MarkerType.ArrowClosed },
  };
}

/** The flow language the cards show for an interface language: that language if the flow has it. */
export function cardContext(flow: Pick<Flow, 'languages'>, ui: UiLanguage, chosen: string | null): CardContext {
  return { ui, textLanguage: chosen ?? ui, flowLanguages: flow.languages };
}

/**
 * A flow as React Flow nodes and edges, at the positions the designer saved. An edge to a missing
 * node is the checker's `dangling-edge`; the canvas cannot draw it.
 */
export function toCanvas(
  flow: Flow,
  language: UiLanguage,
  chosen: string | null = null,
): { nodes: CardNode[]; edges: Edge[] } {
  const context = cardContext(flow, language, chosen);
  const nodes = flow.nodes.map((node) => cardOf(node, context));
  const outcomesByNode = new Map(nodes.map((node) => [node.id, new Set(node.data.outcomes.map((o) => o.id))]));
  const edges = flow.edges
    .filter((edge) => outcomesByNode.has(edge.from) && outcomesByNode.has(edge.to))
    .map((edge) => edgeOnCanvas(edge, outcomesByNode.get(edge.from)));
  return { nodes, edges };
}
