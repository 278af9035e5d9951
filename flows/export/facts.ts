import type { Flow, Recipient } from '../model/schema.ts';
import { inLanguage } from '../i18n/lang-text.ts';

/**
 * Retention the exported bot applies on its own, besides each field's `retentionDays`; the
 * runtime reads these numbers from here, so the documents state what it really does.
 */
export const runtimeRetention = {
  /** An unfinished conversation (and a handoff nobody took) is forgotten after a week without messages. */
  conversationIdleDays: 7,
  /** Keyed hashes of processed WhatsApp message ids, to ignore redeliveries (Meta retries for up to 7 days). */
  dedupeKeyDays: 8,
  /** Delivery statuses and records of messages that could not be sent (no content, no number). */
  operationalRecordDays: 30,
} as const;

/** The first keyword of each kind in a flow language (else in any language), to quote to customers. */
export function keywordsIn(flow: Flow, tag: string): { human?: string; erase?: string; stop?: string } {
  const pick = (kind: 'human' | 'erase' | 'stop') =>
    inLanguage(flow.keywords?.[kind], tag, flow.languages)?.[0] || undefined;
  const human = pick('human');
  const erase = pick('erase');
  const stop = pick('stop');
  return { ...(human ? { human } : {}), ...(erase ? { erase } : {}), ...(stop ? { stop } : {}) };
}

/** A declared recipient by id (an undeclared id is shown as itself). */
export function describeRecipient(
  flow: Flow,
  id: string,
): { id: string; name: string; country?: string; host?: string; url?: string } {
  const recipient = flow.recipients.find((candidate) => candidate.id === id);
  return recipient ?? { id, name: id };
}

/** Every key some handoff node passes to a person, in order of first appearance. */
export function handoffShares(flow: Flow): string[] {
  return [...new Set(flow.nodes.flatMap((node) => (node.type === 'handoff' ? node.share : [])))];
}

/** The keys each recipient receives, by http nodes (`sharedWith` declarations) and as a handoff desk. */
export function fieldsSharedWith(flow: Flow, recipientId: string): string[] {
  return flow.data.filter((field) => field.sharedWith?.includes(recipientId)).map((field) => field.key);
}

/**
 * Who is told of an erasure (DESIGN.md §2 `recipients[].erase`): the recipients with an erase route,
 * which the bot asks itself, and those that receive personal data without one, which the
 * controller must tell by other means (GDPR art. 19; LGPD art. 18 §6).
 */
export function erasureRecipients(flow: Flow): { told: Recipient[]; notTold: Recipient[] } {
  return {
    told: flow.recipients.filter((recipient) => recipient.erase),
    notTold: flow.recipients.filter((recipient) => !recipient.erase && fieldsSharedWith(flow, recipient.id).length > 0),
  };
}
