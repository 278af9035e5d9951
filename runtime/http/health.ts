import type { UiLanguage } from '../../flows/i18n/index.ts';
import { runtimeText } from '../messages.ts';
import { StorePaused, type StorePause } from '../store/access.ts';
import { usersNamed } from '../store/open.ts';
import type { Storage } from '../store/storage.ts';
import type { Handler } from './server.ts';
import { respondJson } from './respond.ts';

/** A balancer's check must be answered quickly; a database slower than this counts as unreachable. */
const timeoutMs = 2000;

/**
 * `/healthz` for load balancers: 200 with how long the oldest unprocessed message has waited
 * (`inboxLagMs`) while the database answers, 503 when it does not (take the instance out). A
 * paused instance (../store/access.ts) answers 503 too, with `paused` (the reason's code), since
 * when, and `reason` in the operator's words: it does no work until it resumes.
 */
export function healthRoute(store: Pick<Storage, 'health'>, clock: () => number, language: UiLanguage): Handler {
  return async (_request, response) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    try {
      const { inboxLagMs } = await Promise.race([store.health(clock()), late]);
      respondJson(response, 200, { ok: true, database: 'reachable', inboxLagMs });
    } catch (error) {
      if (error instanceof StorePaused) respondJson(response, 503, pausedReport(error.pause, language));
      else respondJson(response, 503, { ok: false, database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  };
}

function pausedReport(pause: StorePause, language: UiLanguage) {
  return {
    ok: false,
    paused: pause.reason,
    since: new Date(pause.since).toISOString(),
    reason: pauseText(pause, language),
  };
}

/** Why the instance is paused, in the operator's words (/healthz, and the log's `paused` lines carry the code). */
function pauseText(pause: StorePause, language: UiLanguage): string {
  if (pause.reason === 'key-rotation')
    return runtimeText(language, 'paused-key-rotation', { names: usersNamed(pause.holders) });
  if (pause.reason === 'key-replaced') return runtimeText(language, 'paused-key-replaced', { problem: pause.problem });
  return runtimeText(language, 'paused-lock-lost');
}
