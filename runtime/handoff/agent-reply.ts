import { openFor, type PersonKeys } from '../crypto/person-keys.ts';
import type { HandoffRow, Storage } from '../store/storage.ts';

/**
 * An agent's reply is sealed in the handoff with the key it was sent with, if any (the desk page's,
 * or an integration's `Idempotency-Key` through the admin API), so that a reply sent again is not
 * sent twice: the key is bookkeeping, sealed with the message so that it is erased with the
 * customer's data. What follows reads it back, and shows a message without it.
 */

/**
 * A handoff message as it was said — what the customer wrote, what the agent answered — without the
 * bot's bookkeeping: what the desk, the admin API and a person's data export show.
 */
export function saidContent(content: unknown): unknown {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return content;
  return Object.fromEntries(Object.entries(content).filter(([name]) => name !== 'key'));
}

/** The text of the agent's reply held in this handoff with `key`, or undefined when none was sent with it. */
export async function replySentWithKey(
  options: { store: Pick<Storage, 'handoffMessages'>; keys: PersonKeys },
  handoff: HandoffRow,
  key: string,
): Promise<{ text: unknown } | undefined> {
  const sealer = options.keys.of(handoff.person);
  for (const message of await options.store.handoffMessages(handoff.id)) {
    if (message.author !== 'agent') continue;
    const content: unknown = openFor(sealer, 'handoff-message', message.payload);
    if (typeof content === 'object' && content !== null && 'key' in content && content.key === key)
      return { text: 'text' in content ? content.text : undefined };
  }
  return undefined;
}

/**
 * An admin API reply's `Idempotency-Key` header (IETF draft-ietf-httpapi-idempotency-key-header): a
 * Structured Fields string of 1 to 255 visible ASCII characters (`"…"`, no escapes), or the same
 * characters unquoted, as many clients send it. The key is the first or the second group.
 */
export const idempotencyKeyPattern =
  '^(?:"([\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]{1,255})"|([\\x21\\x23-\\x5b\\x5d-\\x7e]{1,255}))$';
