import { leave, type Behaviour } from '../../engine/behaviour.ts';
import type { LangText } from '../../model/common.ts';

/** Sends the bot disclosure (who the customer talks to, where the privacy notice is) and moves on. */
export const disclosureBehaviour: Behaviour<{ id: string; text: LangText }> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    return leave('next');
  },
};
