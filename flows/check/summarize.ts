import type { CheckSummary, Diagnostic } from './diagnostic.ts';

/** How many errors and warnings; a flow with errors cannot be exported. */
export function summarize(diagnostics: readonly Diagnostic[]): CheckSummary {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors += 1;
    else warnings += 1;
  }
  return { errors, warnings };
}
