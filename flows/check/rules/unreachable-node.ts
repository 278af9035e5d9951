import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `unreachable-node`: a step no path from Start reaches (not reported when there is no Start). */
export const unreachableNode = defineRule({
  id: 'unreachable-node',
  severity: 'warning',
  title: {
    en: 'A step cannot be reached',
    'pt-BR': 'Um passo não pode ser alcançado',
    ar: 'خطوة لا يمكن الوصول إليها',
  },
  help: {
    en: 'No path from the Start step leads to this step, so no customer will see it. Connect it, or delete it.',
    'pt-BR': 'Nenhum caminho a partir do Início leva a este passo, então nenhum cliente o verá. Ligue-o ou apague-o.',
    ar: 'لا يوجد مسار من خطوة البداية يؤدي إلى هذه الخطوة، فلن يراها أي عميل. اربطها أو احذفها.',
  },
  messages: {
    en: {
      unreachable:
        'The step {node} cannot be reached from the Start step, so no customer will ever see it. Connect it or delete it.',
    },
    'pt-BR': {
      unreachable:
        'O passo {node} não pode ser alcançado a partir do Início, então nenhum cliente o verá. Ligue-o ou apague-o.',
    },
    ar: { unreachable: 'لا يمكن الوصول إلى الخطوة {node} من خطوة البداية، فلن يراها أي عميل. اربطها أو احذفها.' },
  },
  check({ graph }, report) {
    if (graph.starts.length === 0) return;
    graph.nodes.forEach((_, node) => {
      if (!graph.reachable[node]) report({ message: 'unreachable', node });
    });
  },
});
