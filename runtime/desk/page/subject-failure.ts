import { text, unreachable, type ApiAnswer } from './api.ts';
import type { DeskKey } from './texts.ts';

/**
 * Why a supervisor's export or erasure did not happen, in words they can act on: a bad number, a
 * session that ended, a stale page, an account not allowed, nothing found, a paused bot, the bot
 * failing, or the bot not reached at all. What the supervisor typed stays.
 */
export function subjectFailure(answer: ApiAnswer): DeskKey {
  if (answer.status === unreachable) return 'subject-unreachable';
  const error = text(answer.body['error']);
  if (answer.status === 400) return 'bad-phone';
  if (answer.status === 401) return 'signed-out';
  if (error === 'csrf') return 'csrf';
  if (answer.status === 403) return 'subject-forbidden';
  if (answer.status === 404) return 'subject-not-found';
  if (answer.status === 503) return 'paused';
  return 'subject-failed';
}

/** Why a supervisor's page (the access log, the statistics) could not be read. */
export function readFailure(answer: ApiAnswer): DeskKey {
  if (answer.status === unreachable) return 'unreachable';
  if (answer.status === 401) return 'signed-out';
  if (answer.status === 403) return 'forbidden-page';
  if (answer.status === 503) return 'paused';
  return 'subject-failed';
}
