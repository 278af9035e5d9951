import type { Storage } from '../store/storage.ts';
import type { Handler } from './server.ts';
import { respondJson } from './respond.ts';

/** A balancer's check must be answered quickly; a database slower than this counts as unreachable. */
const timeoutMs = 2000;

/**
 * `/healthz` for load balancers: 200 with how long the oldest unprocessed message has waited
 * (`inboxLagMs`) while the database answers, 503 when it does not (take the instance out).
 */
export function healthRoute(store: Storage, clock: () => number): Handler {
  return async (_request, response) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
    });
    try {
      const { inboxLagMs } = await Promise.race([store.health(clock()), late]);
      respondJson(response, 200, { ok: true, database: 'reachable', inboxLagMs });
    } catch {
      respondJson(response, 503, { ok: false, database: 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  };
}
