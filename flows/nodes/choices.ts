import { normaliseForMatching } from '../i18n/normalise.ts';

/** An option the customer can pick: its id and its label in every language of the flow. */
export interface Choice {
  id: string;
  labels: string[];
}

/**
 * Which choice a typed answer picks: its number as shown (`2`, `2.`, `2)`, `٢`), its label in any
 * of the flow's languages, or its id, compared ignoring case, accents and punctuation.
 */
function matchChoice(typed: string, choices: readonly Choice[]): string | undefined {
  const answer = normaliseForMatching(typed);
  if (answer.length === 0) return undefined;
  if (/^\d+$/.test(answer)) {
    const picked = choices[Number(answer) - 1];
    if (picked) return picked.id;
  }
  const byLabel = choices.find((choice) => choice.labels.some((label) => designedForm(label) === answer));
  if (byLabel) return byLabel.id;
  return choices.find((choice) => designedForm(choice.id) === answer)?.id;
}

/**
 * Labels and ids in the form answers are compared in, kept once worked out: a bot compares every
 * answer with the same few dozen labels. Only the designer's words are kept, never what customers
 * type; the memory is bounded (emptied when full, as after an edit that renamed everything).
 */
const designedForms = new Map<string, string>();
const designedFormsLimit = 10_000;

function designedForm(text: string): string {
  let form = designedForms.get(text);
  if (form === undefined) {
    if (designedForms.size >= designedFormsLimit) designedForms.clear();
    form = normaliseForMatching(text);
    designedForms.set(text, form);
  }
  return form;
}

/**
 * The choice an event picks: a tapped button or row by its id (or its title, for a tap on an older
 * message whose ids changed), or a typed answer as in `matchChoice`.
 */
export function chosenId(
  event: { type: string; id?: string; title?: string; text?: string },
  choices: readonly Choice[],
): string | undefined {
  if (event.type === 'reply') {
    const byId = choices.find((choice) => choice.id === event.id);
    if (byId) return byId.id;
    return event.title === undefined ? undefined : matchChoice(event.title, choices);
  }
  return event.type === 'text' && event.text !== undefined ? matchChoice(event.text, choices) : undefined;
}
