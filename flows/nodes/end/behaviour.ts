import { end, type Behaviour } from '../behaviour.ts';
import type { EndNode } from './schema.ts';

/** Says goodbye, if it has a text, and ends the conversation. */
export const endBehaviour: Behaviour<EndNode> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    return end;
  },
};
