import type { Diagnostic } from '../../flows/check/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';

/** What the page asks the check worker: check this flow, wording the findings in this language. */
export interface CheckRequest {
  /** Which edit of the document this flow is; the reply carries it back. */
  revision: number;
  flow: Flow;
  language: UiLanguage;
}

/** The worker's answer for one request: the findings, or why the check could not run. */
export type CheckReply = { revision: number; diagnostics: Diagnostic[] } | { revision: number; failure: string };
