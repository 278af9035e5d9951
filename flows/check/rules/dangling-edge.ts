import { outcomesOf } from '../../nodes/registry.ts';
import { defaultOutcome } from '../graph.ts';
import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `dangling-edge`: a connection from or to a missing step, or by an outcome its step lacks. */
export const danglingEdge = defineRule({
  id: 'dangling-edge',
  severity: 'error',
  title: {
    en: 'A connection leads nowhere',
    'pt-BR': 'Uma ligação não leva a lugar nenhum',
    ar: 'وصلة لا تؤدي إلى أي خطوة',
  },
  help: {
    en: 'A connection must join two existing steps and leave by one of the ways out of its step (a button, “granted”, “next”…). Reconnect it or delete it.',
    'pt-BR':
      'Uma ligação deve unir dois passos existentes e sair por uma das saídas do passo (um botão, “granted”, “next”…). Refaça a ligação ou apague-a.',
    ar: 'يجب أن تربط الوصلة بين خطوتين موجودتين وأن تخرج من أحد مخارج خطوتها (زر، أو «granted»، أو «next»...). أعد ربطها أو احذفها.',
  },
  messages: {
    en: {
      'missing-from':
        'The connection {edge} starts at a step {id} that does not exist. Delete the connection or reconnect it.',
      'missing-to':
        'The connection {edge} from the step {node} leads to a step {id} that does not exist. Reconnect it to an existing step.',
      'unknown-outcome':
        'The connection {edge} leaves the step {node} by {outcome}, which this step does not have (it has {outcomes}). Reconnect it from one of those.',
    },
    'pt-BR': {
      'missing-from': 'A ligação {edge} começa num passo {id} que não existe. Apague a ligação ou refaça-a.',
      'missing-to':
        'A ligação {edge} que sai do passo {node} leva a um passo {id} que não existe. Ligue-a a um passo existente.',
      'unknown-outcome':
        'A ligação {edge} sai do passo {node} por {outcome}, que este passo não tem (ele tem {outcomes}). Refaça a ligação a partir de uma dessas saídas.',
    },
    ar: {
      'missing-from': 'الوصلة {edge} تبدأ من خطوة {id} غير موجودة. احذف الوصلة أو أعد ربطها.',
      'missing-to': 'الوصلة {edge} الخارجة من الخطوة {node} تؤدي إلى خطوة {id} غير موجودة. اربطها بخطوة موجودة.',
      'unknown-outcome':
        'الوصلة {edge} تخرج من الخطوة {node} عبر {outcome}، وهذا المخرج غير موجود في هذه الخطوة (مخارجها: {outcomes}). أعد ربطها من أحدها.',
    },
  },
  check({ graph, naming }, report) {
    for (const { edge, problem, from } of graph.brokenEdges) {
      const params = { edge: naming.quote(edge.id) };
      if (problem === 'missing-from') {
        report({ message: problem, edgeId: edge.id, params: { ...params, id: naming.quote(edge.from) } });
      } else if (problem === 'missing-to') {
        report({ message: problem, node: from, edgeId: edge.id, params: { ...params, id: naming.quote(edge.to) } });
      } else {
        const step = from === undefined ? undefined : graph.nodes[from];
        const outcomes = (step ? outcomesOf(step) : []).map((outcome) => naming.quote(outcome.id));
        report({
          message: problem,
          node: from,
          edgeId: edge.id,
          params: {
            ...params,
            outcome: naming.quote(edge.outcome ?? defaultOutcome),
            outcomes: naming.list(outcomes) || '—',
          },
        });
      }
    }
  },
});
