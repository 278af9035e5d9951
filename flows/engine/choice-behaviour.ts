import { leave, waitFor, type Behaviour } from './behaviour.ts';
import { chosenId, type Choice } from './choices.ts';
import type { Conversation } from './conversation.ts';

/**
 * The behaviour shared by nodes that offer choices (buttons, list): ask, wait, leave by the chosen
 * id (stored under `saveAs` when set), and answer anything else with a hint while still waiting.
 * Each kind says only what its choices are and how it sends them.
 */
export function choiceBehaviour<Node extends { id: string; saveAs?: string }>(kind: {
  choicesOf(node: Node): Choice[];
  ask(node: Node, conversation: Conversation): void;
}): Behaviour<Node> {
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
      if (node.saveAs) conversation.store(node.id, node.saveAs, chosen);
      return leave(chosen);
    },
  };
}
