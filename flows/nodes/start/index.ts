import { defineKind } from '../kind.ts';
import { next } from '../outcomes.ts';
import { startBehaviour } from './behaviour.ts';
import { startFields } from './schema.ts';

/** Where every conversation begins; a flow has exactly one. */
export const startKind = defineKind({
  type: 'start',
  label: { en: 'Start', 'pt-BR': 'Início', ar: 'البداية' },
  entry: false,
  fields: startFields,
  outcomes: () => next,
  facts: () => ({}),
  texts: () => [],
  behaviour: startBehaviour,
});
