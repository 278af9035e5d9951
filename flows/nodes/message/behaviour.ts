import { leave, type Behaviour } from '../../engine/behaviour.ts';
import type { LangText } from '../../model/common.ts';

/** Sends its text, placeholders filled, and moves on. */
export const messageBehaviour: Behaviour<{ id: string; text: LangText }> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    return leave('next');
  },
};
