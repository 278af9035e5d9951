import type { UiLanguage } from '../i18n/index.ts';
import { localText } from '../i18n/lang-text.ts';
import type { LangText } from '../model/common.ts';

/** A way out of a node. Optional outcomes (`invalid`, `error`, handoff `next`) may stay unconnected. */
export interface Outcome {
  id: string;
  optional: boolean;
  /** How the studio names a fixed outcome (`next`, `granted` …), in every interface language. */
  label?: Readonly<Record<UiLanguage, string>>;
  /** The designer's own text an outcome stands for (a button's label, a list row's title). */
  text?: LangText;
}

/** The names of the outcomes kinds share, as the designer reads them on a card. */
const labels = {
  next: { en: 'next', 'pt-BR': 'seguinte', ar: 'التالي' },
  invalid: { en: 'invalid answer', 'pt-BR': 'resposta inválida', ar: 'إجابة غير صالحة' },
  error: { en: 'error', 'pt-BR': 'erro', ar: 'خطأ' },
  ok: { en: 'answered', 'pt-BR': 'respondeu', ar: 'تمت الإجابة' },
  granted: { en: 'agreed', 'pt-BR': 'aceitou', ar: 'وافق' },
  declined: { en: 'declined', 'pt-BR': 'recusou', ar: 'رفض' },
  else: { en: 'otherwise', 'pt-BR': 'senão', ar: 'وإلا' },
} as const satisfies Record<string, Record<UiLanguage, string>>;

/** A fixed outcome with its name (kinds share these objects; callers only read them). */
export function fixedOutcome(id: keyof typeof labels, optional = false): Outcome {
  return { id, optional, label: labels[id] };
}

/** The outcome list of most kinds: one way on, `next`. */
export const next: Outcome[] = [fixedOutcome('next')];

/**
 * An outcome's name on a card: a fixed outcome's in the interface language, a choice's own text in
 * the language flow texts are shown in, else its id (a condition's rules name their own outcomes).
 */
export function outcomeLabel(outcome: Outcome, language: UiLanguage, flowLanguages: readonly string[]): string {
  return outcome.label?.[language] ?? (outcome.text ? localText(outcome.text, language, flowLanguages) : outcome.id);
}
