import type { NodeOf } from '../../model/schema.ts';
import { outcomesOf } from '../../nodes/registry.ts';
import { edgeOf } from '../edge-edits.ts';
import { freshId } from '../fresh-id.ts';
import type { EditOp } from '../types.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';
import { perFlowLanguage } from './step-words.ts';

/** How an End added by a fix says goodbye. */
export const goodbyeWords = {
  en: 'Thank you! This conversation has ended.',
  pt: 'Obrigado! Esta conversa foi encerrada.',
  ar: 'شكرًا لك! انتهت هذه المحادثة.',
  es: '¡Gracias! Esta conversación ha terminado.',
};

/**
 * `unhandled-outcome`: each way out of the step that has no connection (and needs one) goes to a
 * new End of its own, so the conversation closes politely there instead of stopping.
 */
export const endUnhandledOutcomes: FixBuilder = (flow, problem, language) => {
  const node = flow.nodes.find((candidate) => candidate.id === problem.nodeId);
  if (!node) return [];
  const leaving = new Set(flow.edges.filter((edge) => edge.from === node.id).map((edge) => edge.outcome ?? 'next'));
  const open = outcomesOf(node).filter((outcome) => !outcome.optional && !leaving.has(outcome.id));
  if (open.length === 0) return [];
  const nodeIds = new Set(flow.nodes.map((candidate) => candidate.id));
  const edgeIds = new Set(flow.edges.map((edge) => edge.id));
  const ends: NodeOf<'end'>[] = [];
  const edges = open.map((outcome, index) => {
    const endId = freshId(`${node.id}-${outcome.id}-end`, nodeIds);
    nodeIds.add(endId);
    ends.push({
      id: endId,
      type: 'end',
      position: { x: node.position.x + 280 * index, y: node.position.y + 180 },
      text: perFlowLanguage(flow, (words) => goodbyeWords[words]),
    });
    const edgeId = freshId(`${node.id}.${outcome.id}`, edgeIds);
    edgeIds.add(edgeId);
    return edgeOf(edgeId, { from: node.id, to: endId, outcome: outcome.id });
  });
  const op: EditOp = {
    op: 'insert',
    nodes: ends.map((item, index) => ({ index: flow.nodes.length + index, item })),
    edges: edges.map((item, index) => ({ index: flow.edges.length + index, item })),
  };
  const outcome = open.map((candidate) => quoted(language, candidate.id)).join(', ');
  return [{ kind: 'end-outcome', label: fixLabel(language, 'end-outcome', { outcome }), op }];
};
