import type { Flow } from '../../flows/index.ts';
import type { PersonKeys } from '../crypto/person-keys.ts';
import type { Storage } from '../store/storage.ts';
import { eraseRequestsFor, openRecipientRefs } from './recipient-refs.ts';

/**
 * Erases one person outside a conversation (`node server.js erase`, the agent desk): the calls
 * that ask recipients to erase what they received are prepared while the person's key still
 * opens their references, and queued in the erasure's own write. Says whether anyone was held
 * and how many recipients are to be told (or recorded as not reachable).
 */
export async function erasePerson(
  context: { flow: Flow; store: Storage; keys: PersonKeys },
  phone: string,
  at: number,
): Promise<{ erased: boolean; recipients: number }> {
  const { flow, store, keys } = context;
  const subject = keys.keyring.phoneHash(phone);
  const person = await store.findPerson(subject);
  const received = person ? openRecipientRefs(await store.recipientRefs(person.id), keys.of(person)) : [];
  const requests = eraseRequestsFor(flow, received, keys.keyring, subject);
  const erased = await store.erasePerson(subject, at, requests);
  if (person) keys.forget(person.id);
  return { erased, recipients: new Set(requests.map((request) => request.recipient)).size };
}
