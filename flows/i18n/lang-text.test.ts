import { describe, expect, it } from 'vitest';
import { inLanguage, localText, textIn, textLanguage } from './lang-text.ts';

describe('the language a flow text is shown in', () => {
  const text = { 'pt-BR': 'Olá', en: 'Hello', 'ar-EG': 'أهلاً' };

  it('is the wanted language when the text has it', () => {
    expect(textLanguage(text, 'en', ['pt-BR', 'en'])).toBe('en');
    expect(localText(text, 'en', ['pt-BR', 'en'])).toBe('Hello');
  });

  it('is another variant of the same language next', () => {
    expect(textLanguage(text, 'ar', ['pt-BR'])).toBe('ar-EG');
    expect(localText({ pt: 'Oi' }, 'pt-BR', ['pt'])).toBe('Oi');
  });

  it('is the flow’s first language the text has otherwise, else any it has', () => {
    expect(textLanguage({ es: 'Hola', 'pt-BR': 'Olá' }, 'ar', ['en', 'pt-BR', 'es'])).toBe('pt-BR');
    expect(textLanguage({ fr: 'Salut' }, 'ar', ['pt-BR'])).toBe('fr');
  });

  it('is nothing for a missing text, which reads as empty', () => {
    expect(textLanguage(undefined, 'en', ['en'])).toBeUndefined();
    expect(localText(undefined, 'en', ['en'])).toBe('');
  });

  it('picks keyword lists the same way', () => {
    const words = { 'pt-BR': ['atendente', 'humano'], en: ['agent'] };
    expect(inLanguage(words, 'pt', ['en', 'pt-BR'])?.[0]).toBe('atendente');
    expect(inLanguage(words, 'ar', ['en', 'pt-BR'])?.[0]).toBe('agent');
  });
});

describe('a flow text with the language it is shown in', () => {
  const text = { 'pt-BR': 'Olá', en: 'Hello', 'ar-EG': 'أهلاً' };

  it('is the interface language when the flow has it', () => {
    expect(textIn(text, 'en', ['pt-BR', 'en'])).toEqual({ lang: 'en', value: 'Hello' });
  });

  it('is another variant of the same language next', () => {
    expect(textIn(text, 'ar', ['pt-BR'])).toEqual({ lang: 'ar-EG', value: 'أهلاً' });
    expect(textIn({ pt: 'Oi' }, 'pt-BR', ['pt'])).toEqual({ lang: 'pt', value: 'Oi' });
  });

  it('is the flow’s first language otherwise', () => {
    expect(textIn({ es: 'Hola', 'pt-BR': 'Olá' }, 'ar', ['pt-BR', 'es'])).toEqual({ lang: 'pt-BR', value: 'Olá' });
  });
});
