import { api, list, num, text } from './api.ts';
import { aboutEntry, type About } from './access-about.ts';
import { h, show, withNames } from './dom.ts';
import type { Page } from './main.ts';
import { readFailure, subjectFailure } from './subject-failure.ts';
import type { DeskKey } from './texts.ts';

/** The access log, newest first, page by page, with a CSV download of all of it. */
export async function accessLogView(page: Page, main: HTMLElement): Promise<void> {
  const body = h('tbody');
  const more = h('button', { type: 'button', hidden: true }, page.t('log-more'));
  let before: number | undefined;
  const load = async () => {
    const answer = await api('GET', `access-log${before === undefined ? '' : `?before=${before}`}`);
    if (answer.status !== 200) return page.notify(page.t(readFailure(answer)), 'error');
    const entries = list(answer.body['entries']);
    for (const entry of entries) {
      body.append(
        h(
          'tr',
          {},
          h(
            'td',
            {},
            h(
              'time',
              { datetime: new Date(num(entry['at'])).toISOString() },
              new Date(num(entry['at'])).toLocaleString(page.language),
            ),
          ),
          h('td', {}, text(entry['agentName']) ? h('bdi', {}, text(entry['agentName'])) : page.t('log-no-account')),
          h('td', { 'data-action': text(entry['action']) }, actionText(page, text(entry['action']))),
          h(
            'td',
            { 'data-target': text(entry['target']) || undefined },
            aboutParts(page, aboutEntry(text(entry['action']), text(entry['target']))),
          ),
          h('td', {}, h('bdi', { dir: 'ltr' }, text(entry['address']))),
          h('td', {}, page.t(entry['outcome'] === 'ok' ? 'outcome-ok' : 'outcome-refused')),
        ),
      );
    }
    before = num(entries[entries.length - 1]?.['id']) || before;
    more.hidden = answer.body['more'] !== true;
  };
  more.addEventListener('click', () => void load());
  const header = (key: DeskKey) => h('th', { scope: 'col' }, page.t(key));
  show(
    main,
    h('h1', {}, page.t('log-heading')),
    h('p', {}, page.t('log-help')),
    h(
      'p',
      {},
      h(
        'a',
        { href: '/desk/api/access-log.csv', download: 'amana-access-log.csv', class: 'button' },
        page.t('log-download'),
      ),
    ),
    h(
      'table',
      { class: 'log' },
      h('caption', {}, page.t('log-heading')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          header('log-when'),
          header('log-who'),
          header('log-what'),
          header('log-target'),
          header('log-where'),
          header('log-outcome'),
        ),
      ),
      body,
    ),
    more,
  );
  await load();
}

/** Erasure and subject export for one phone number (rights of access, portability and erasure). */
export async function subjectsView(page: Page, main: HTMLElement): Promise<void> {
  const phone = h('input', {
    id: 'phone',
    name: 'phone',
    type: 'tel',
    autocomplete: 'off',
    required: true,
    dir: 'ltr',
  });
  const confirm = h('input', { id: 'erase-confirm', type: 'checkbox' });
  // A refusal, or no answer at all, leaves the number and the tick as they were.
  const ask = (path: string) => api('POST', path, { phone: phone.value });
  const exportButton = h(
    'button',
    {
      type: 'button',
      onclick: async () => {
        const answer = await ask('subjects/export');
        if (answer.status !== 200) return page.notify(page.t(subjectFailure(answer)), 'error');
        const file = new Blob([JSON.stringify(answer.body, null, 2)], { type: 'application/json' });
        const link = h('a', {
          href: URL.createObjectURL(file),
          download: `subject-${phone.value.replace(/\D/g, '')}.json`,
        });
        document.body.append(link);
        link.click();
        link.remove();
        page.notify(page.t('exported'));
      },
    },
    page.t('export'),
  );
  const eraseButton = h(
    'button',
    {
      type: 'button',
      class: 'danger',
      onclick: async () => {
        if (!confirm.checked) return page.notify(page.t('erase-needs-confirm'), 'error');
        const answer = await ask('subjects/erase');
        if (answer.status !== 200) return page.notify(page.t(subjectFailure(answer)), 'error');
        confirm.checked = false;
        page.notify(page.t(answer.body['erased'] === true ? 'erased' : 'nothing-held'));
      },
    },
    page.t('erase'),
  );
  show(
    main,
    h(
      'section',
      { class: 'card' },
      h('h1', {}, page.t('subjects-heading')),
      h('p', {}, page.t('subjects-help')),
      h('label', { for: 'phone' }, page.t('phone')),
      phone,
      h('div', { class: 'actions' }, exportButton),
      h('p', { class: 'confirm' }, confirm, ' ', h('label', { for: 'erase-confirm' }, page.t('erase-confirm'))),
      h('div', { class: 'actions' }, eraseButton),
    ),
  );
  phone.focus();
}

const actions: Record<string, DeskKey> = {
  'sign-in': 'action-sign-in',
  'sign-in-refused': 'action-sign-in-refused',
  'second-factor': 'action-second-factor',
  'second-factor-refused': 'action-second-factor-refused',
  enrolled: 'action-enrolled',
  'recovery-code-used': 'action-recovery-code-used',
  'sign-out': 'action-sign-out',
  view: 'action-view',
  reply: 'action-reply',
  'reply-refused': 'action-reply-refused',
  release: 'action-release',
  erase: 'action-erase',
  export: 'action-export',
  'access-log-view': 'action-access-log-view',
  'access-log-export': 'action-access-log-export',
  'stats-view': 'action-stats-view',
  forbidden: 'action-forbidden',
};

function actionText(page: Page, action: string): string {
  const key = actions[action];
  return key ? page.t(key) : action;
}

/** What an entry is about, in words, with its names isolated and a code (if any) as secondary detail. */
function aboutParts(page: Page, about: About | undefined): (Node | string)[] {
  if (!about) return [];
  const sentence = withNames((params) => page.t(about.key, params), about.names ?? {});
  return about.detail === undefined
    ? sentence
    : [...sentence, ' ', h('code', { class: 'detail', dir: 'ltr' }, about.detail)];
}
