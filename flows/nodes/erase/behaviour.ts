import { leave, type Behaviour } from '../behaviour.ts';
import type { EraseNode } from './schema.ts';

/**
 * Erases everything stored about the customer (the host deletes its copy; the consent ledger
 * keeps the erasure event), confirms it with the node's text or the engine's own words, and
 * leaves by `next` (DESIGN.md §5): unconnected, the conversation ends after the confirmation and
 * the customer's next message starts a new one; connected, it goes on as drawn, and any later step
 * that would read an erased value is refused rather than sent with a hole (../../engine/run.ts).
 */
export const eraseBehaviour: Behaviour<EraseNode> = {
  enter(node, conversation) {
    conversation.erase(node.id);
    conversation.say(node.id, node.text ? conversation.text(node.text) : conversation.builtIn('erased'));
    return leave('next');
  },
};
