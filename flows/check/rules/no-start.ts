import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `no-start`: a flow needs its one entry point. */
export const noStart = defineRule({
  id: 'no-start',
  severity: 'error',
  title: {
    en: 'The flow has no Start step',
    'pt-BR': 'O fluxo não tem passo de Início',
    ar: 'لا توجد خطوة بداية في المسار',
  },
  help: {
    en: 'Every conversation begins at the Start step. Add one and connect it to the first message, usually the bot disclosure.',
    'pt-BR':
      'Toda conversa começa no passo de Início. Adicione um e ligue-o à primeira mensagem, normalmente o aviso de robô.',
    ar: 'تبدأ كل محادثة من خطوة البداية. أضف خطوة بداية واربطها بأول رسالة، وهي عادةً رسالة الإفصاح عن المساعد الآلي.',
  },
  messages: {
    en: {
      none: 'This flow has no Start step, so no conversation can begin. Add a Start step and connect it to the first message.',
    },
    'pt-BR': {
      none: 'Este fluxo não tem passo de Início, então nenhuma conversa pode começar. Adicione um passo de Início e ligue-o à primeira mensagem.',
    },
    ar: { none: 'لا توجد في هذا المسار خطوة بداية، فلا يمكن أن تبدأ أي محادثة. أضف خطوة بداية واربطها بأول رسالة.' },
  },
  check({ graph }, report) {
    if (graph.starts.length === 0) report({ message: 'none' });
  },
});
