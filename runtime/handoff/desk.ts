import { declaredHost, isProtectedTransport, refusalToSend, urlTarget } from '../../flows/check/index.ts';
import type { Flow } from '../../flows/index.ts';

/**
 * A URL personal data may travel to: https, or http only to this very machine — the checker's
 * own rule (insecure-transfer), applied to the URL as WHATWG `URL` reads it.
 */
export function isSecureUrl(url: string): boolean {
  return isProtectedTransport(urlTarget(url));
}

/**
 * The agent desk a handoff queue is forwarded to: the recipient whose id is the queue's, when it
 * declares a `url` the runtime may send personal data to (see {@link isSecureUrl}) and, when it
 * declares a `host` too, that URL is on it (the checker's undeclared-sharing, as for requests).
 */
export function handoffDesk(flow: Flow, queue: string): { id: string; url: string } | undefined {
  const recipient = flow.recipients.find((candidate) => candidate.id === queue);
  if (!recipient?.url || refusalToSend(recipient.url, declaredHost(recipient)) !== undefined) return undefined;
  return { id: recipient.id, url: recipient.url };
}
