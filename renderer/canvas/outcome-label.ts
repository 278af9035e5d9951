import type { UiLanguage } from '../../flows/i18n/index.ts';
import { uiText, type UiTextKey } from '../i18n/messages.ts';

const standardOutcomes: Record<string, UiTextKey> = {
  next: 'outcome-next',
  invalid: 'outcome-invalid',
  error: 'outcome-error',
  granted: 'outcome-granted',
  declined: 'outcome-declined',
  else: 'outcome-else',
};

/** An outcome's name on a card: the shared outcomes in the interface language, others by their id. */
export function outcomeLabel(outcome: string, language: UiLanguage): string {
  const key = standardOutcomes[outcome];
  return key ? uiText(language, key) : outcome;
}
