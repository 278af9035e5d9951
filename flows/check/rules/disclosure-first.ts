import { defineRule } from '../rule.ts';
import { shortestWitnesses } from '../witness.ts';

/**
 * DESIGN.md §3 `disclosure-first`: some path asks the customer something before any disclosure
 * node. Reported at the first asking step of such a path (../analyses/disclosure.ts); the steps
 * after it are the same mistake and are fixed with it.
 */
export const disclosureFirst = defineRule({
  id: 'disclosure-first',
  severity: 'error',
  title: {
    en: 'The bot asks something before saying it is a bot',
    'pt-BR': 'O robô pergunta algo antes de dizer que é um robô',
    ar: 'المساعد يسأل قبل أن يفصح أنه مساعد آلي',
  },
  help: {
    en: 'Customers must know they are talking to an automated assistant, and where the privacy notice is, before they are asked anything. Put a Bot disclosure step before the first question on every path.',
    'pt-BR':
      'O cliente precisa saber que fala com um assistente automático, e onde está o aviso de privacidade, antes de responder qualquer coisa. Coloque um passo de Aviso de robô antes da primeira pergunta em todos os caminhos.',
    ar: 'يجب أن يعرف العميل أنه يحادث مساعدًا آليًا، وأين يجد إشعار الخصوصية، قبل أن يُسأل عن أي شيء. ضع خطوة إفصاح عن المساعد الآلي قبل أول سؤال في كل مسار.',
  },
  messages: {
    en: {
      ask: 'The step {node} asks the customer something before the bot has said it is an automated assistant, on the path {path}. Add a Bot disclosure step before it.',
    },
    'pt-BR': {
      ask: 'O passo {node} pergunta algo ao cliente antes de o robô dizer que é um assistente automático, no caminho {path}. Adicione antes dele um passo de Aviso de robô.',
    },
    ar: {
      ask: 'الخطوة {node} تسأل العميل قبل أن يُفصح المساعد أنه آلي، في المسار {path}. أضف قبلها خطوة إفصاح عن المساعد الآلي.',
    },
  },
  check({ graph, disclosure }, report) {
    if (graph.starts.length === 0) return;
    const result = disclosure();
    const first = new Set<number>();
    graph.asking.forEach((node) => {
      if (graph.reachable[node] && !result.atEntry.has(node, 0)) first.add(node);
    });
    if (first.size === 0) return;
    const witnesses = shortestWitnesses(
      graph,
      [{ problem: result.problem, bit: 0 }],
      (node, facts) => facts === 0 && first.has(node),
      first,
    );
    for (const node of [...first].sort((a, b) => a - b)) {
      const path = witnesses.get(node);
      if (path) report({ message: 'ask', node, path });
    }
  },
});
