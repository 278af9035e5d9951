import { describe, expect, it } from 'vitest';
import { fill, uiLanguages } from '../../../flows/i18n/index.ts';
import { refusalReasons, supervisorApis, supervisorPages } from '../access-reasons.ts';
import { aboutEntry } from './access-about.ts';
import { pageText } from './texts.ts';

/** The entry's "about" cell as a reader sees it (names in place), or undefined for an empty cell. */
function said(language: (typeof uiLanguages)[number], action: string, target: string): string | undefined {
  const about = aboutEntry(action, target);
  if (!about) return undefined;
  return [fill(pageText(language, about.key), about.names), about.detail].filter(Boolean).join(' ');
}

/**
 * Every target the server records in the access log (runtime/desk/*.ts): the reasons a sign-in step
 * was refused, what an account that is not a supervisor tried to open (pages and calls), a change
 * without the anti-CSRF token, a conversation, a person's reference and a range of days.
 */
const recorded: [action: string, target: string][] = [
  ...refusalReasons.flatMap((reason): [string, string][] => [
    ['sign-in-refused', reason],
    ['second-factor-refused', reason],
  ]),
  ...[...supervisorPages, ...supervisorApis].map((target): [string, string] => ['forbidden', target]),
  ['forbidden', 'Xq3_k9-abcDEF12345'],
  ['forbidden', 'csrf conversations/Xq3_k9-abcDEF12345/reply'],
  ['forbidden', 'csrf conversations/Xq3_k9-abcDEF12345/release'],
  ['forbidden', 'csrf subjects/erase'],
  ['view', 'Xq3_k9-abcDEF12345'],
  ['reply', 'Xq3_k9-abcDEF12345'],
  ['reply-refused', 'Xq3_k9-abcDEF12345'],
  ['release', 'Xq3_k9-abcDEF12345'],
  ['erase', 'a1b2c3d4e5f6'],
  ['export', 'a1b2c3d4e5f6'],
  ['stats-view', '2026-03-01..2026-03-31'],
];

/** The codes a supervisor should never have to read ("wrong", "disabled" and "stats" are words too). */
const codes = ['too-many', ...supervisorPages, ...supervisorApis.filter((api) => api !== 'stats'), 'csrf', '..'];

describe('what an access-log entry is about, in plain words', () => {
  it('says every reason and target the server records in English, Portuguese and Arabic, without its code', () => {
    for (const language of uiLanguages) {
      for (const [action, target] of recorded) {
        const words = said(language, action, target);
        expect(words, `${language} ${action} ${target}`).toBeTruthy();
        expect(words, `${language} ${action} ${target}`).not.toBe(target);
        for (const code of codes) {
          // A blocked change that is not about a conversation names where it was sent, as detail.
          if (target === `csrf ${code}` || (target === 'csrf subjects/erase' && code === 'subjects/erase')) continue;
          expect(words, `${language} ${action} ${target}`).not.toContain(code);
        }
      }
    }
  });

  it('tells each refusal and each supervisor-only thing apart, in every language', () => {
    for (const language of uiLanguages) {
      for (const action of ['sign-in-refused', 'second-factor-refused']) {
        const reasons = refusalReasons.map((reason) => said(language, action, reason));
        expect(new Set(reasons).size, `${language} ${action}`).toBe(refusalReasons.length);
      }
      const pages = supervisorPages.map((page) => said(language, 'forbidden', page));
      expect(new Set(pages).size, language).toBe(supervisorPages.length);
    }
    expect(said('en', 'sign-in-refused', 'wrong')).toBe('wrong name or password');
    expect(said('en', 'second-factor-refused', 'wrong')).toBe('wrong code, or a code already used');
    expect(said('pt-BR', 'sign-in-refused', 'too-many')).toBe(
      'tentativas demais: recusado por um tempo, mesmo se certo',
    );
    expect(said('ar', 'forbidden', '/desk/access-log')).toBe('سجل الوصول، ولا يقرؤه إلا المشرفون');
  });

  it('keeps names apart from the words: a conversation, a person, days; a code only as detail', () => {
    expect(aboutEntry('view', 'Xq3_k9')).toEqual({ key: 'about-conversation', names: { ref: 'Xq3_k9' } });
    expect(aboutEntry('forbidden', 'Xq3_k9')).toEqual({ key: 'about-other-team', names: { ref: 'Xq3_k9' } });
    expect(aboutEntry('forbidden', 'csrf conversations/Xq3_k9/reply')).toEqual({
      key: 'about-csrf-conversation',
      names: { ref: 'Xq3_k9' },
    });
    expect(aboutEntry('forbidden', 'csrf subjects/erase')).toEqual({ key: 'about-csrf', detail: 'subjects/erase' });
    expect(aboutEntry('erase', 'a1b2')).toEqual({ key: 'about-person', names: { subject: 'a1b2' } });
    expect(aboutEntry('stats-view', '2026-03-01..2026-03-31')).toEqual({
      key: 'about-days',
      names: { from: '2026-03-01', to: '2026-03-31' },
    });
    // A code this page does not know (a newer bot) is shown as it is, after words that say so.
    expect(aboutEntry('sign-in-refused', 'locked-out')).toEqual({ key: 'about-other', detail: 'locked-out' });
    expect(aboutEntry('sign-out', '')).toBeUndefined();
  });
});
