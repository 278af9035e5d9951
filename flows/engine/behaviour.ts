import type { Conversation } from './conversation.ts';
import type { WaitingFor } from './state.ts';
import type { EngineEvent } from './types.ts';

/** What a node does next: leave by an outcome, wait, or end the conversation. */
export type Next = { type: 'leave'; outcome: string } | { type: 'wait'; for: WaitingFor } | { type: 'end' };

export const leave = (outcome: string): Next => ({ type: 'leave', outcome });
export const waitFor = (what: WaitingFor): Next => ({ type: 'wait', for: what });
export const end: Next = { type: 'end' };

/**
 * How one node kind behaves in a conversation; each kind's folder under flows/nodes/ declares
 * its own (`behaviour.ts`), and the registry dispatches on the node's type.
 */
export interface Behaviour<Node> {
  /** Runs when the conversation arrives at the node. */
  enter(node: Node, conversation: Conversation): Next;
  /**
   * Sends the node's question again, as it was first asked (after an erasure, after the customer
   * writes again following an opt-out, after an agent hands back). Kinds that wait for an answer.
   */
  ask?(node: Node, conversation: Conversation): void;
  /**
   * Whether a typed message is one of this node's own choices. Such an answer is taken as the
   * choice even when it is also a global keyword: a customer who types the label of a button
   * “Apagar meus dados” gets the path the designer drew for it (which may also delete the data
   * at a recipient), not the bare keyword.
   */
  takesAsAnswer?(node: Node, event: EngineEvent, conversation: Conversation): boolean;
  /** Handles the event the node waits for: an answer, a recipient's response, the agent's release. */
  resume?(node: Node, event: EngineEvent, conversation: Conversation): Next;
}
