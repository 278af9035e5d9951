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
  facts: (node) => ({ reads: templateKeys(node.value), collects: [{ key: node.key, source: 'computed' }] }),
  texts: () => [],
  behaviour: setBehaviour,
});
