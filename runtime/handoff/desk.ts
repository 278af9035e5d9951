import { loopbackHosts } from '../../flows/check/urls.ts';
import type { Flow } from '../../flows/model/schema.ts';

/** A URL personal data may travel to: https, or http only to this very machine. */
export function isSecureUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopbackHosts.has(parsed.hostname));
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
