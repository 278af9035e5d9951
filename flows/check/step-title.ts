import type { UiLanguage } from '../i18n/index.ts';
import { textIn } from '../i18n/lang-text.ts';
import type { FlowNode } from '../model/schema.ts';
import { findKind, textsOf } from '../nodes/registry.ts';
import { firstWords } from './naming.ts';

/** A step named as the designer sees its card: its kind, and the first words of its text. */
export interface StepTitle {
  kind: string;
  /** In the flow language it is shown in (`lang`), which may differ from the interface's. */
  text?: { lang: string; value: string };
}

/** The languages a step is named in: the interface's for its kind, a flow language for its text. */
export interface TitleLanguages {
  ui: UiLanguage;
  /** The flow language wanted for the text (the interface language when the flow has it). */
  textLanguage: string;
  flowLanguages: readonly string[];
}

/**
 * How a step is named wherever ids would say nothing to a person (the studio's data map and
 * inventory, the agent desk's statistics): "Question" and "What is your e-mail?", the words its card
 * shows, shortened as the checker's messages shorten them. A step without text is its kind alone.
 */
export function stepTitle(node: FlowNode, languages: TitleLanguages): StepTitle {
  const primary = textsOf(node)[0];
  const text = primary && textIn(primary.text, languages.textLanguage, languages.flowLanguages);
  const kind = findKind(node.type)?.label[languages.ui] ?? node.type;
  return text ? { kind, text: { lang: text.lang, value: firstWords(text.value) } } : { kind };
}
