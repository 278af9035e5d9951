import { leave, waitFor, type Behaviour } from '../../engine/behaviour.ts';
import { chosenId, type Choice } from '../../engine/choices.ts';
import type { Conversation } from '../../engine/conversation.ts';
import { allVersions } from '../../engine/language.ts';
import type { LangText } from '../../model/common.ts';

/** The reply ids of the two consent buttons (accept is always the first button). */
export const consentReplies = { accept: 'accept', decline: 'decline' } as const;

interface ConsentNode {
  id: string;
  text: LangText;
  purposes: string[];
  accept?: LangText;
  decline?: LangText;
}

interface ConsentLabels {
  accept: LangText;
  decline: LangText;
}

/**
 * Asks for consent with two buttons, accept first. Accepting grants the node's purposes from
 * here on and declining withdraws them (a later “no” wins over an earlier “yes”); either answer
 * goes to the consent ledger (`record-consent`) and leaves by `granted` or `declined`. The
 * customer may also type the button's number or label; the standard labels (“Aceito”, “I agree”,
 * “أوافق”…) are understood even when the node sets its own. Anything else gets a hint.
 *
 * Built from the default labels so this file does not import the kind's index (which imports it).
 */
export function consentBehaviour(defaults: ConsentLabels): Behaviour<ConsentNode> {
  const labels = (node: ConsentNode): ConsentLabels => ({
    accept: node.accept ?? defaults.accept,
    decline: node.decline ?? defaults.decline,
  });

  const ask = (node: ConsentNode, conversation: Conversation): void => {
    const { accept, decline } = labels(node);
    conversation.emit({
      type: 'send-buttons',
      nodeId: node.id,
      text: conversation.text(node.text),
      buttons: [
        { id: consentReplies.accept, title: conversation.text(accept) },
        { id: consentReplies.decline, title: conversation.text(decline) },
      ],
    });
  };

  const choicesOf = (node: ConsentNode): Choice[] => {
    const { accept, decline } = labels(node);
    return [
      { id: consentReplies.accept, labels: [...allVersions(accept), ...allVersions(defaults.accept)] },
      { id: consentReplies.decline, labels: [...allVersions(decline), ...allVersions(defaults.decline)] },
    ];
  };

  return {
    enter(node, conversation) {
      ask(node, conversation);
      return waitFor('answer');
    },
    ask,
    takesAsAnswer: (node, event) => chosenId(event, choicesOf(node)) !== undefined,
    resume(node, event, conversation) {
      const chosen = chosenId(event, choicesOf(node));
      if (chosen === undefined) {
        conversation.say(node.id, conversation.builtIn('hint-choice'));
        return waitFor('answer');
      }
      const granted = chosen === consentReplies.accept;
      conversation.recordConsent(node.id, node.purposes, granted);
      return leave(granted ? 'granted' : 'declined');
    },
  };
}
