import { leave, waitFor, type Behaviour } from '../behaviour.ts';
import { readJsonPath } from './json-path.ts';
import { buildRequest, responseBody } from './request.ts';
import type { HttpNode } from './schema.ts';

/**
 * Asks the host to call the recipient (`call-http`, see ./request.ts for what is sent) and waits
 * for its `http-response`. A status of 400 or more, a failed request (status 0) or a timeout
 * leaves by `error`; otherwise each `saveResponse` path is read from the body (JSON text is
 * parsed) and stored — consent-based keys only with consent — and the node leaves by `ok`.
 */
export const httpBehaviour: Behaviour<HttpNode> = {
  enter(node, conversation) {
    const request = buildRequest(node, conversation);
    conversation.emit({ type: 'call-http', nodeId: node.id, recipient: node.recipient, ...request });
    return waitFor('http');
  },
  resume(node, event, conversation) {
    if (event.type === 'timeout') return leave('error');
    if (event.type !== 'http-response') return waitFor('http');
    if (event.status === 0 || event.status >= 400 || event.error !== undefined) return leave('error');
    const body = typeof event.body === 'string' ? responseBody(event.body) : event.body;
    for (const mapping of node.saveResponse ?? []) {
      const value = readJsonPath(body, mapping.from);
      if (value !== undefined) conversation.store(node.id, mapping.to, value);
    }
    return leave('ok');
  },
};
