import type { FlowEdge, NodeOf } from '../../model/schema.ts';
import { edgeOf } from '../edge-edits.ts';
import { freshId } from '../fresh-id.ts';
import type { EditOp } from '../types.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';
import { closestUiLanguage, listOf } from '../../i18n/index.ts';
import { localText } from '../../i18n/lang-text.ts';
import { perFlowLanguage } from './step-words.ts';

const askWords = {
  en: (purposes: string) => `May we use your answers for: ${purposes}?`,
  pt: (purposes: string) => `Podemos usar suas respostas para: ${purposes}?`,
  ar: (purposes: string) => `هل تسمح لنا باستخدام إجاباتك من أجل: ${purposes}؟`,
  es: (purposes: string) => `¿Podemos usar tus respuestas para: ${purposes}?`,
};

const declinedWords = {
  en: 'All right, we will not keep your data. You can write to us again at any time.',
  pt: 'Tudo bem, não vamos guardar seus dados. Você pode nos escrever de novo quando quiser.',
  ar: 'حسنًا، لن نحتفظ ببياناتك. يمكنك مراسلتنا مرة أخرى في أي وقت.',
  es: 'De acuerdo, no guardaremos tus datos. Puedes escribirnos de nuevo cuando quieras.',
};

/**
 * `consent-before-collection`: a Consent step for the field's purposes just before the step that
 * collects or shares it. Every connection into that step now goes through the consent, so no path
 * reaches it without consent; `declined` leads to a new End.
 */
export const addConsentBefore: FixBuilder = (flow, problem, language) => {
  const field = flow.data.find((candidate) => candidate.key === problem.dataKey);
  const target = flow.nodes.find((node) => node.id === problem.nodeId);
  if (!field || field.purposes.length === 0 || !target || target.type === 'start') return [];
  const purposes = field.purposes.map((id) => flow.purposes.find((purpose) => purpose.id === id));
  if (purposes.some((purpose) => purpose === undefined)) return [];

  const nodeIds = new Set(flow.nodes.map((node) => node.id));
  const consentId = freshId(`consent-${field.key.replace(/[^A-Za-z0-9_-]/g, '-')}`, nodeIds);
  const endId = freshId(`${consentId}-declined`, new Set([...nodeIds, consentId]));
  const purposeNames = (tag: string) =>
    listOf(
      closestUiLanguage(tag),
      purposes.map((purpose) => localText(purpose?.label, tag, flow.languages)),
      'unit',
    );
  const consent: NodeOf<'consent'> = {
    id: consentId,
    type: 'consent',
    position: { x: target.position.x + 320, y: target.position.y - 80 },
    text: perFlowLanguage(flow, (words, tag) => askWords[words](purposeNames(tag))),
    purposes: [...field.purposes],
  };
  const declined: NodeOf<'end'> = {
    id: endId,
    type: 'end',
    position: { x: target.position.x + 640, y: target.position.y },
    text: perFlowLanguage(flow, (words) => declinedWords[words]),
  };

  const edgeIds = new Set(flow.edges.map((edge) => edge.id));
  const newEdge = (outcome: string, to: string): FlowEdge => {
    const id = freshId(`${consentId}.${outcome}`, edgeIds);
    edgeIds.add(id);
    return edgeOf(id, { from: consentId, to, outcome });
  };
  const ops: EditOp[] = [
    {
      op: 'insert',
      nodes: [
        { index: flow.nodes.length, item: consent },
        { index: flow.nodes.length + 1, item: declined },
      ],
      edges: [],
    },
    ...flow.edges
      .filter((edge) => edge.to === target.id)
      .map((edge): EditOp => ({ op: 'replaceEdge', edge: { ...edge, to: consentId } })),
    {
      op: 'insert',
      nodes: [],
      edges: [
        { index: flow.edges.length, item: newEdge('granted', target.id) },
        { index: flow.edges.length + 1, item: newEdge('declined', endId) },
      ],
    },
  ];
  const label = purposes
    .map((purpose) => quoted(language, localText(purpose?.label, language, flow.languages)))
    .join(', ');
  return [
    { kind: 'add-consent', label: fixLabel(language, 'add-consent', { purposes: label }), op: { op: 'batch', ops } },
  ];
};
