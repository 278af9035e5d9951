import { firstWords } from '../../check/naming.ts';
import { localText } from '../../i18n/lang-text.ts';
import type { FlowEdge, FlowNode, NodeOf } from '../../model/schema.ts';
import { edgeOf } from '../edge-edits.ts';
import { freshId } from '../fresh-id.ts';
import type { EditOp } from '../types.ts';
import { goodbyeWords } from './end-outcome.ts';
import { fixLabel, quoted } from './fix-labels.ts';
import type { FixBuilder } from './quick-fix.ts';
import { perFlowLanguage } from './step-words.ts';

type Way = 'human' | 'erase';

/** The choice added to the menu: within WhatsApp's 20 characters for a button (24 for a list row). */
const choiceWords: Record<Way, Record<'en' | 'pt' | 'ar' | 'es', string>> = {
  human: { en: 'Talk to a person', pt: 'Falar com atendente', ar: 'التحدث إلى موظف', es: 'Hablar con alguien' },
  erase: { en: 'Delete my data', pt: 'Apagar meus dados', ar: 'حذف بياناتي', es: 'Borrar mis datos' },
};

const stepWords: Record<Way, Record<'en' | 'pt' | 'ar' | 'es', string>> = {
  human: {
    en: 'Connecting you to a person from our team.',
    pt: 'Vou chamar uma pessoa da nossa equipe.',
    ar: 'سأوصلك بأحد أعضاء فريقنا.',
    es: 'Te comunico con una persona de nuestro equipo.',
  },
  erase: {
    en: 'Everything we kept about you has been erased.',
    pt: 'Tudo o que guardamos sobre você foi apagado.',
    ar: 'تم حذف كل ما احتفظنا به عنك.',
    es: 'Todo lo que guardábamos sobre ti ha sido borrado.',
  },
};

/** WhatsApp shows at most 3 reply buttons and 10 list rows (DESIGN.md §3, `wa-too-many-buttons`, `wa-list-too-many-rows`). */
const maxButtons = 3;
const maxRows = 10;

type Menu = NodeOf<'buttons'> | NodeOf<'list'>;

function isMenuWithRoom(node: FlowNode): node is Menu {
  if (node.type === 'buttons') return node.options.length < maxButtons;
  if (node.type === 'list') return node.sections.reduce((rows, section) => rows + section.rows.length, 0) < maxRows;
  return false;
}

/**
 * `no-human-path` / `no-erasure-path`: a new choice on the first menu with room for one (“Talk to a
 * person”, “Delete my data”) leading to a new Human handoff or Erase data step (an erasure then
 * ends the conversation at a new End). Offered beside the keyword; like every fix, only if the
 * next check finds the way (the menu must be reachable).
 */
function stepFromMenu(way: Way): FixBuilder {
  return (flow, _problem, language) => {
    const menu = flow.nodes.find(isMenuWithRoom);
    if (!menu) return [];
    const nodeIds = new Set(flow.nodes.map((node) => node.id));
    const stepId = freshId(way === 'human' ? 'talk-to-a-person' : 'erase-my-data', nodeIds);
    const endId = freshId(`${stepId}-end`, new Set([...nodeIds, stepId]));
    const choices = menu.type === 'buttons' ? menu.options : menu.sections.flatMap((section) => section.rows);
    const choiceId = freshId(way === 'human' ? 'person' : 'erase', new Set(choices.map((choice) => choice.id)));
    const words = perFlowLanguage(flow, (wording) => choiceWords[way][wording]);
    const at = { x: menu.position.x + 320, y: menu.position.y + 160 };
    const text = perFlowLanguage(flow, (wording) => stepWords[way][wording]);
    const step: FlowNode =
      way === 'human'
        ? { id: stepId, type: 'handoff', position: at, text, queue: 'support', share: [] }
        : { id: stepId, type: 'erase', position: at, text };
    const end: NodeOf<'end'> = {
      id: endId,
      type: 'end',
      position: { x: at.x, y: at.y + 160 },
      text: perFlowLanguage(flow, (wording) => goodbyeWords[wording]),
    };
    const edgeIds = new Set(flow.edges.map((edge) => edge.id));
    const newEdge = (from: string, to: string, outcome?: string): FlowEdge => {
      const id = freshId(`${from}.${outcome ?? 'next'}`, edgeIds);
      edgeIds.add(id);
      return edgeOf(id, { from, to, ...(outcome ? { outcome } : {}) });
    };
    const added = way === 'erase' ? [step, end] : [step];
    const addedEdges = [newEdge(menu.id, stepId, choiceId), ...(way === 'erase' ? [newEdge(stepId, endId)] : [])];
    const ops: EditOp[] = [
      { op: 'replaceNode', node: withChoice(menu, choiceId, words) },
      {
        op: 'insert',
        nodes: added.map((item, index) => ({ index: flow.nodes.length + index, item })),
        edges: addedEdges.map((item, index) => ({ index: flow.edges.length + index, item })),
      },
    ];
    const menuName = quoted(language, firstWords(localText(menu.text, language, flow.languages)) || menu.id);
    const kind = way === 'human' ? 'human-step' : 'erase-step';
    return [{ kind, label: fixLabel(language, kind, { menu: menuName }), op: { op: 'batch', ops } }];
  };
}

/** The menu with one more choice: a reply button, or a row at the end of its last section. */
function withChoice(menu: Menu, id: string, label: Record<string, string>): Menu {
  if (menu.type === 'buttons') return { ...menu, options: [...menu.options, { id, label }] };
  const last = menu.sections.length - 1;
  return {
    ...menu,
    sections: menu.sections.map((section, index) =>
      index === last ? { ...section, rows: [...section.rows, { id, title: label }] } : section,
    ),
  };
}

/** `no-human-path`: a Human handoff step reached from a menu. */
export const addHandoffFromMenu = stepFromMenu('human');

/** `no-erasure-path`: an Erase data step reached from a menu. */
export const addEraseFromMenu = stepFromMenu('erase');
