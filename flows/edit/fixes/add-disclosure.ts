import type { NodeOf } from '../../model/schema.ts';
import { edgeOf } from '../edge-edits.ts';
import { freshId } from '../fresh-id.ts';
import type { EditOp } from '../types.ts';
import { fixLabel } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';
import { perFlowLanguage } from './step-words.ts';

const disclosureWords = {
  en: (controller: string, notice: string) =>
    `Hi! I'm ${controller}'s automated assistant.${notice ? ` Privacy notice: ${notice}` : ''}`,
  pt: (controller: string, notice: string) =>
    `Olá! Sou o assistente automático de ${controller}.${notice ? ` Aviso de privacidade: ${notice}` : ''}`,
  ar: (controller: string, notice: string) =>
    `مرحبًا! أنا المساعد الآلي لـ${controller}.${notice ? ` إشعار الخصوصية: ${notice}` : ''}`,
  es: (controller: string, notice: string) =>
    `¡Hola! Soy el asistente automático de ${controller}.${notice ? ` Aviso de privacidad: ${notice}` : ''}`,
};

/**
 * `disclosure-first`: a Bot disclosure right after Start, naming the controller and linking the
 * privacy notice, so the bot says it is a bot before it asks anything on every path.
 */
export const addDisclosureAfterStart: FixBuilder = (flow, _problem, language) => {
  const start = flow.nodes.find((node) => node.type === 'start');
  if (!start) return [];
  const id = freshId('disclosure', new Set(flow.nodes.map((node) => node.id)));
  const notice = flow.controller.privacyNoticeUrl ?? '';
  const disclosure: NodeOf<'disclosure'> = {
    id,
    type: 'disclosure',
    position: { x: start.position.x + 320, y: start.position.y + 60 },
    text: perFlowLanguage(flow, (words) => disclosureWords[words](flow.controller.name, notice)),
  };
  const ops: EditOp[] = [{ op: 'insert', nodes: [{ index: flow.nodes.length, item: disclosure }], edges: [] }];
  const leaving = flow.edges.filter((edge) => edge.from === start.id);
  for (const edge of leaving) ops.push({ op: 'replaceEdge', edge: { ...edge, from: id } });
  const edgeId = freshId(`${start.id}.next`, new Set(flow.edges.map((edge) => edge.id)));
  ops.push({
    op: 'insert',
    nodes: [],
    edges: [{ index: flow.edges.length, item: edgeOf(edgeId, { from: start.id, to: id }) }],
  });
  return [{ kind: 'add-disclosure', label: fixLabel(language, 'add-disclosure'), op: { op: 'batch', ops } }];
};
