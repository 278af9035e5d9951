import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Flow } from '../../flows/index.ts';
import { openFor, type PersonKeys } from '../crypto/person-keys.ts';
import { readBody } from '../http/body.ts';
import { respondJson } from '../http/respond.ts';
import type { Logger } from '../log.ts';
import { statsRange, statsReport } from '../stats/report.ts';
import type { HandoffRow, Storage } from '../store/storage.ts';
import { sameSecret } from '../webhook/signature.ts';
import { idempotencyKeyPattern, replySentWithKey, saidContent } from './agent-reply.ts';
import { handoffCall } from './handoff-ref.ts';
import { adminOpenApi } from './openapi.ts';

export interface AdminOptions {
  flow: Flow;
  /** Without a token the admin API does not exist (404). */
  token?: string;
  store: Pick<Storage, 'counts' | 'openHandoffs' | 'handoff' | 'handoffMessages' | 'statsCounts'>;
  keys: PersonKeys;
  log: Logger;
  clock: () => number;
  /** Runs work after the person's turns under way (see InboxWorker.exclusive). */
  exclusive<T>(personId: number, work: () => Promise<T>): Promise<T>;
  /** Each resolves to false when the conversation was no longer waiting. */
  release(handoff: HandoffRow): Promise<boolean>;
  /** `key`: kept sealed with the reply, so that the same key is not sent twice (./agent-reply.ts). */
  reply(handoff: HandoffRow, text: string, key?: string): Promise<boolean>;
}

const maxAdminBody = 64 * 1024;
const gone = { status: 409, body: { error: 'that conversation is no longer waiting for a person' } };

/**
 * The admin API, behind `Authorization: Bearer <ADMIN_TOKEN>` (compared in constant time):
 *
 * - `GET  /admin/handoffs` — conversations waiting for a person, with the fields the flow shares;
 * - `GET  /admin/handoffs/{ref}` — one of them, with the messages written since;
 * - `POST /admin/handoffs/{ref}/reply` `{"text": "…"}` — write to the customer as the agent; with an
 *   `Idempotency-Key` header, the same key again is answered 202 `{"again": true}` without sending,
 *   and the same key with another text is refused with 422;
 * - `POST /admin/handoffs/{ref}/release` — give the conversation back to the bot;
 * - `GET  /admin/status` — queue sizes;
 * - `GET  /admin/stats?from=YYYY-MM-DD&to=YYYY-MM-DD` — conversations per step and day, consent per
 *   purpose, small counts suppressed (../stats/report.ts);
 * - `GET  /admin/openapi.json` — this API described in OpenAPI 3.1 (./openapi.ts), without a token.
 *
 * Every access, allowed or not, is logged (route and outcome; never values).
 */
export function adminRoute(options: AdminOptions) {
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (request.method === 'GET' && url.pathname === '/admin/openapi.json')
      return respondJson(response, 200, adminOpenApi(options.flow));
    const route = routeOf(request.method ?? '', url.pathname);
    const audit = (status: number, authorized: boolean, handoff?: string) =>
      options.log.info('admin-access', {
        method: request.method,
        route: route?.name ?? 'unknown',
        status,
        authorized,
        handoff,
      });
    if (!options.token) {
      audit(404, false);
      return respondJson(response, 404, { error: 'the admin API is off: set ADMIN_TOKEN' });
    }
    const header = request.headers.authorization ?? '';
    // RFC 9110 §11.1: the scheme name is case-insensitive (`bearer`, `BEARER`).
    const given = /^bearer +(\S+) *$/i.exec(header)?.[1];
    if (given === undefined || !sameSecret(given, options.token)) {
      audit(401, false);
      return respondJson(
        response,
        401,
        { error: 'unauthorized' },
        { 'www-authenticate': 'Bearer realm="amana-admin"' },
      );
    }
    if (!route) {
      audit(404, true);
      return respondJson(response, 404, { error: 'no such admin route' });
    }
    let result: { status: number; body: unknown };
    try {
      result = await handle(options, request, route, url);
    } catch (error) {
      // A failure is audited too: the access happened, whatever became of it.
      audit(500, true, route.ref);
      throw error;
    }
    audit(result.status, true, route.ref);
    respondJson(response, result.status, result.body);
  };
}

interface Route {
  name: 'list' | 'show' | 'reply' | 'release' | 'status' | 'stats';
  ref?: string;
}

function routeOf(method: string, path: string): Route | undefined {
  if (method === 'GET' && path === '/admin/handoffs') return { name: 'list' };
  if (method === 'GET' && path === '/admin/status') return { name: 'status' };
  if (method === 'GET' && path === '/admin/stats') return { name: 'stats' };
  const call = handoffCall(path, '/admin/handoffs/');
  if (!call) return undefined;
  if (method === 'GET' && !call.action) return { name: 'show', ref: call.ref };
  if (method === 'POST' && call.action) return { name: call.action, ref: call.ref };
  return undefined;
}

async function handle(
  options: AdminOptions,
  request: IncomingMessage,
  route: Route,
  url: URL,
): Promise<{ status: number; body: unknown }> {
  const { store } = options;
  if (route.name === 'status') return { status: 200, body: await store.counts() };
  if (route.name === 'stats') {
    const param = (name: string) => url.searchParams.get(name) ?? undefined;
    const range = statsRange(param('from'), param('to'), options.clock());
    if (!range.ok)
      return {
        status: 400,
        body: {
          error:
            range.problem === 'bad-date'
              ? 'from and to are days written YYYY-MM-DD'
              : 'from must not be after to, and one report covers at most 366 days',
        },
      };
    return { status: 200, body: await statsReport(store, options.flow, range.from, range.to) };
  }
  if (route.name === 'list') {
    const handoffs = await store.openHandoffs();
    return {
      status: 200,
      body: { handoffs: await Promise.all(handoffs.map((handoff) => describe(options, handoff, false))) },
    };
  }
  const handoff = route.ref ? await store.handoff(route.ref) : undefined;
  if (!handoff) return { status: 404, body: { error: 'no waiting conversation with that id' } };
  if (route.name === 'show') return { status: 200, body: await describe(options, handoff, true) };
  if (route.name === 'release') {
    const released = await options.exclusive(handoff.personId, () => options.release(handoff));
    return released ? { status: 200, body: { released: handoff.ref } } : gone;
  }
  const read = await readBody(request, maxAdminBody);
  if (!read.ok) return { status: 413, body: { error: 'body too large' } };
  const text = replyText(read.body);
  if (text === undefined) return { status: 400, body: { error: 'send {"text": "…"} with 1 to 4096 characters' } };
  // Node joins repeated headers with ", ", which no key holds: two keys are refused as malformed.
  const key = idempotencyKey(request.headers['idempotency-key']);
  if (key === null) return { status: 400, body: { error: idempotencyKeyShape } };
  // Checked and written while the person is held, as a turn is: two requests with one key send once.
  const sent = await options.exclusive(handoff.personId, async () => {
    const earlier = key === undefined ? undefined : await replySentWithKey(options, handoff, key);
    if (earlier) return earlier.text === text ? ('again' as const) : ('other-text' as const);
    return options.reply(handoff, text, key);
  });
  if (sent === 'again') return { status: 202, body: { queued: true, again: true } };
  if (sent === 'other-text') return { status: 422, body: { error: idempotencyKeyReused } };
  return sent ? { status: 202, body: { queued: true } } : gone;
}

/**
 * The reply's `Idempotency-Key` (see {@link idempotencyKeyPattern}), kept as `admin:<key>`: apart
 * from the desk's keys (32 hex digits, no colon). Undefined without the header; null when malformed.
 */
function idempotencyKey(header: string | string[] | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  if (Array.isArray(header)) return null;
  const match = idempotencyKeyShaped.exec(header);
  const value = match?.[1] ?? match?.[2];
  return value === undefined ? null : `admin:${value}`;
}

const idempotencyKeyShaped = new RegExp(idempotencyKeyPattern);
const idempotencyKeyShape =
  'Idempotency-Key must be 1 to 255 visible ASCII characters (no quote or backslash), quoted or not, e.g. a UUID';
/**
 * The draft's answer to a key used again for another request: 422, the request is well formed but
 * cannot be processed as asked (409 would say the conversation's state is in the way, which it is not).
 */
const idempotencyKeyReused =
  'this Idempotency-Key was already used for a reply with another text: nothing was sent; use a new key for a new reply';

async function describe(
  options: AdminOptions,
  handoff: HandoffRow,
  withMessages: boolean,
): Promise<Record<string, unknown>> {
  const sealer = options.keys.of(handoff.person);
  const shared = openFor(sealer, 'handoff', handoff.shared);
  const messages = await options.store.handoffMessages(handoff.id);
  const labels = Object.fromEntries(options.flow.data.map((field) => [field.key, field.label]));
  return {
    ref: handoff.ref,
    queue: handoff.queue,
    node: handoff.nodeId,
    since: new Date(handoff.createdAt).toISOString(),
    shared,
    labels: Object.fromEntries(Object.keys(isRecord(shared) ? shared : {}).map((key) => [key, labels[key]])),
    messageCount: messages.length,
    ...(withMessages
      ? {
          messages: messages.map((message) => ({
            author: message.author,
            at: new Date(message.at).toISOString(),
            content: saidContent(openFor(sealer, 'handoff-message', message.payload)),
          })),
        }
      : {}),
  };
}

function replyText(body: Buffer): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    const text = isRecord(parsed) ? parsed['text'] : undefined;
    return typeof text === 'string' && text.trim().length > 0 && [...text].length <= 4096 ? text : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
