import { leave, waitFor, type Behaviour, type Conversation, type Next } from './behaviour.ts';
import { chosenId, type Choice } from './choices.ts';

/** What a kind that offers choices says about itself; the rest of its behaviour is shared. */
interface ChoiceKind<Node> {
  choicesOf(node: Node): Choice[];
  /** Sends the question with its choices. */
  ask(node: Node, conversation: Conversation): void;
  /** What a choice does; by default the chosen id is stored under `saveAs` (when set) and left by. */
  choose?(node: Node, chosen: string, conversation: Conversation): Next;
}

/**
 * The behaviour shared by nodes that offer choices (buttons, list, consent): ask, wait, take the
 * chosen option, and answer anything else with a hint while still waiting. Each kind says only
 * what its choices are, how it sends them and, when it is not “leave by the chosen id”, what a
 * choice does.
 */
export function choiceBehaviour<Node extends { id: string; saveAs?: string }>(kind: ChoiceKind<Node>): Behaviour<Node> {
  const choose = kind.choose ?? leaveByChoice;
  return {
    enter(node, conversation) {
      kind.ask(node, conversation);
      return waitFor('answer');
    },
    ask: kind.ask,
    takesAsAnswer: (node, event) => chosenId(event, kind.choicesOf(node)) !== undefined,
    resume(node, event, conversation) {
      const chosen = chosenId(event, kind.choicesOf(node));
      if (chosen === undefined) {
        conversation.say(node.id, conversation.builtIn('hint-choice'));
        return waitFor('answer');
      }
      return choose(node, chosen, conversation);
    },
  };
}

function leaveByChoice(node: { id: string; saveAs?: string }, chosen: string, conversation: Conversation): Next {
  if (node.saveAs) conversation.store(node.id, node.saveAs, chosen);
  return leave(chosen);
}
