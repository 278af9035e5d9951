import type { CheckReply, CheckRequest } from './check-protocol.ts';

/** A running check worker, as the live check uses it (a real Worker in the page, a stand-in in tests). */
export interface CheckWorker {
  postMessage(request: CheckRequest): void;
  terminate(): void;
}

/** What a check worker tells: a reply, or that the worker itself failed (it could not load, or crashed). */
export interface CheckWorkerEvents {
  reply(reply: CheckReply): void;
  failure(message: string): void;
}

export interface LiveCheckOptions {
  /** Starts a check worker; called again after a stale run was cancelled. */
  spawn(events: CheckWorkerEvents): CheckWorker;
  /**
   * Edits closer together than this are a burst (typing): its first edit is checked at once, the
   * rest once, when the edits pause this long.
   */
  delayMs: number;
  /** A check of the newest document finished. */
  onResult(reply: CheckReply): void;
}

export interface LiveCheck {
  /** A new revision of the document (or a new interface language): check it once edits pause. */
  request(request: CheckRequest): void;
  dispose(): void;
}

/**
 * Runs the checker in a worker after every edit: the first edit after a pause at once, the rest of
 * a burst once when it pauses. Only the newest revision matters:
 * a request that arrives while an older one is still being checked cancels that run (the worker
 * is stopped and a fresh one started; once its findings are in, the worker itself abandons the
 * older run's quick fixes), and a reply is passed on only if it belongs to the newest revision
 * asked for, so stale results never replace newer ones.
 */
export function createLiveCheck({ spawn, delayMs, onResult }: LiveCheckOptions): LiveCheck {
  let worker: CheckWorker | null = null;
  let newest: CheckRequest | null = null;
  let running: number | null = null;
  /** The revision last posted to a worker. */
  let posted: number | null = null;
  /** Pending: the check of the first edit of a burst. */
  let soon: ReturnType<typeof setTimeout> | null = null;
  /** Open while edits come quicker than `delayMs` apart; when it ends, the newest edit is checked. */
  let burst: ReturnType<typeof setTimeout> | null = null;

  const start = (): CheckWorker => {
    const started = spawn({
      reply: (reply) => {
        if (worker !== started) return;
        // The check is done with its findings (or a failure): a newer edit no longer cancels it. The
        // worker drops fixes it is still verifying for an older revision by itself, so the page
        // does not pay a new worker's start-up for every quick edit.
        if (reply.revision === running) running = null;
        if (reply.revision === newest?.revision) onResult(reply);
      },
      failure: (message) => {
        if (worker !== started) return;
        const revision = running;
        running = null;
        // Start afresh next time rather than post to a worker that may never answer.
        started.terminate();
        worker = null;
        if (revision !== null && revision === newest?.revision) onResult({ revision, failure: message });
      },
    });
    return started;
  };

  /** Posts the newest request, unless it was posted already. */
  const dispatch = () => {
    if (!newest || newest.revision === posted) return;
    if (running !== null && worker) {
      worker.terminate();
      worker = null;
    }
    worker ??= start();
    running = newest.revision;
    posted = newest.revision;
    worker.postMessage(newest);
  };

  /** The end of a burst: the edits paused for `delayMs`; the newest revision is checked if it was not. */
  const quiet = () => {
    burst = null;
    dispatch();
  };

  return {
    request(request) {
      newest = request;
      if (burst === null) {
        // The first edit after a pause is checked at once (once the edit's own task is over), so
        // problems follow a single edit without waiting out the debounce.
        soon = setTimeout(dispatch, 0);
      } else {
        clearTimeout(burst);
      }
      burst = setTimeout(quiet, delayMs);
    },
    dispose() {
      if (soon !== null) clearTimeout(soon);
      if (burst !== null) clearTimeout(burst);
      worker?.terminate();
      worker = null;
      newest = null;
    },
  };
}
