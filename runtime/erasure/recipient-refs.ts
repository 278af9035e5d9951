import { createHmac } from 'node:crypto';
import type { EngineEffect, EngineEvent, JsonValue } from '../../flows/engine/index.ts';
import { eraseRouteKeys, fillEraseRoute, type Flow } from '../../flows/index.ts';
import type { Keyring } from '../crypto/keyring.ts';
import { openFor, sealFor, type Sealer } from '../crypto/person-keys.ts';
import type { EraseRequest, RecipientRefRow, TurnOp } from '../store/storage.ts';

type CallHttp = Extract<EngineEffect, { type: 'call-http' }>;
type HttpResponse = Extract<EngineEvent, { type: 'http-response' }>;

/** What a recipient returned to erase a person's record by (e.g. `{ lead_id: "L-1" }`), opened. */
export interface RecipientRefs {
  recipient: string;
  refs: Record<string, JsonValue>;
  complete: boolean;
}

/**
 * The call an erase request makes, as sealed under the erase-request key: its headers hold the
 * route's `{{secret.NAME}}` placeholders, filled from the bot's settings only as it is sent
 * (../outbox/erasure-caller.ts). Requests sealed before routes had headers have none.
 */
export interface EraseCall {
  method: string;
  url: string;
  headers?: Record<string, string>;
}

/**
 * What the bot keeps after a request to a recipient that has an erase route: that the person's
 * personal data reached it, and the values its route reads, as they stand after the response was
 * saved (DESIGN.md §2: only keys the recipient returned, which the checker proves). Nothing when
 * the request carried no personal value, or no response came (nothing is known to have arrived).
 */
export function recipientRefOp(
  flow: Flow,
  call: CallHttp,
  response: HttpResponse,
  variables: Readonly<Record<string, JsonValue>>,
  sealer: Sealer,
  at: number,
): { op: Extract<TurnOp, { op: 'recipient-ref' }>; opened: RecipientRefs } | undefined {
  if (call.shared.length === 0 || response.status === 0) return undefined;
  const route = flow.recipients.find((recipient) => recipient.id === call.recipient)?.erase;
  if (!route) return undefined;
  const keys = eraseRouteKeys(route);
  const refs: Record<string, JsonValue> = {};
  for (const key of keys) {
    const value = Object.prototype.hasOwnProperty.call(variables, key) ? variables[key] : undefined;
    if (value !== undefined && value !== null) refs[key] = value;
  }
  const complete = Object.keys(refs).length === keys.length;
  return {
    op: {
      op: 'recipient-ref',
      recipient: call.recipient,
      refs: sealFor(sealer, `recipient-ref:${call.recipient}`, refs),
      digest: refsDigest(sealer, call.recipient, refs),
      complete,
      at,
    },
    opened: { recipient: call.recipient, refs, complete },
  };
}

/**
 * The conversation's values once a response was saved, before anything the same step went on to
 * erase: the values before it, with what the step collected up to its first erasure (a request
 * followed at once by an Erase data step must still leave the reference to erase by).
 */
export function valuesAfterResponse(
  before: Readonly<Record<string, JsonValue>>,
  effects: readonly EngineEffect[],
): Record<string, JsonValue> {
  const values = { ...before };
  for (const effect of effects) {
    if (effect.type === 'erase') break;
    if (effect.type === 'collect' && isJsonValue(effect.value)) values[effect.key] = effect.value;
  }
  return values;
}

/** Opens the stored references of one person (their key is still there: this runs before the erasure). */
export function openRecipientRefs(rows: readonly RecipientRefRow[], sealer: Sealer): RecipientRefs[] {
  return rows.map((row) => {
    const refs = openFor(sealer, `recipient-ref:${row.recipient}`, row.refs);
    return { recipient: row.recipient, refs: isRecord(refs) ? refs : {}, complete: row.complete };
  });
}

/**
 * The erase requests an erasure queues: for each recipient the person's data reached, one call per
 * distinct record it returned, filled from the references and sealed under the erase-request key
 * (the person's key goes with the erasure). A recipient that returned no reference, or whose route
 * the flow no longer has, is listed without a call, so the ledger says it could not be asked.
 */
export function eraseRequestsFor(
  flow: Flow,
  received: readonly RecipientRefs[],
  keyring: Keyring,
  subject: Buffer,
): EraseRequest[] {
  const requests: EraseRequest[] = [];
  const recipients = [...new Set(received.map((entry) => entry.recipient))];
  for (const recipient of recipients) {
    const route = flow.recipients.find((candidate) => candidate.id === recipient)?.erase;
    if (!route) {
      requests.push({ recipient, problem: 'no erase route' });
      continue;
    }
    const calls = new Set<string>();
    for (const entry of received) {
      if (entry.recipient !== recipient || !entry.complete) continue;
      const filled = fillEraseRoute(route, (key) => entry.refs[key]);
      if ('missing' in filled) continue;
      const call: EraseCall = { method: filled.method, url: filled.url, headers: filled.headers };
      const same = JSON.stringify(call);
      if (calls.has(same)) continue;
      calls.add(same);
      requests.push({ recipient, request: keyring.sealEraseRequest(call, subject, recipient) });
    }
    if (calls.size === 0) requests.push({ recipient, problem: 'no reference' });
  }
  return requests;
}

/** Tells references apart without opening them: a keyed hash under the person's own key, gone with it. */
function refsDigest(sealer: Sealer, recipient: string, refs: Record<string, JsonValue>): Buffer {
  return createHmac('sha256', sealer.key)
    .update(`recipient-ref\0${recipient}\0${JSON.stringify(refs)}`)
    .digest();
}

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isJsonValue)
  );
}

/** What the engine stores is JSON (answers, responses, choices); anything else is not a reference. */
function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isJsonValue);
  return typeof value === 'object' && Object.values(value).every(isJsonValue);
}
