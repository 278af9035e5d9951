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
  /** Quiet time after the last edit before a check starts (a burst of typing is checked once). */
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
 * Runs the checker in a worker after every edit, debounced. Only the newest revision matters:
 * a request that arrives while an older one is still being checked cancels that run (the worker
 * is stopped and a fresh one started), and a reply is passed on only if it belongs to the newest
 * revision asked for, so stale results never replace newer ones.
 */
export function createLiveCheck({ spawn, delayMs, onResult }: LiveCheckOptions): LiveCheck {
  let worker: CheckWorker | null = null;
  let newest: CheckRequest | null = null;
  let running: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const start = (): CheckWorker => {
    const started = spawn({
      reply: (reply) => {
        if (worker !== started) return;
        // A run ends with its fixes (or a failure); until then a newer edit cancels it.
        if (reply.revision === running && !('diagnostics' in reply)) running = null;
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

  const dispatch = () => {
    timer = null;
    if (!newest) return;
    if (running !== null && worker) {
      worker.terminate();
      worker = null;
    }
    worker ??= start();
    running = newest.revision;
    worker.postMessage(newest);
  };

  return {
    request(request) {
      newest = request;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(dispatch, delayMs);
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      worker?.terminate();
      worker = null;
      newest = null;
    },
  };
}
