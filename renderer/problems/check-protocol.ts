import type { Diagnostic } from '../../flows/check/index.ts';
import type { QuickFix } from '../../flows/edit/index.ts';
import type { UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';

/** What the page asks the check worker: check this flow, wording the findings in this language. */
export interface CheckRequest {
  /** Which edit of the document this flow is; the replies carry it back. */
  revision: number;
  flow: Flow;
  language: UiLanguage;
}

/**
 * What crosses to the worker: the flow as JSON text. Posting a string costs the page a fraction of
 * what the structured clone of a large flow's object graph does (the clone runs on the main thread).
 */
export interface CheckMessage {
  revision: number;
  flowText: string;
  language: UiLanguage;
}

/**
 * The worker's answers for one request, in order: the findings as soon as the check is done, then
 * the quick fixes verified for them (by the index of the finding), or why the check could not run.
 */
export type CheckReply =
  | { revision: number; diagnostics: Diagnostic[] }
  | { revision: number; fixes: [index: number, fixes: QuickFix[]][] }
  | { revision: number; failure: string };
