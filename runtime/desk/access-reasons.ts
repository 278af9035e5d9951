/**
 * What the access log's "about" column can hold besides a conversation's ref, a person's short
 * reference and a range of days: the reasons a sign-in step was refused, and what an account that
 * is not a supervisor tried to open. The server records these codes (and the CSV keeps them); the
 * desk page says each in plain words (page/access-about.ts). No imports: the page bundles it too.
 */

/** Why a password (`sign-in-refused`) or a code (`second-factor-refused`) was refused. */
export const refusalReasons = ['wrong', 'disabled', 'too-many'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/** The desk's pages only supervisors may open (a refusal logs the path). */
export const supervisorPages = ['/desk/access-log', '/desk/subjects', '/desk/stats'] as const;
export type SupervisorPage = (typeof supervisorPages)[number];

/** The desk API's supervisor-only calls (a refusal logs the call, as `api` below /desk/api/). */
export const supervisorApis = ['access-log', 'access-log.csv', 'subjects/erase', 'subjects/export', 'stats'] as const;
export type SupervisorApi = (typeof supervisorApis)[number];

/** A change without the session's anti-CSRF token is logged as `forbidden`, about `csrf <api>`. */
export const csrfPrefix = 'csrf ';

/** Where the desk API's conversations are: `conversations/<ref>`, `…/reply`, `…/release` (../handoff/handoff-ref.ts). */
export const conversationsApi = 'conversations/';

/** A statistics look is logged with its days, `YYYY-MM-DD..YYYY-MM-DD`. */
export const daysSeparator = '..';

export function isSupervisorPage(path: string): path is SupervisorPage {
  return (supervisorPages as readonly string[]).includes(path);
}

export function isSupervisorApi(api: string): api is SupervisorApi {
  return (supervisorApis as readonly string[]).includes(api);
}
