import { templateKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { next } from '../outcomes.ts';
import { setBehaviour } from './behaviour.ts';
import { setFields } from './schema.ts';

/** Writes a variable from a template, e.g. `{{first_name}} {{last_name}}`. */
export const setKind = defineKind({
  type: 'set',
  label: { en: 'Set variable', 'pt-BR': 'Definir variável', ar: 'تعيين متغير' },
  fields: setFields,
  outcomes: () => next,
  facts: (node) => {
    const reads = templateKeys(node.value);
    return {
      reads,
      collects: [{ key: node.key, source: 'computed' }],
      // The stored text holds every value its template reads; a fixed text copies nothing.
      ...(reads.length > 0 ? { copies: [{ key: node.key, from: reads }] } : {}),
    };
  },
  texts: () => [],
  behaviour: setBehaviour,
});
