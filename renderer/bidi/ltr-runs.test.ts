import { describe, expect, it } from 'vitest';
import { ltrRuns } from './ltr-runs.ts';

const isolated = (text: string) =>
  ltrRuns(text)
    .filter((run) => run.ltr)
    .map((run) => run.text);

describe('the runs of a text that stay left to right', () => {
  it('holds a URL in an Arabic sentence whole, leaving the sentence’s own punctuation outside', () => {
    const text = 'سياسة الخصوصية: https://alrawdah-clinics.example/privacy?lang=ar&x=1.';
    expect(isolated(text)).toEqual(['https://alrawdah-clinics.example/privacy?lang=ar&x=1']);
    expect(
      ltrRuns(text)
        .map((run) => run.text)
        .join(''),
    ).toBe(text);
  });

  it('holds e-mail addresses and www addresses', () => {
    expect(isolated('راسلنا على privacidade@loja.com.br أو زر www.loja.com.br')).toEqual([
      'privacidade@loja.com.br',
      'www.loja.com.br',
    ]);
  });

  it('holds phone numbers and dates with their separators, in Western and Arabic-Indic digits', () => {
    expect(isolated('اتصل على +966 50 123 4567 قبل 2026-12-01')).toEqual(['+966 50 123 4567', '2026-12-01']);
    expect(isolated('الرقم ٠٥٠ ١٢٣ ٤٥٦٧ متاح')).toEqual(['٠٥٠ ١٢٣ ٤٥٦٧']);
    expect(isolated('Ligue (11) 91234-5678.')).toEqual(['(11) 91234-5678']);
    // A lone number needs no isolate: there is nothing to reorder inside it.
    expect(isolated('اتصل بالهلال الأحمر على 997 فورًا')).toEqual([]);
  });

  it('holds Latin product names in right-to-left text, with the symbols that belong to them', () => {
    expect(isolated('اطلب Galaxy S24+ الآن، أو iPhone 15 Pro.')).toEqual(['Galaxy S24+', 'iPhone 15 Pro']);
  });

  it('leaves a left-to-right text whole but for its addresses and numbers', () => {
    expect(ltrRuns('Hello, see https://x.example/a or call +55 11 91234-5678!')).toEqual([
      { text: 'Hello, see ', ltr: false },
      { text: 'https://x.example/a', ltr: true },
      { text: ' or call ', ltr: false },
      { text: '+55 11 91234-5678', ltr: true },
      { text: '!', ltr: false },
    ]);
    expect(ltrRuns('Olá')).toEqual([{ text: 'Olá', ltr: false }]);
    expect(ltrRuns('')).toEqual([{ text: '', ltr: false }]);
  });

  it('does not count the digits of an address as a number of their own', () => {
    expect(isolated('زوروا https://x.example/2026/12/01 اليوم')).toEqual(['https://x.example/2026/12/01']);
  });
});
