import { leave, type Behaviour } from '../behaviour.ts';
import type { DisclosureNode } from './schema.ts';

/** Sends the bot disclosure (who the customer talks to, where the privacy notice is) and moves on. */
export const disclosureBehaviour: Behaviour<DisclosureNode> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    return leave('next');
  },
};
