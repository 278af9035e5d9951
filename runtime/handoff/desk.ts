import { isProtectedTransport, urlParts } from '../../flows/check/index.ts';
import type { Flow } from '../../flows/index.ts';

/**
 * A URL personal data may travel to: https, or http only to this very machine — the checker's
 * own rule (insecure-transfer), applied to a URL that parses.
 */
export function isSecureUrl(url: string): boolean {
  try {
    return isProtectedTransport(urlParts(new URL(url).href));
  } catch {
    return false;
  }
}

/**
 * The agent desk a handoff queue is forwarded to: the recipient whose id is the queue's, when it
 * declares a `url` the runtime may send personal data to (see {@link isSecureUrl}).
 */
export function handoffDesk(flow: Flow, queue: string): { id: string; url: string } | undefined {
  const recipient = flow.recipients.find((candidate) => candidate.id === queue);
  return recipient?.url && isSecureUrl(recipient.url) ? { id: recipient.id, url: recipient.url } : undefined;
}
