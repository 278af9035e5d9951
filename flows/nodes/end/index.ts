import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import type { Outcome } from '../outcomes.ts';
import { bodySite } from '../texts.ts';
import { endBehaviour } from './behaviour.ts';
import { endFields } from './schema.ts';

/** An end has no way out. */
const none: Outcome[] = [];

/** Ends the conversation, optionally with a goodbye. */
export const endKind = defineKind({
  type: 'end',
  label: { en: 'End', 'pt-BR': 'Fim', ar: 'النهاية' },
  fields: endFields,
  outcomes: () => none,
  facts: (node) => ({ reads: textKeys(node.text) }),
  texts: (node) => bodySite(node.text),
  behaviour: endBehaviour,
});
