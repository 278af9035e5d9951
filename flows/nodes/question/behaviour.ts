import { leave, waitFor, type Behaviour, type Conversation } from '../behaviour.ts';
import type { InputKind } from '../kind.ts';
import type { QuestionNode } from './schema.ts';
import { validateAnswer, dateOrderOf } from './validate/index.ts';

/** How many times a question re-asks after an invalid answer when `retries` is not set. */
const defaultRetries = 2;

/**
 * Asks, validates the answer for its `input`, stores it in `saveAs` and leaves by `next`; an
 * invalid answer gets a hint and the question waits again, up to `retries` times, then leaves by
 * `invalid`. A question whose `saveAs` needs consent that is not granted is not asked at all: the
 * customer is told why and the conversation moves on by `next` — better than asking and throwing
 * the answer away.
 */
export const questionBehaviour: Behaviour<QuestionNode> = {
  enter(node, conversation) {
    if (!conversation.mayUse(node.saveAs)) {
      const purposes = conversation.consentPurposes(node.saveAs);
      conversation.say(
        node.id,
        conversation.builtIn('skipped-question', {
          field: conversation.fieldLabel(node.saveAs),
          purposes: conversation.purposeLabels(purposes),
        }),
      );
      conversation.withhold(node.id, node.saveAs, 'collect');
      return leave('next');
    }
    ask(node, conversation);
    return waitFor('answer');
  },
  ask,
  resume(node, event, conversation) {
    const value = validateAnswer(node.input, event, {
      language: conversation.language,
      defaultCountry: conversation.defaultCountry,
    });
    if (value === undefined) {
      if (!conversation.retry(node.retries ?? defaultRetries)) return leave('invalid');
      conversation.say(node.id, hint(node.input, conversation));
      return waitFor('answer');
    }
    conversation.store(node.id, node.saveAs, value);
    return leave('next');
  },
};

function ask(node: QuestionNode, conversation: Conversation): void {
  conversation.say(node.id, conversation.text(node.text));
}

/** The re-ask hint for an input kind, in the engine's language. */
function hint(input: InputKind, conversation: Conversation): string {
  if (input !== 'date') return conversation.builtIn(`hint-${input}`);
  const dayFirst = dateOrderOf(conversation.language) === 'day-first';
  return conversation.builtIn('hint-date', {
    example: dayFirst ? '31/12/1990' : '12/31/1990',
    order: conversation.builtIn(dayFirst ? 'order-day-first' : 'order-month-first'),
  });
}
