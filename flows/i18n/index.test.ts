import { describe, expect, it } from 'vitest';
import { textDirection } from './index.ts';

describe('the writing direction of a language', () => {
  it('is right to left for Arabic in any region and letter case, and for Hebrew, Persian and Urdu', () => {
    for (const tag of ['ar', 'ar-EG', 'AR-sa', 'he', 'fa-IR', 'ur']) expect(textDirection(tag), tag).toBe('rtl');
  });

  it('is left to right for every other language, including tags that only begin like a right-to-left one', () => {
    for (const tag of ['en', 'pt-BR', 'fr', 'arn', 'hea', '']) expect(textDirection(tag), tag).toBe('ltr');
  });
});
