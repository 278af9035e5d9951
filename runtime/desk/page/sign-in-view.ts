import { api, num, setCsrf, text, unreachable, type ApiAnswer } from './api.ts';
import { h, show } from './dom.ts';
import type { Page } from './main.ts';

/** Signing in: name and password, then the TOTP code (or a recovery code), or the first enrolment. */
export async function signInView(page: Page, main: HTMLElement, stage: string): Promise<void> {
  if (stage === 'second-factor') return codeForm(page, main, false);
  if (stage === 'enrol') return codeForm(page, main, true);
  const name = h('input', { id: 'name', name: 'username', autocomplete: 'username', required: true, maxlength: '200' });
  const password = h('input', {
    id: 'password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: '1024',
  });
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const answer = await api('POST', 'sign-in', { name: name.value, password: password.value });
        if (answer.status === 200) {
          setCsrf(text(answer.body['csrf']));
          return page.refresh();
        }
        // Not reached: nothing was refused, so what was typed stays.
        if (answer.status === unreachable) return page.notify(page.t('unreachable'), 'error');
        password.value = '';
        page.notify(refusal(page, answer), 'error');
        name.focus();
      },
    },
    h('h1', {}, page.t('sign-in-heading')),
    h('label', { for: 'name' }, page.t('name')),
    name,
    h('label', { for: 'password' }, page.t('password')),
    password,
    h('button', { type: 'submit' }, page.t('sign-in')),
  );
  show(main, form);
  name.focus();
}

async function codeForm(page: Page, main: HTMLElement, enrol: boolean): Promise<void> {
  const code = h('input', {
    id: 'code',
    name: 'code',
    autocomplete: 'one-time-code',
    inputmode: enrol ? 'numeric' : 'text',
    required: true,
    maxlength: '64',
  });
  const parts: HTMLElement[] = [h('h1', {}, page.t(enrol ? 'enrol-heading' : 'code-heading'))];
  if (enrol) {
    const setup = await api('GET', 'enrol');
    if (setup.status === unreachable) page.notify(page.t('unreachable'), 'error');
    parts.push(
      h('p', {}, page.t('enrol-help')),
      h('img', { src: '/desk/api/enrol/qr.svg', alt: page.t('enrol-qr'), width: '220', height: '220', class: 'qr' }),
      h('p', {}, page.t('enrol-manual')),
      // In groups of four, easier to copy by eye (authenticator apps take the spaces or leave them out).
      h(
        'p',
        { class: 'secret', dir: 'ltr', 'data-testid': 'totp-secret' },
        (text(setup.body['secret']).match(/.{1,4}/g) ?? []).join(' '),
      ),
    );
  } else {
    parts.push(h('p', {}, page.t('code-help')));
  }
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const answer = await api('POST', 'second-factor', { code: code.value });
        if (answer.status === unreachable) return page.notify(page.t('unreachable'), 'error');
        if (answer.status !== 200) {
          code.value = '';
          page.notify(refusal(page, answer), 'error');
          code.focus();
          return;
        }
        setCsrf(text(answer.body['csrf']));
        const codes = Array.isArray(answer.body['recoveryCodes']) ? answer.body['recoveryCodes'] : undefined;
        if (codes) return recoveryCodes(page, main, codes.map(text));
        if (answer.body['recoveryCodesLeft'] !== undefined)
          sessionStorage.setItem(
            'amana-desk-notice',
            page.t('recovery-left', { count: num(answer.body['recoveryCodesLeft']) }),
          );
        return page.refresh();
      },
    },
    ...parts,
    h('label', { for: 'code' }, page.t('code')),
    code,
    h('button', { type: 'submit' }, page.t('continue')),
  );
  show(main, form);
  code.focus();
}

function recoveryCodes(page: Page, main: HTMLElement, codes: string[]): void {
  const done = h('button', { type: 'button', onclick: () => void page.refresh() }, page.t('recovery-done'));
  show(
    main,
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'recovery-heading' },
      h('h1', { id: 'recovery-heading' }, page.t('recovery-heading')),
      h('p', {}, page.t('recovery-help')),
      h(
        'ul',
        { class: 'codes', dir: 'ltr', 'data-testid': 'recovery-codes' },
        codes.map((item) => h('li', {}, item)),
      ),
      done,
    ),
  );
  done.focus();
}

/** The plain sentence for a refused sign-in step. */
function refusal(page: Page, answer: ApiAnswer): string {
  const error = text(answer.body['error']);
  if (error === 'too-many')
    return page.t('too-many', { minutes: Math.max(1, Math.ceil(num(answer.body['retryAfterSeconds']) / 60)) });
  if (error === 'disabled') return page.t('disabled');
  if (error === 'wrong-code') return page.t('wrong-code');
  if (error === 'csrf') return page.t('csrf');
  return page.t('wrong-sign-in');
}
