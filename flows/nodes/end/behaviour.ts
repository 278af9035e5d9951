import { end, type Behaviour } from '../../engine/behaviour.ts';
import type { LangText } from '../../model/common.ts';

/** Says goodbye, if it has a text, and ends the conversation. */
export const endBehaviour: Behaviour<{ id: string; text?: LangText }> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    return end;
  },
};
