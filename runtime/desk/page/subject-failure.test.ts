import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../../../flows/i18n/index.ts';
import { readFailure, subjectFailure } from './subject-failure.ts';
import { pageText } from './texts.ts';

const answer = (status: number, error?: string) => ({ status, body: error === undefined ? {} : { error } });

/**
 * What a supervisor reads when an export or an erasure fails: each cause in its own words, never
 * "forbidden" for a bot that failed or could not be reached (the desk e2e shows it on the page).
 */
describe('why a supervisor’s export or erasure did not happen', () => {
  it('names each cause by the bot’s answer', () => {
    expect(subjectFailure(answer(400, 'bad-phone'))).toBe('bad-phone');
    expect(subjectFailure(answer(401, 'signed-out'))).toBe('signed-out');
    expect(subjectFailure(answer(403, 'csrf'))).toBe('csrf');
    expect(subjectFailure(answer(403, 'forbidden'))).toBe('subject-forbidden');
    expect(subjectFailure(answer(404))).toBe('subject-not-found');
    expect(subjectFailure(answer(503, 'paused'))).toBe('paused');
    for (const status of [500, 502, 504]) expect(subjectFailure(answer(status))).toBe('subject-failed');
    expect(subjectFailure(answer(0))).toBe('subject-unreachable');
  });

  it('says it in plain words in every language, each cause differently', () => {
    const keys = ['subject-forbidden', 'subject-not-found', 'subject-failed', 'subject-unreachable', 'paused'] as const;
    for (const language of uiLanguages) {
      const said = keys.map((key) => pageText(language, key));
      expect(new Set(said).size).toBe(keys.length);
      for (const sentence of said) expect(sentence.length).toBeGreaterThan(20);
    }
    expect(pageText('en', 'subject-failed')).toBe(
      'The bot could not do it, and nothing was changed. Try again in a moment.',
    );
    expect(pageText('en', 'subject-not-found')).toMatch(/already erased/);
    expect(pageText('pt-BR', 'subject-failed')).toMatch(/nada foi alterado/);
    expect(pageText('ar', 'subject-failed')).toMatch(/لم يتغيّر شيء/);
  });

  it('says why a page of the log or the statistics could not be read, never "signed out" for a bot not reached', () => {
    expect(readFailure(answer(0))).toBe('unreachable');
    expect(readFailure(answer(401, 'signed-out'))).toBe('signed-out');
    expect(readFailure(answer(403, 'forbidden'))).toBe('forbidden-page');
    expect(readFailure(answer(503, 'paused'))).toBe('paused');
    expect(readFailure(answer(500))).toBe('subject-failed');
  });
});
