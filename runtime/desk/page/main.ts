import { closestUiLanguage, textDirection, uiLanguages, type UiLanguage } from '../../../flows/i18n/index.ts';
import { api, setCsrf, text } from './api.ts';
import { deskView } from './desk-view.ts';
import { h, show } from './dom.ts';
import { signInView } from './sign-in-view.ts';
import { statsView } from './stats-view.ts';
import { accessLogView, subjectsView } from './supervisor-view.ts';
import { pageText, type DeskKey } from './texts.ts';

/** What every view of the page gets: the language, the texts, the signed-in account and navigation. */
export interface Page {
  language: UiLanguage;
  t(key: DeskKey, params?: Record<string, string | number>): string;
  /** Says something to screen readers and on screen (errors, confirmations). */
  notify(message: string, kind?: 'error' | 'info'): void;
  /** Reloads who is signed in and shows the right view. */
  refresh(): Promise<void>;
  /** Stops the current view's polling (when another view takes over). */
  onLeave(stop: () => void): void;
}

const languageLabels: Record<UiLanguage, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', ar: 'العربية' };
const root = document.getElementById('desk');
let stops: (() => void)[] = [];

function pickLanguage(): UiLanguage {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('amana-desk-language');
  return closestUiLanguage(asked ?? navigator.language);
}

let language = pickLanguage();

function makePage(status: HTMLElement): Page {
  return {
    language,
    t: (key, params) => pageText(language, key, params),
    notify(message, kind = 'info') {
      status.className = kind === 'error' ? 'notice error' : 'notice';
      status.textContent = message;
    },
    refresh: render,
    onLeave(stop) {
      stops.push(stop);
    },
  };
}

async function render(): Promise<void> {
  if (!root) return;
  for (const stop of stops) stop();
  stops = [];
  document.documentElement.lang = language;
  document.documentElement.dir = textDirection(language);
  document.title = pageText(language, 'title');
  const status = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });
  const page = makePage(status);
  const chooser = h(
    'select',
    {
      id: 'language',
      onchange: (event: Event) => {
        const value = event.target instanceof HTMLSelectElement ? event.target.value : 'en';
        language = closestUiLanguage(value);
        localStorage.setItem('amana-desk-language', language);
        void render();
      },
    },
    uiLanguages.map((code) =>
      h('option', { value: code, selected: code === language, lang: code }, languageLabels[code]),
    ),
  );
  const header = h(
    'header',
    {},
    h('p', { class: 'brand' }, page.t('title')),
    h('label', { for: 'language', class: 'language' }, page.t('language'), ' ', chooser),
  );
  const main = h('main', { id: 'main', tabindex: '-1' });
  show(root, header, status, main);
  const carried = sessionStorage.getItem('amana-desk-notice');
  if (carried) {
    sessionStorage.removeItem('amana-desk-notice');
    page.notify(carried);
  }

  let me;
  try {
    me = await api('GET', 'me');
  } catch {
    page.notify(page.t('network'), 'error');
    return;
  }
  setCsrf(text(me.body['csrf']));
  const stage = text(me.body['stage']);
  if (stage !== 'signed-in') return signInView(page, main, stage);
  const agent =
    typeof me.body['agent'] === 'object' && me.body['agent'] !== null
      ? Object.fromEntries(Object.entries(me.body['agent']))
      : {};
  const supervisor = agent['role'] === 'supervisor';
  header.append(accountBar(page, text(agent['name']), supervisor));
  const path = location.pathname;
  if (path === '/desk/access-log' || path === '/desk/subjects' || path === '/desk/stats') {
    if (!supervisor) {
      show(main, h('h1', {}, page.t('forbidden-page')));
      return;
    }
    if (path === '/desk/stats') return statsView(page, main);
    return path === '/desk/access-log' ? accessLogView(page, main) : subjectsView(page, main);
  }
  return deskView(page, main);
}

function accountBar(page: Page, name: string, supervisor: boolean): HTMLElement {
  const signOut = h(
    'button',
    {
      type: 'button',
      onclick: async () => {
        await api('POST', 'sign-out').catch(() => undefined);
        location.assign('/desk/');
      },
    },
    page.t('sign-out'),
  );
  const link = (href: string, key: DeskKey) =>
    h('a', { href, 'aria-current': location.pathname === href ? 'page' : undefined }, page.t(key));
  return h(
    'div',
    { class: 'account' },
    h(
      'nav',
      { 'aria-label': page.t('nav-label') },
      link('/desk/', 'nav-desk'),
      supervisor && link('/desk/access-log', 'nav-log'),
      supervisor && link('/desk/subjects', 'nav-subjects'),
      supervisor && link('/desk/stats', 'nav-stats'),
    ),
    h(
      'span',
      { class: 'who' },
      page.t('signed-in-as', { name, role: page.t(supervisor ? 'role-supervisor' : 'role-agent') }),
    ),
    signOut,
  );
}

void render();
