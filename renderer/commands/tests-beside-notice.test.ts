import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../../flows/i18n/index.ts';
import { uiText } from '../i18n/messages.ts';
import type { NoticeText } from '../stores/notices-store.ts';
import { testsBesideNotice } from './tests-beside-notice.ts';

const worded = (line: NoticeText | undefined, language: (typeof uiLanguages)[number]) =>
  line && 'key' in line ? uiText(language, line.key, line.params) : line?.worded;

describe('what the designer is told about the tests beside a flow file', () => {
  it('adds nothing when there was no tests file', () => {
    expect(testsBesideNotice(null)).toEqual({ tone: 'info', more: [] });
  });

  it('names the file the tests came from, and where they were written', () => {
    const imported = testsBesideNotice({ status: 'imported', fileName: 'leads.transcript.json', tests: 3 });
    expect(imported.tone).toBe('info');
    expect(worded(imported.more[0], 'en')).toBe('Its tests came with it from \u2068leads.transcript.json\u2069.');
    // In Arabic the file name stays whole and left to right, its full stop outside it.
    expect(worded(imported.more[0], 'ar')).toContain('\u2068leads.transcript.json\u2069');
    const written = testsBesideNotice({ status: 'written', path: '/home/ana/leads.transcript.json', tests: 3 });
    expect(worded(written.more[0], 'pt-BR')).toBe(
      'Os testes foram gravados ao lado dele, em \u2068/home/ana/leads.transcript.json\u2069.',
    );
  });

  it('reports an invalid tests file as an error with every problem, saying the flow was imported and the tests kept', () => {
    const problems = [{ path: '$.tests[0].name', message: 'Dê um nome ao teste.' }];
    const notice = testsBesideNotice({ status: 'invalid', fileName: 'leads.transcript.json', problems });
    expect(notice.tone).toBe('error');
    expect(notice.problems).toEqual(problems);
    for (const language of uiLanguages)
      expect(worded(notice.more[0], language)).toContain('\u2068leads.transcript.json\u2069');
    expect(worded(notice.more[0], 'en')).toMatch(/imported without it; the tests it had are unchanged/);
  });

  it('passes on the host’s own words when the file could not be read or written', () => {
    const unreadable = testsBesideNotice({
      status: 'unreadable',
      fileName: 'x.transcript.json',
      message: 'Não foi possível ler x: EACCES.',
    });
    expect(unreadable.tone).toBe('error');
    expect(worded(unreadable.more[0], 'pt-BR')).toContain('Não foi possível ler x: EACCES.');
    const notWritten = testsBesideNotice({
      status: 'not-written',
      path: '/x.transcript.json',
      message: 'تعذّرت كتابة /x',
    });
    expect(notWritten.tone).toBe('error');
    expect(worded(notWritten.more[0], 'ar')).toContain('تعذّرت كتابة /x');
  });
});
