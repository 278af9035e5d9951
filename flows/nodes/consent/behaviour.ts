import { allVersions } from '../../i18n/lang-text.ts';
import type { LangText } from '../../model/common.ts';
import { leave, type Behaviour, type Conversation } from '../behaviour.ts';
import { choiceBehaviour } from '../choice-behaviour.ts';
import type { Choice } from '../choices.ts';
import { defaultConsentLabels, type ConsentNode } from './schema.ts';

/** The reply ids of the two consent buttons (accept is always the first button). */
export const consentReplies = { accept: 'accept', decline: 'decline' } as const;

interface ConsentLabels {
  accept: LangText;
  decline: LangText;
}

const labels = (node: ConsentNode): ConsentLabels => ({
  accept: node.accept ?? defaultConsentLabels.accept,
  decline: node.decline ?? defaultConsentLabels.decline,
});

function ask(node: ConsentNode, conversation: Conversation): void {
  const { accept, decline } = labels(node);
  conversation.noticeChanged(node.id, node.purposes);
  conversation.emit({
    type: 'send-buttons',
    nodeId: node.id,
    text: conversation.text(node.text),
    buttons: [
      { id: consentReplies.accept, title: conversation.text(accept) },
      { id: consentReplies.decline, title: conversation.text(decline) },
    ],
  });
}

/** The two answers, each understood by the node's own labels and by the standard ones. */
function choicesOf(node: ConsentNode): Choice[] {
  const { accept, decline } = labels(node);
  return [
    { id: consentReplies.accept, labels: [...allVersions(accept), ...allVersions(defaultConsentLabels.accept)] },
    { id: consentReplies.decline, labels: [...allVersions(decline), ...allVersions(defaultConsentLabels.decline)] },
  ];
}

/**
 * Asks for consent with two buttons, accept first. Accepting grants the node's purposes from
 * here on and declining withdraws them (a later “no” wins over an earlier “yes”); either answer
 * goes to the consent ledger (`record-consent`) and leaves by `granted` or `declined`. The
 * customer may also type the button's number or label; the standard labels (“Aceito”, “I agree”,
 * “أوافق”…) are understood even when the node sets its own. Anything else gets a hint.
 */
const asking = choiceBehaviour<ConsentNode>({
  choicesOf,
  ask,
  choose(node, chosen, conversation) {
    const granted = chosen === consentReplies.accept;
    conversation.recordConsent(node.id, node.purposes, granted);
    return leave(granted ? 'granted' : 'declined');
  },
});

/**
 * A returning customer who consented to every purpose of the node in an earlier conversation, for
 * the wording the flow has now (the ledger's consents), is not asked again: the node leaves by
 * `granted` at once. When the wording changed, that consent lapsed and the node asks again, first
 * saying the privacy notice changed. Within one conversation a consent step always asks (a second
 * step for the same purpose may ask to confirm, and a “no” there withdraws the earlier “yes”).
 */
export const consentBehaviour: Behaviour<ConsentNode> = {
  ...asking,
  enter(node, conversation) {
    if (conversation.holdsEarlierConsent(node.purposes)) return leave('granted');
    return asking.enter(node, conversation);
  },
};
