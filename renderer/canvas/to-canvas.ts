import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { findKind, outcomesOf, textsOf, type Flow, type Outcome } from '../../flows/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import { textIn } from './text-in.ts';

/** What a node card shows: its kind in the interface language, its text, and its ways out. */
export interface CardData extends Record<string, unknown> {
  kindLabel: string;
  kind: string;
  text?: { lang: string; value: string };
  outcomes: Outcome[];
}

export type CardNode = Node<CardData, 'card'>;

/**
 * A flow as React Flow nodes and edges, at the positions the designer saved. Kinds, outcomes and
 * texts come from the node-kind registry in flows/, never from a list kept here.
 */
export function toCanvas(flow: Flow, language: UiLanguage): { nodes: CardNode[]; edges: Edge[] } {
  const nodes: CardNode[] = flow.nodes.map((node) => {
    const primary = textsOf(node)[0];
    const text = primary && textIn(primary.text, language, flow.languages);
    return {
      id: node.id,
      type: 'card',
      position: { ...node.position },
      data: {
        kind: node.type,
        kindLabel: findKind(node.type)?.label[language] ?? node.type,
        outcomes: outcomesOf(node),
        ...(text ? { text } : {}),
      },
    };
  });
  const outcomesByNode = new Map(nodes.map((node) => [node.id, new Set(node.data.outcomes.map((o) => o.id))]));
  const edges: Edge[] = flow.edges
    // An edge to a missing node is the checker's `dangling-edge`; the canvas cannot draw it.
    .filter((edge) => outcomesByNode.has(edge.from) && outcomesByNode.has(edge.to))
    .map((edge) => {
      const outcome = edge.outcome ?? 'next';
      return {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        ...(outcomesByNode.get(edge.from)?.has(outcome) ? { sourceHandle: outcome } : {}),
        markerEnd: { type: MarkerType.ArrowClosed },
      };
    });
  return { nodes, edges };
}
