import { messageTextField, textInLanguages, type KindForm } from '../form.ts';

export const handoffForm: KindForm = {
  type: 'handoff',
  group: 'privacy',
  explanation: {
    en: 'Passes the conversation to a person on your team.',
    'pt-BR': 'Passa a conversa para uma pessoa da sua equipe.',
    ar: 'يحوّل المحادثة إلى شخص من فريقك.',
  },
  fields: [
    messageTextField,
    {
      name: 'queue',
      widget: 'identifier',
      label: { en: 'Team (queue)', 'pt-BR': 'Equipe (fila)', ar: 'الفريق (قائمة الانتظار)' },
      help: {
        en: 'Which team takes the conversation, such as support or sales.',
        'pt-BR': 'Qual equipe assume a conversa, como suporte ou vendas.',
        ar: 'أي فريق يتولى المحادثة، مثل الدعم أو المبيعات.',
      },
    },
    {
      name: 'share',
      widget: 'data-keys',
      label: { en: 'Show the agent', 'pt-BR': 'Mostrar ao atendente', ar: 'اعرض على الموظف' },
      help: {
        en: 'The saved values the person sees with the conversation.',
        'pt-BR': 'Os valores guardados que a pessoa vê junto com a conversa.',
        ar: 'القيم المحفوظة التي يراها الموظف مع المحادثة.',
      },
    },
  ],
  blank: (context) => ({
    id: context.id,
    type: 'handoff',
    position: context.position,
    text: textInLanguages(
      {
        en: 'One moment, a person from our team will answer you.',
        'pt-BR': 'Um momento, uma pessoa da nossa equipe vai te responder.',
        ar: 'لحظة من فضلك، سيرد عليك شخص من فريقنا.',
      },
      context,
    ),
    queue: 'support',
    share: [],
  }),
};
