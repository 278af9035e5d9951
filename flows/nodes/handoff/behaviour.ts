import { leave, waitFor, type Behaviour } from '../behaviour.ts';
import type { HandoffNode } from './schema.ts';

/**
 * Tells the customer a person is coming, hands the conversation to the `queue` with the values of
 * the `share` keys (consent-based ones only with consent), and stays silent until the agent
 * releases it; then leaves by `next` (unconnected, the conversation ends).
 */
export const handoffBehaviour: Behaviour<HandoffNode> = {
  enter(node, conversation) {
    conversation.say(node.id, conversation.text(node.text));
    conversation.handOff(node.id, node.queue, node.share);
    return waitFor('agent');
  },
  resume(_node, event, conversation) {
    if (event.type !== 'agent-released') return waitFor('agent');
    conversation.releasedByAgent();
    return leave('next');
  },
};
