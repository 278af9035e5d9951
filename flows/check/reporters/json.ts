import { summarize } from '../summarize.ts';
import type { CheckSummary, Diagnostic } from '../diagnostic.ts';

/** A problem that kept a file from being checked: not a flow, or not readable. */
export interface FileProblem {
  /** JSON path in the file (`$.nodes[3].text`), or `$` for the whole file. */
  path: string;
  message: string;
}

/** The JSON report of one file: `{ file, diagnostics, summary }`, plus `parseErrors` when it is not a valid flow. */
export interface JsonReport {
  file: string;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  parseErrors?: FileProblem[];
}

export function toJsonReport(
  file: string,
  diagnostics: readonly Diagnostic[],
  parseErrors?: readonly FileProblem[],
): JsonReport {
  const report: JsonReport = { file, diagnostics: [...diagnostics], summary: summarize(diagnostics) };
  if (parseErrors) report.parseErrors = [...parseErrors];
  return report;
}
