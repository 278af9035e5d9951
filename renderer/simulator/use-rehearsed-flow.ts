import { useEffect } from 'react';
import { attempt } from '../commands/report-failure.ts';
import { flowOnCanvas, useDocumentStore } from '../stores/document-store.ts';
import { testsStore } from '../tests/tests-store-instance.ts';
import { simulatorStore } from './simulator-store.ts';

/**
 * Keeps the simulator on the working copy (every edit reaches the running rehearsal) and the
 * tests on the open flow's.
 */
export function useRehearsedFlow(): void {
  const flow = useDocumentStore(flowOnCanvas);
  useEffect(() => simulatorStore.getState().flowChanged(flow), [flow]);
  const flowId = flow?.id ?? null;
  useEffect(() => {
    if (flowId) void attempt(() => testsStore.getState().load(flowId));
  }, [flowId]);
}
