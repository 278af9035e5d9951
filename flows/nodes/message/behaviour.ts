import { leave, type Behaviour } from '../behaviour.ts';
import type { MessageNode } from './schema.ts';

/** Sends its text, placeholders filled, and moves on. */
export const messageBehaviour: Behaviour<MessageNode> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    return leave('next');
  },
};
