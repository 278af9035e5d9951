import { useStore } from 'zustand';
import { amana } from '../bridge/amana.ts';
import type { TestRunAnswer, TestRunRequest } from './run-all.ts';
import { createTestsStore, type TestsState } from './tests-store.ts';

let worker: Worker | null = null;
const waiting = new Map<number, (answer: TestRunAnswer) => void>();

/** Runs tests in one Web Worker kept for the page's life; answers are matched to requests by run number. */
function inWorker(request: TestRunRequest): Promise<TestRunAnswer> {
  if (!worker) {
    worker = new Worker(new URL('./run-tests.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<TestRunAnswer>) => {
      waiting.get(event.data.run)?.(event.data);
      waiting.delete(event.data.run);
    };
  }
  const running = worker;
  return new Promise((resolve) => {
    waiting.set(request.run, resolve);
    running.postMessage(request);
  });
}

export const testsStore = createTestsStore(amana, () => inWorker);

export function useTests<T>(selector: (state: TestsState) => T): T {
  return useStore(testsStore, selector);
}
