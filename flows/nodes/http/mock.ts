import type { Flow } from '../../model/schema.ts';
import type { EngineEvent } from '../events.ts';

/**
 * The answer a simulated recipient gives an http node: the node's `mock` (status 200 when it
 * sets none), or a 200 with an empty body when the node has no mock (DESIGN.md §4).
 */
export function mockResponse(flow: Flow, nodeId: string): Extract<EngineEvent, { type: 'http-response' }> {
  const node = flow.nodes.find((candidate) => candidate.id === nodeId);
  const mock = node?.type === 'http' ? node.mock : undefined;
  return { type: 'http-response', status: mock?.status ?? 200, body: mock?.body ?? null };
}
