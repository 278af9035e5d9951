import { useEffect } from 'react';
import type { Flow } from '../../flows/index.ts';
import { flowOnCanvas, useDocumentStore } from '../stores/document-store.ts';
import { useLanguageStore } from '../stores/language-store.ts';
import { useProblemsStore } from '../stores/problems-store.ts';
import type { CheckMessage, CheckReply } from './check-protocol.ts';
import { flowJson } from './flow-json.ts';
import { createLiveCheck, type CheckWorker, type CheckWorkerEvents } from './live-check.ts';

/** Long enough to check a burst of typing once, short enough that problems follow an edit at once. */
const quietMs = 60;

/** The flow being worked on: the one the canvas shows. */
function workingFlow(): Flow | null {
  return flowOnCanvas(useDocumentStore.getState());
}

function spawnCheckWorker(events: CheckWorkerEvents): CheckWorker {
  // Vite bundles the worker as a file of its own next to the page's scripts, loaded from the same
  // origin (app://amana/ on the desktop, http://127.0.0.1:<port>/ in the browser): `worker-src 'self'`.
  const worker = new Worker(new URL('./check.worker.ts', import.meta.url), { type: 'module', name: 'amana-check' });
  worker.onmessage = (event: MessageEvent<CheckReply>) => events.reply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    events.failure(event.message || 'The check worker stopped.');
  };
  return {
    postMessage: ({ revision, flow, language }) => {
      const message: CheckMessage = { revision, flowText: flowJson(flow), language };
      worker.postMessage(message);
    },
    terminate: () => worker.terminate(),
  };
}

/**
 * Keeps the Problems store in step with the working flow: every edit (and every change of the
 * interface language, since messages are worded in it) is checked in the worker once edits pause.
 */
export function useLiveCheck(): void {
  useEffect(() => {
    const problems = useProblemsStore.getState();
    let revision = 0;
    const flows = new Map<number, Flow>();
    const live = createLiveCheck({
      spawn: spawnCheckWorker,
      delayMs: quietMs,
      onResult: (reply) => {
        // Only the newest revision's replies arrive here, so older flows can go.
        for (const older of flows.keys()) if (older < reply.revision) flows.delete(older);
        const flow = flows.get(reply.revision);
        if (!flow) return;
        if ('failure' in reply) problems.failed(reply.failure);
        else if ('diagnostics' in reply) problems.checked(flow, reply.diagnostics);
        else problems.fixesFound(flow, new Map(reply.fixes));
      },
    });
    let lastFlow: Flow | null = null;
    let lastLanguage = useLanguageStore.getState().language;
    const check = () => {
      const flow = workingFlow();
      const language = useLanguageStore.getState().language;
      if (flow === lastFlow && language === lastLanguage) return;
      const opened = flow?.id !== lastFlow?.id;
      lastFlow = flow;
      lastLanguage = language;
      if (!flow) return problems.cleared();
      if (opened) problems.cleared();
      revision += 1;
      flows.set(revision, flow);
      problems.checking();
      live.request({ revision, flow, language });
    };
    check();
    const unsubscribeDocument = useDocumentStore.subscribe(check);
    const unsubscribeLanguage = useLanguageStore.subscribe(check);
    return () => {
      unsubscribeDocument();
      unsubscribeLanguage();
      live.dispose();
    };
  }, []);
}
