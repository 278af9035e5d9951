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
  const byLabel = choices.find((choice) => choice.labels.some((label) => normaliseForMatching(label) === answer));
  if (byLabel) return byLabel.id;
  return choices.find((choice) => normaliseForMatching(choice.id) === answer)?.id;
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
