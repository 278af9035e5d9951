// The Tests panel's worker: runs the transcript tests off the page's thread, so a long suite never
// blocks editing. zod must not compile with eval here either (the CSP forbids it): configured first.
import '../zod-without-eval.ts';
import { runAll, type TestRunRequest } from './run-all.ts';

self.onmessage = (event: MessageEvent<TestRunRequest>) => {
  self.postMessage(runAll(event.data));
};
