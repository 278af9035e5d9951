import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clinicBooking } from '../../test/fixtures/flows.ts';
import type { CheckReply, CheckRequest } from './check-protocol.ts';
import { createLiveCheck, type CheckWorker, type CheckWorkerEvents } from './live-check.ts';

/** A worker that answers only when the test says so, recording what it was asked. */
class HeldWorker implements CheckWorker {
  received: CheckRequest[] = [];
  terminated = false;
  constructor(readonly events: CheckWorkerEvents) {}
  postMessage(request: CheckRequest) {
    this.received.push(request);
  }
  terminate() {
    this.terminated = true;
  }
  /** Sends the findings, then (unless told to stop there) the fixes that end the run. */
  answer(revision: number, { fixes = true } = {}) {
    if (this.terminated) return;
    this.events.reply({ revision, diagnostics: [] });
    if (fixes) this.events.reply({ revision, fixes: [] });
  }
}

const flow = clinicBooking();
const ask = (revision: number): CheckRequest => ({ revision, flow, language: 'en' });

describe('the live check', () => {
  let workers: HeldWorker[];
  let results: CheckReply[];
  let live: ReturnType<typeof createLiveCheck>;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    results = [];
    live = createLiveCheck({
      spawn: (events) => {
        const worker = new HeldWorker(events);
        workers.push(worker);
        return worker;
      },
      delayMs: 60,
      onResult: (reply) => results.push(reply),
    });
  });
  afterEach(() => {
    live.dispose();
    vi.useRealTimers();
  });

  it('checks the first edit at once, and the rest of a burst once, when the edits pause', () => {
    live.request(ask(1));
    expect(workers).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(workers.map((worker) => worker.received.map((r) => r.revision))).toEqual([[1]]);
    workers[0]?.answer(1);
    vi.advanceTimersByTime(30);
    live.request(ask(2));
    vi.advanceTimersByTime(30);
    live.request(ask(3));
    vi.advanceTimersByTime(59);
    expect(workers[0]?.received.map((r) => r.revision)).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(workers.map((worker) => worker.received.map((r) => r.revision))).toEqual([[1, 3]]);
    workers[0]?.answer(3);
    expect(results).toEqual([
      { revision: 1, diagnostics: [] },
      { revision: 1, fixes: [] },
      { revision: 3, diagnostics: [] },
      { revision: 3, fixes: [] },
    ]);
    // After a pause, the next edit is checked at once again.
    vi.advanceTimersByTime(60);
    live.request(ask(4));
    vi.advanceTimersByTime(0);
    expect(workers[0]?.received.map((r) => r.revision)).toEqual([1, 3, 4]);
  });

  it('cancels a run that an edit made stale and keeps only the newest result', () => {
    live.request(ask(1));
    vi.advanceTimersByTime(60);
    live.request(ask(2));
    vi.advanceTimersByTime(60);
    expect(workers[0]?.terminated).toBe(true);
    expect(workers[1]?.received.map((r) => r.revision)).toEqual([2]);
    workers[0]?.answer(1);
    workers[1]?.answer(2);
    expect(results.map((r) => r.revision)).toEqual([2, 2]);
  });

  it('keeps the worker when a newer edit arrives while it verifies fixes, and drops the older fixes', () => {
    live.request(ask(1));
    vi.advanceTimersByTime(60);
    workers[0]?.answer(1, { fixes: false });
    live.request(ask(2));
    vi.advanceTimersByTime(60);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
    expect(workers[0]?.received.map((r) => r.revision)).toEqual([1, 2]);
    workers[0]?.events.reply({ revision: 1, fixes: [] });
    workers[0]?.answer(2);
    expect(results.map((r) => [r.revision, 'fixes' in r])).toEqual([
      [1, false],
      [2, false],
      [2, true],
    ]);
  });

  it('drops a result that arrives after a newer edit was made, and keeps one worker between checks', () => {
    live.request(ask(1));
    vi.advanceTimersByTime(60);
    live.request(ask(2));
    workers[0]?.answer(1);
    expect(results).toEqual([]);
    vi.advanceTimersByTime(60);
    workers[0]?.answer(2);
    expect(workers).toHaveLength(1);
    expect(results.map((r) => r.revision)).toEqual([2, 2]);
  });

  it('reports a worker that failed as a failed check of the newest document and starts afresh', () => {
    live.request(ask(1));
    vi.advanceTimersByTime(60);
    workers[0]?.events.failure('could not load');
    expect(results).toEqual([{ revision: 1, failure: 'could not load' }]);
    live.request(ask(2));
    vi.advanceTimersByTime(60);
    expect(workers).toHaveLength(2);
  });
});
