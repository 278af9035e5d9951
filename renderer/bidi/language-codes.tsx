import type { ReactNode } from 'react';
import { listOf, type UiLanguage } from '../../flows/i18n/index.ts';
import { isolateNames } from './isolate-names.tsx';

/**
 * A sentence of the interface that lists language codes (a flow's languages, a template's): each
 * code in an isolate of its own that never breaks inside (`.language-code`: "pt-BR" is not split
 * as "pt-" and "BR" at the end of a line), joined by the interface language's comma, so that in
 * Arabic "pt-BR، en" reads right to left, code by code. `say` puts the joined list in its sentence.
 */
export function withLanguageCodes(
  say: (codes: string) => string,
  codes: readonly string[],
  language: UiLanguage,
): ReactNode[] {
  const names = Object.fromEntries(codes.map((code, index) => [`code${index}`, code]));
  const joined = (stands: Record<string, unknown>) =>
    listOf(
      language,
      Object.keys(names).map((key) => String(stands[key])),
      'unit',
    );
  return isolateNames((stands) => say(joined(stands)), names, [], 'language-code');
}
