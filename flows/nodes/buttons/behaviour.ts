import { allVersions } from '../../i18n/lang-text.ts';
import type { Conversation } from '../behaviour.ts';
import { choiceBehaviour } from '../choice-behaviour.ts';
import type { Choice } from '../choices.ts';
import type { ButtonsNode } from './schema.ts';

/**
 * Sends reply buttons and leaves by the chosen option's id. The customer may tap a button, or
 * type its number, its label (in any of the flow's languages) or its id; anything else gets a
 * hint and the buttons keep waiting. With `saveAs`, the chosen id is stored.
 */
export const buttonsBehaviour = choiceBehaviour<ButtonsNode>({ choicesOf, ask });

function choicesOf(node: ButtonsNode): Choice[] {
  return node.options.map((option) => ({ id: option.id, labels: allVersions(option.label) }));
}

function ask(node: ButtonsNode, conversation: Conversation): void {
  conversation.emit({
    type: 'send-buttons',
    nodeId: node.id,
    text: conversation.text(node.text),
    buttons: node.options.map((option) => ({ id: option.id, title: conversation.text(option.label) })),
  });
}
