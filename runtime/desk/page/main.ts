import { closestUiLanguage, textDirection, uiLanguages, type UiLanguage } from '../../../flows/i18n/index.ts';
import { api, setCsrf, text, unreachable } from './api.ts';
import { deskView } from './desk-view.ts';
import { h, show, withNames } from './dom.ts';
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
  /**
   * Whether the bot answered the last time a view asked it on its own (polling): while it does not,
   * a line says the desk cannot reach it and keeps trying, apart from what `notify` said last.
   */
  reached(answered: boolean): void;
  /** Reloads who is signed in and shows the right view. */
  refresh(): Promise<void>;
  /** Stops the current view's polling (when another view takes over). */
  onLeave(stop: () => void): void;
}

/** How soon the page asks again for who is signed in when the bot could not be reached. */
const retryMs = 3000;

const languageLabels: Record<UiLanguage, string> = { en: 'English', 'pt-BR': 'Português (Brasil)', ar: 'العربية' };
const root = document.getElementById('desk');
let stops: (() => void)[] = [];

function pickLanguage(): UiLanguage {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem('amana-desk-language');
  return closestUiLanguage(asked ?? navigator.language);
}

let language = pickLanguage();

function makePage(status: HTMLElement, offline: HTMLElement): Page {
  return {
    language,
    t: (key, params) => pageText(language, key, params),
    notify(message, kind = 'info') {
      status.className = kind === 'error' ? 'notice error' : 'notice';
      status.textContent = message;
    },
    reached(answered) {
      offline.hidden = answered;
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
  const offline = h('p', { class: 'notice error', role: 'alert', hidden: true }, pageText(language, 'network'));
  const page = makePage(status, offline);
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
  // The first stop of the keyboard: past the header, to what the page is for.
  const skip = h('a', { href: '#main', class: 'skip' }, page.t('skip-to-main'));
  show(root, skip, header, offline, status, main);
  const carried = sessionStorage.getItem('amana-desk-notice');
  if (carried) {
    sessionStorage.removeItem('amana-desk-notice');
    page.notify(carried);
  }

  const me = await api('GET', 'me');
  if (me.status === unreachable) {
    // Nothing to show yet: say so, and ask again until the bot answers.
    page.reached(false);
    const again = setTimeout(() => void render(), retryMs);
    stops.push(() => clearTimeout(again));
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
        // Not reached: the session goes on, so the page stays and says so (leaving would look signed out).
        if ((await api('POST', 'sign-out')).status === unreachable)
          return page.notify(page.t('sign-out-unreachable'), 'error');
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
    // The person's name in an isolate of its own: "Sara" keeps its direction in an Arabic bar, which
    // reads from the right, name first, then the role.
    h(
      'span',
      { class: 'who' },
      withNames((params) => page.t('signed-in-as', params), {
        name,
        role: h('span', { class: 'role' }, page.t(supervisor ? 'role-supervisor' : 'role-agent')),
      }),
    ),
    signOut,
  );
}

void render();
