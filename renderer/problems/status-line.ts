import type { CheckSummary } from '../../flows/check/index.ts';
import { listOf, type UiLanguage } from '../../flows/i18n/index.ts';
import { problemsText } from './texts.ts';

/** "3 errors, 1 warning — export blocked", or "Ready to export": the flow's standing in one line. */
export function statusLine(language: UiLanguage, summary: CheckSummary): string {
  const errors = countOf(language, 'errors', summary.errors);
  const warnings = countOf(language, 'warnings', summary.warnings);
  if (summary.errors > 0) {
    const counts = listOf(language, summary.warnings > 0 ? [errors, warnings] : [errors], 'unit');
    return problemsText(language, 'status-blocked', { counts });
  }
  if (summary.warnings > 0) return problemsText(language, 'status-ready-warnings', { warnings });
  return problemsText(language, 'status-ready');
}

function countOf(language: UiLanguage, what: 'errors' | 'warnings', count: number): string {
  return problemsText(language, count === 1 ? `${what}-count-one` : `${what}-count-other`, { count });
}
