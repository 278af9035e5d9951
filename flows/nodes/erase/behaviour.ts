import { leave, type Behaviour } from '../behaviour.ts';
import type { EraseNode } from './schema.ts';

/**
 * Erases everything stored about the customer (the host deletes its copy; the consent ledger
 * keeps the erasure event), confirms it with the node's text or the engine's own words, and
 * moves on: the conversation itself continues.
 */
export const eraseBehaviour: Behaviour<EraseNode> = {
  enter(node, conversation) {
    conversation.erase(node.id);
    conversation.say(node.id, node.text ? conversation.text(node.text) : conversation.builtIn('erased'));
    return leave('next');
  },
};
