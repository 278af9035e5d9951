import type { KindForm } from '../form.ts';

/** Start has nothing to fill in and is not in the palette: a flow starts in one place. */
export const startForm: KindForm = {
  type: 'start',
  group: 'none',
  explanation: {
    en: 'Where every conversation begins.',
    'pt-BR': 'Onde toda conversa começa.',
    ar: 'حيث تبدأ كل محادثة.',
  },
  fields: [],
  blank: ({ id, position }) => ({ id, type: 'start', position }),
};
