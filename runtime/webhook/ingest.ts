import { sealFor, type PersonKeys } from '../crypto/person-keys.ts';
import type { InboxPayload } from '../conversation/processor.ts';
import type { IngestMessage, IngestResult, StatusRecord, Storage } from '../store/storage.ts';
import type { WebhookDelivery } from './payload.ts';

/**
 * Writes a verified delivery to the durable inbox: each message sealed for its sender (created on
 * first contact), deduplicated by the keyed hash of its WhatsApp id; statuses recorded by the keyed
 * hash of the message they are about. Resolves once it is committed.
 */
export function ingestDelivery(
  store: Storage,
  keys: PersonKeys,
  delivery: WebhookDelivery,
  receivedAt: number,
): Promise<IngestResult> {
  const messages: IngestMessage[] = delivery.messages.map((message) => {
    const payload: InboxPayload = {
      ...(message.name ? { name: message.name } : {}),
      timestamp: message.timestamp,
      content: message.content,
    };
    return {
      dedupeHash: keys.keyring.messageHash(message.id),
      phoneHash: keys.keyring.phoneHash(message.from),
      receivedAt,
      newPerson: () => keys.create(message.from).material,
      seal: (person) => sealFor(keys.of(person), 'inbox', payload),
    };
  });
  const statuses: StatusRecord[] = delivery.statuses.map((status) => ({
    messageHash: keys.keyring.messageHash(status.id),
    status: status.status,
    at: status.timestamp,
    ...(status.errorCode === undefined ? {} : { errorCode: status.errorCode }),
  }));
  return store.ingest(messages, statuses);
}
