import { textKeys } from '../../model/common.ts';
import { defineKind } from '../kind.ts';
import { next } from '../outcomes.ts';
import { bodySite } from '../texts.ts';
import { messageBehaviour } from './behaviour.ts';
import { messageFields } from './schema.ts';

/** A text the bot sends; `{{key}}` placeholders read variables. */
export const messageKind = defineKind({
  type: 'message',
  label: { en: 'Message', 'pt-BR': 'Mensagem', ar: 'رسالة' },
  fields: messageFields,
  outcomes: () => next,
  facts: (node) => ({ reads: textKeys(node.text) }),
  texts: (node) => bodySite(node.text),
  behaviour: messageBehaviour,
});
