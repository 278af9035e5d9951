import { openFor } from '../crypto/person-keys.ts';
import { conversationsApi } from './access-reasons.ts';
import { replySentWithKey, saidContent } from '../handoff/agent-reply.ts';
import { handoffCall } from '../handoff/handoff-ref.ts';
import type { HandoffMessageRow, HandoffRow } from '../store/storage.ts';
import { seesQueue } from './accounts.ts';
import { answer, jsonBody, stringField } from './requests.ts';
import type { SignedIn } from './route.ts';

/**
 * WhatsApp accepts a free-form message only within 24 hours of the customer's last message (the
 * customer service window, Cloud API "Send messages" guide); after that only a template may go,
 * and the Graph API fails the send with error 131047. The desk refuses a late reply itself.
 */
const serviceWindowMs = 24 * 60 * 60 * 1000;

/**
 * While a conversation stays open on an agent's screen it is read again every few seconds; the
 * access log records the view when it is opened and again at most this often while it stays open.
 */
const viewRecordMs = 5 * 60 * 1000;

const recentViews = new Map<string, number>();

/**
 * The queue and one conversation, for the signed-in account: agents see their queues only (any
 * other conversation is 403, and the refusal is logged), supervisors every queue.
 */
export async function conversationRoutes(desk: SignedIn, api: string, method: string): Promise<boolean> {
  const { options, response, agent } = desk;
  if (api === 'conversations' && method === 'GET') {
    const handoffs = (await options.store.openHandoffs()).filter((handoff) => seesQueue(agent, handoff.queue));
    const now = options.clock();
    const items = await Promise.all(
      handoffs.map(async (handoff) => {
        const messages = await options.store.handoffMessages(handoff.id);
        return {
          ref: handoff.ref,
          queue: handoff.queue,
          since: handoff.createdAt,
          waitingMs: Math.max(0, now - lastCustomerAt(handoff, messages)),
          window: serviceWindow(handoff, messages, now),
          messageCount: messages.length,
        };
      }),
    );
    answer(response, 200, { now, conversations: items, queues: agent.role === 'supervisor' ? null : agent.queues });
    return true;
  }
  const call = handoffCall(api, conversationsApi);
  if (!call) return false;
  const { ref, action } = call;
  if (!((method === 'GET' && !action) || (method === 'POST' && action))) return false;
  const handoff = await options.store.handoff(ref);
  if (!handoff) {
    answer(response, 404, { error: 'gone' });
    return true;
  }
  if (!seesQueue(agent, handoff.queue)) {
    await desk.record('forbidden', 'refused', ref);
    answer(response, 403, { error: 'forbidden' });
    return true;
  }
  if (!action) await show(desk, handoff);
  else if (action === 'release') await release(desk, handoff);
  else await reply(desk, handoff);
  return true;
}

async function show(desk: SignedIn, handoff: HandoffRow): Promise<void> {
  const { options, response, session } = desk;
  const now = options.clock();
  const key = `${session.tokenHash.toString('hex')}:${handoff.ref}`;
  const last = recentViews.get(key);
  if (last === undefined || now - last >= viewRecordMs || desk.url.searchParams.get('opened') === '1') {
    recentViews.set(key, now);
    forgetOldViews(now);
    await desk.record('view', 'ok', handoff.ref);
  }
  const sealer = options.keys.of(handoff.person);
  const shared = openFor(sealer, 'handoff', handoff.shared);
  const messages = await options.store.handoffMessages(handoff.id);
  const replies = await options.store.desk.replyStatuses(handoff.id);
  answer(response, 200, {
    now,
    ref: handoff.ref,
    queue: handoff.queue,
    since: handoff.createdAt,
    window: serviceWindow(handoff, messages, now),
    // Only what the flow shares with this queue: the handoff holds nothing else.
    fields: Object.entries(isRecord(shared) ? shared : {}).map(([key, value]) => ({
      key,
      label: options.flow.data.find((field) => field.key === key)?.label ??
        options.flow.variables.find((variable) => variable.key === key)?.label ?? { en: key },
      value,
    })),
    messages: messages.slice(-50).map((message) => ({
      id: message.id,
      author: message.author,
      at: message.at,
      content: saidContent(openFor(sealer, 'handoff-message', message.payload)),
      // A reply written through the admin API is not tracked: it shows as sent.
      ...(message.author === 'agent'
        ? { status: replies.find((reply) => reply.at === message.at)?.state ?? 'sent' }
        : {}),
    })),
  });
}

/**
 * A reply may carry the page's key for it (random, 32 hex digits): a reply whose key the handoff
 * already holds is not sent again, and is answered as queued. So an agent whose connection dropped
 * before the answer came can press Send again without the customer getting it twice. The key is
 * sealed with the agent's message (the customer's data: erased with them), and checked and written
 * while the person is held (`exclusive`, on a shared store claimed from other instances too).
 */
const replyKey = /^[0-9a-f]{32}$/;

async function reply(desk: SignedIn, handoff: HandoffRow): Promise<void> {
  const { options, response } = desk;
  const body = await jsonBody(desk.request);
  const text = stringField(body, 'text');
  const key = stringField(body, 'key');
  if (text === undefined || text.trim().length === 0 || [...text].length > 4096) {
    answer(response, 400, { error: 'bad-text' });
    return;
  }
  if (body?.['key'] !== undefined && (key === undefined || !replyKey.test(key))) {
    answer(response, 400, { error: 'bad-key' });
    return;
  }
  const now = options.clock();
  const window = serviceWindow(handoff, await options.store.handoffMessages(handoff.id), now);
  if (!window.open) {
    await desk.record('reply-refused', 'refused', handoff.ref);
    answer(response, 409, { error: 'window-closed', closedAt: window.closesAt });
    return;
  }
  const sent = await options.exclusive(handoff.personId, async () =>
    key !== undefined && (await replySentWithKey(options, handoff, key)) !== undefined
      ? ('again' as const)
      : options.reply(handoff, text, key),
  );
  if (sent === false) {
    answer(response, 409, { error: 'gone' });
    return;
  }
  // Sent before: nothing is done (nor logged) a second time.
  if (sent === 'again') {
    answer(response, 202, { queued: true, again: true });
    return;
  }
  if (sent.outboxId !== undefined) await options.store.desk.trackReply(handoff.id, sent.outboxId, sent.at);
  await desk.record('reply', 'ok', handoff.ref);
  answer(response, 202, { queued: true });
}

async function release(desk: SignedIn, handoff: HandoffRow): Promise<void> {
  const { options, response } = desk;
  const released = await options.exclusive(handoff.personId, () => options.release(handoff));
  if (!released) {
    answer(response, 409, { error: 'gone' });
    return;
  }
  await desk.record('release', 'ok', handoff.ref);
  answer(response, 200, { released: handoff.ref });
}

/** When the customer last wrote: their latest message in the handoff, or the one that started it. */
function lastCustomerAt(handoff: HandoffRow, messages: HandoffMessageRow[]): number {
  return messages.reduce(
    (latest, message) => (message.author === 'customer' ? Math.max(latest, message.at) : latest),
    handoff.createdAt,
  );
}

function serviceWindow(
  handoff: HandoffRow,
  messages: HandoffMessageRow[],
  now: number,
): { lastCustomerAt: number; closesAt: number; open: boolean } {
  const last = lastCustomerAt(handoff, messages);
  return { lastCustomerAt: last, closesAt: last + serviceWindowMs, open: now < last + serviceWindowMs };
}

function forgetOldViews(now: number): void {
  if (recentViews.size < 1000) return;
  for (const [key, at] of recentViews) if (now - at >= viewRecordMs) recentViews.delete(key);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
