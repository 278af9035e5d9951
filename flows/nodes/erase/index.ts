import { defineKind } from '../kind.ts';
import { next } from '../outcomes.ts';
import { bodySite } from '../texts.ts';
import { eraseBehaviour } from './behaviour.ts';
import { eraseFields } from './schema.ts';

/** Erases everything stored about the customer; the consent ledger keeps the erasure event. */
export const eraseKind = defineKind({
  type: 'erase',
  label: { en: 'Erase data', 'pt-BR': 'Apagar dados', ar: 'حذف البيانات' },
  fields: eraseFields,
  outcomes: () => next,
  facts: () => ({ erases: true }),
  texts: (node) => bodySite(node.text),
  behaviour: eraseBehaviour,
});
