import { primarySubtag } from '../../i18n/lang-text.ts';
import type { Flow } from '../../model/schema.ts';

/** The languages Amana words the steps a fix adds in; every other flow language gets English. */
export type WordingLanguage = 'en' | 'pt' | 'ar' | 'es';

/**
 * Something worded for each language of the flow (a text, a keyword list), so a step a fix adds
 * lacks no translation: each tag gets the wording of its primary language, English where Amana
 * has none. `make` also gets the tag, to pick the flow's own texts (a purpose's label) in it.
 */
export function perFlowLanguage<Value>(
  flow: Flow,
  make: (language: WordingLanguage, tag: string) => Value,
): Record<string, Value> {
  const result: Record<string, Value> = {};
  for (const tag of flow.languages) {
    const primary = primarySubtag(tag);
    result[tag] = make(primary === 'pt' || primary === 'ar' || primary === 'es' ? primary : 'en', tag);
  }
  return result;
}
