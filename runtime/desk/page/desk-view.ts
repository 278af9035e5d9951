import { closestUiLanguage } from '../../../flows/i18n/index.ts';
import { api, list, num, requestKey, text, unreachable } from './api.ts';
import { h, show, withNames } from './dom.ts';
import type { Page } from './main.ts';
import type { DeskKey } from './texts.ts';

/** New conversations and messages appear without reloading: the desk asks the bot this often. */
const pollMs = 3000;

/**
 * The queue (conversations waiting, how long, how long is left to reply) and the open conversation:
 * the fields the flow shares with its queue, the messages since the handoff with each reply's
 * delivery status, the reply box (closed once WhatsApp's 24-hour window is over) and release.
 */
export async function deskView(page: Page, main: HTMLElement): Promise<void> {
  const queue = h('section', { class: 'queue', 'aria-labelledby': 'queue-heading' });
  const conversation = h('section', { class: 'conversation', 'aria-live': 'off' });
  show(main, h('div', { class: 'desk' }, queue, conversation));
  let open = new URLSearchParams(location.search).get('c') ?? undefined;
  // What the agent is writing, kept here (not in the box, which is drawn again as messages come).
  const draft: Draft = { text: '' };
  let firstOpen = true;
  let shownSignature = '';
  let shownQueue = '';

  const refreshQueue = async () => {
    const answer = await api('GET', 'conversations');
    page.reached(answer.status !== unreachable);
    if (answer.status === unreachable) return;
    if (answer.status === 401) return page.refresh();
    const items = list(answer.body['conversations']);
    const now = num(answer.body['now']);
    // Drawn again only when something changed (or the minute did), and the conversation the
    // keyboard was on keeps the focus: the list is asked for every few seconds.
    const signature = JSON.stringify([items, open, Math.floor(now / 60_000)]);
    if (signature === shownQueue) return;
    shownQueue = signature;
    const focused = queue.contains(document.activeElement) ? document.activeElement?.getAttribute('data-ref') : null;
    show(
      queue,
      h('h1', { id: 'queue-heading', tabindex: '-1' }, page.t('queue-heading')),
      items.length === 0
        ? h('p', { class: 'empty' }, page.t('queue-empty'))
        : h(
            'ul',
            {},
            items.map((item) => {
              const ref = text(item['ref']);
              const window = record(item['window']);
              const left = num(window['closesAt']) - now;
              return h(
                'li',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'open-conversation',
                    'aria-current': ref === open ? 'true' : undefined,
                    'data-ref': ref,
                    onclick: () => {
                      if (ref !== open) forget(draft);
                      shownQueue = '';
                      open = ref;
                      firstOpen = true;
                      history.replaceState(null, '', `/desk/?c=${encodeURIComponent(ref)}`);
                      void refreshQueue();
                      void refreshConversation();
                    },
                  },
                  h(
                    'span',
                    { class: 'queue-name' },
                    withNames(
                      (params) => page.t('queue-item', { ...params, waited: duration(page, num(item['waitingMs'])) }),
                      { queue: text(item['queue']) },
                    ),
                  ),
                  h(
                    'span',
                    { class: left > 0 ? 'window' : 'window closed' },
                    left > 0
                      ? page.t('window-left-short', { time: duration(page, left) })
                      : page.t('window-closed-short'),
                  ),
                ),
              );
            }),
          ),
    );
    if (focused)
      for (const button of queue.querySelectorAll<HTMLElement>('.open-conversation'))
        if (button.dataset['ref'] === focused) button.focus();
  };

  const refreshConversation = async () => {
    if (!open) {
      show(conversation, h('p', { class: 'empty' }, page.t('open-hint')));
      return;
    }
    const ref = open;
    const answer = await api('GET', `conversations/${encodeURIComponent(ref)}${firstOpen ? '?opened=1' : ''}`);
    page.reached(answer.status !== unreachable);
    if (answer.status === unreachable) return;
    firstOpen = false;
    if (ref !== open) return;
    if (answer.status === 401) return page.refresh();
    if (answer.status !== 200) {
      shownSignature = '';
      show(
        conversation,
        h('p', { class: 'empty', role: 'alert' }, page.t(answer.status === 403 ? 'forbidden' : 'gone')),
      );
      return;
    }
    // Drawn again only when something changed (or the minute did), so keyboard focus stays put.
    const signature = JSON.stringify([
      answer.body['ref'],
      answer.body['messages'],
      answer.body['fields'],
      answer.body['window'],
      Math.floor(num(answer.body['now']) / 60_000),
    ]);
    if (signature === shownSignature) return;
    shownSignature = signature;
    // Focus stays where it was (the box, Send, Give back) when the conversation is drawn again.
    const focused = conversation.contains(document.activeElement) ? document.activeElement?.id : undefined;
    show(
      conversation,
      ...conversationParts(page, answer.body, draft, {
        sent: () => {
          forget(draft);
          shownSignature = '';
          void refreshConversation();
        },
        released: () => {
          open = undefined;
          forget(draft);
          history.replaceState(null, '', '/desk/');
          page.notify(page.t('released'));
          // The button that had the focus is gone: the keyboard goes back to the list.
          void refreshQueue().then(() => document.getElementById('queue-heading')?.focus());
          void refreshConversation();
        },
      }),
    );
    if (focused) document.getElementById(focused)?.focus();
  };

  await Promise.all([refreshQueue(), refreshConversation()]);
  const timer = setInterval(() => {
    void refreshQueue();
    void refreshConversation();
  }, pollMs);
  page.onLeave(() => clearInterval(timer));
}

/**
 * The reply being written and what the agent asked for that has no answer yet. The key goes with
 * the reply and stays while its text does: the bot sends a reply with a key it has seen once only,
 * so after an answer that never came (the connection dropped) sending again cannot send it twice.
 */
interface Draft {
  text: string;
  key?: string;
  /** The text the key was made for: an edited reply is a new one. */
  keyFor?: string;
  sending?: boolean;
  releasing?: boolean;
}

function forget(draft: Draft): void {
  draft.text = '';
  delete draft.key;
  delete draft.keyFor;
}

/**
 * Marks the button (looked up again: the conversation may have been drawn anew meanwhile) as
 * waiting for the bot. Not `disabled`, which would throw keyboard focus off it.
 */
function busy(id: string, waiting: boolean): void {
  const button = document.getElementById(id);
  if (waiting) button?.setAttribute('aria-disabled', 'true');
  else button?.removeAttribute('aria-disabled');
}

function conversationParts(
  page: Page,
  body: Record<string, unknown>,
  draft: Draft,
  after: { sent(): void; released(): void },
): HTMLElement[] {
  const ref = text(body['ref']);
  const now = num(body['now']);
  const window = record(body['window']);
  const left = num(window['closesAt']) - now;
  const fields = list(body['fields']);
  const messages = list(body['messages']);
  const reply = h('textarea', {
    id: 'reply',
    name: 'reply',
    rows: '3',
    maxlength: '4096',
    disabled: left <= 0,
    oninput: () => {
      draft.text = reply.value;
    },
  });
  reply.value = draft.text;
  const form = h(
    'form',
    {
      class: 'reply',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        if (draft.sending) return;
        draft.text = reply.value;
        if (draft.key === undefined || draft.keyFor !== draft.text) {
          draft.key = requestKey();
          draft.keyFor = draft.text;
        }
        draft.sending = true;
        busy('send', true);
        const answer = await api('POST', `conversations/${encodeURIComponent(ref)}/reply`, {
          text: draft.text,
          key: draft.key,
        });
        draft.sending = false;
        busy('send', false);
        if (answer.status === 202) {
          page.notify('');
          return after.sent();
        }
        // The reply stays in the box, with its key: sending it again is safe.
        if (answer.status === unreachable) return page.notify(page.t('reply-unreachable'), 'error');
        page.notify(page.t(errorKey(text(answer.body['error']))), 'error');
      },
    },
    h('label', { for: 'reply' }, page.t('reply-label')),
    reply,
    h(
      'button',
      { type: 'submit', id: 'send', disabled: left <= 0, 'aria-disabled': draft.sending ? 'true' : undefined },
      page.t('send'),
    ),
  );
  return [
    h(
      'h1',
      { id: 'conversation-heading' },
      withNames((params) => page.t('conversation-heading', params), { queue: text(body['queue']) }),
    ),
    h(
      'p',
      { class: left > 0 ? 'window-notice' : 'window-notice closed', role: left > 0 ? undefined : 'alert' },
      left > 0 ? page.t('window-open', { time: duration(page, left) }) : page.t('window-closed'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'fields-heading' },
      h('h2', { id: 'fields-heading' }, page.t('fields-heading')),
      fields.length === 0
        ? h('p', {}, page.t('no-fields'))
        : h(
            'dl',
            { class: 'fields' },
            fields.flatMap((field) => [
              h('dt', {}, h('bdi', {}, labelOf(page, field['label'], text(field['key'])))),
              h('dd', {}, h('bdi', {}, shown(field['value']))),
            ]),
          ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'messages-heading' },
      h('h2', { id: 'messages-heading' }, page.t('messages-heading')),
      messages.length === 0
        ? h('p', {}, page.t('no-messages'))
        : h(
            'ol',
            { class: 'messages' },
            messages.map((message) => {
              const agent = message['author'] === 'agent';
              const status = text(message['status']);
              return h(
                'li',
                { class: agent ? 'from-agent' : 'from-customer' },
                h('span', { class: 'author' }, page.t(agent ? 'author-agent' : 'author-customer')),
                // The customer's or agent's words in their own direction (Portuguese in an Arabic desk too).
                h('span', { class: 'content', dir: 'auto' }, contentText(page, record(message['content']))),
                h('time', { datetime: new Date(num(message['at'])).toISOString() }, clock(page, num(message['at']))),
                agent &&
                  status &&
                  h('span', { class: `status status-${status}`, 'data-status': status }, page.t(statusKey(status))),
              );
            }),
          ),
    ),
    form,
    h(
      'button',
      {
        type: 'button',
        id: 'release',
        class: 'release',
        'aria-disabled': draft.releasing ? 'true' : undefined,
        onclick: async () => {
          if (draft.releasing) return;
          draft.releasing = true;
          busy('release', true);
          const answer = await api('POST', `conversations/${encodeURIComponent(ref)}/release`);
          draft.releasing = false;
          busy('release', false);
          if (answer.status === 200) return after.released();
          if (answer.status === unreachable) return page.notify(page.t('release-unreachable'), 'error');
          page.notify(page.t(errorKey(text(answer.body['error']))), 'error');
        },
      },
      page.t('release'),
    ),
  ];
}

function errorKey(error: string): DeskKey {
  if (error === 'window-closed') return 'window-closed';
  if (error === 'bad-text') return 'bad-text';
  if (error === 'forbidden') return 'forbidden';
  if (error === 'csrf') return 'csrf';
  if (error === 'signed-out') return 'signed-out';
  if (error === 'paused') return 'paused';
  return 'gone';
}

function statusKey(status: string): DeskKey {
  if (status === 'delivered') return 'status-delivered';
  if (status === 'read') return 'status-read';
  if (status === 'failed') return 'status-failed';
  if (status === 'sent') return 'status-sent';
  return 'status-sending';
}

/** A customer's message in plain words (media are never fetched by the desk). */
function contentText(page: Page, content: Record<string, unknown>): string | (Node | string)[] {
  if (content['type'] === 'text') return text(content['text']);
  if (content['type'] === 'reply')
    return withNames((params) => page.t('content-reply', params), {
      title: text(content['title']) || text(content['id']),
    });
  if (content['type'] === 'location')
    return page.t('content-location', { latitude: num(content['latitude']), longitude: num(content['longitude']) });
  if (content['type'] === 'media') return page.t('content-media');
  return page.t('content-unsupported');
}

function labelOf(page: Page, label: unknown, fallback: string): string {
  const texts = record(label);
  const preferred = closestUiLanguage(page.language);
  return text(texts[preferred]) || text(texts['en']) || text(Object.values(texts)[0]) || fallback;
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function duration(page: Page, ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return page.t('less-than-a-minute');
  if (minutes < 60) return page.t('minutes', { m: minutes });
  return page.t('hours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

function clock(page: Page, at: number): string {
  return new Date(at).toLocaleTimeString(page.language, { hour: '2-digit', minute: '2-digit' });
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : {};
}
