import { describe, expect, it } from 'vitest';
import { keywordFor, matchKeyword } from './keywords.ts';
import { normaliseForMatching } from '../i18n/normalise.ts';

const keywords = {
  human: { 'pt-BR': ['atendente', 'falar com atendente'], ar: ['موظف', 'كلم موظف'], en: ['agent'] },
  erase: { 'pt-BR': ['apagar meus dados', 'excluir informações'], ar: ['احذف بياناتي', 'إلغاء'] },
  stop: { 'pt-BR': ['parar', 'não quero mais'], ar: ['توقف', 'إيقاف'] },
};

describe('matchKeyword in Portuguese', () => {
  it.each([
    ['atendente', 'human'],
    ['ATENDENTE', 'human'],
    ['Atendente!', 'human'],
    ['  falar   com atendente  ', 'human'],
    ['apagar meus dados', 'erase'],
    ['Apagar meus dados.', 'erase'],
    ['excluir informacoes', 'erase'],
    ['EXCLUIR INFORMAÇÕES', 'erase'],
    ['parar', 'stop'],
    ['Não quero mais', 'stop'],
    ['nao quero mais', 'stop'],
    ['agent', 'human'],
  ])('%j is %s', (message, kind) => {
    expect(matchKeyword(keywords, message)).toBe(kind);
  });

  it.each(['quero falar com um atendente amanhã', 'parar de receber ofertas? não', 'atendentes', 'apagar', ''])(
    '%j is not a keyword (only the whole message counts)',
    (message) => {
      expect(matchKeyword(keywords, message)).toBeUndefined();
    },
  );
});

describe('matchKeyword in Arabic', () => {
  it.each([
    ['موظف', 'human'],
    ['مُوَظَّف', 'human'], // with harakat
    ['مــوظــف', 'human'], // with tatweel
    ['كلم موظف', 'human'],
    ['كَلِّمْ مُوَظَّفًا', undefined], // a different word (tanween alif), not the keyword
    ['احذف بياناتي', 'erase'],
    ['إحذف بياناتى', 'erase'], // hamza under alef, alef maqsura for yeh
    ['اِحْذِفْ بَيَانَاتِي', 'erase'],
    ['الغاء', 'erase'], // إلغاء typed without hamza
    ['إلغاء!', 'erase'],
    ['توقف', 'stop'],
    ['تَوَقَّفْ', 'stop'],
    ['ايقاف', 'stop'],
    ['أيقاف', 'stop'], // the other hamza variant
    ['آيقاف', 'stop'],
  ])('%j is %s', (message, kind) => {
    expect(matchKeyword(keywords, message)).toBe(kind);
  });

  it('folds teh marbuta and alef maqsura both ways', () => {
    const flowKeywords = { human: { ar: ['مساعدة'] }, stop: { ar: ['كفى'] } };
    expect(matchKeyword(flowKeywords, 'مساعده')).toBe('human');
    expect(matchKeyword(flowKeywords, 'كفي')).toBe('stop');
  });
});

describe('matchKeyword precedence and absence', () => {
  it('honours stop first when a message is a keyword of several kinds', () => {
    expect(matchKeyword({ human: { en: ['help'] }, stop: { en: ['help'] }, erase: { en: ['help'] } }, 'help')).toBe(
      'stop',
    );
    expect(matchKeyword({ human: { en: ['x'] }, erase: { en: ['x'] } }, 'x')).toBe('human');
  });

  it('matches nothing in a flow without keywords', () => {
    expect(matchKeyword(undefined, 'stop')).toBeUndefined();
    expect(matchKeyword({}, 'stop')).toBeUndefined();
  });
});

describe('keywordFor', () => {
  it('quotes the keyword in the conversation language, else in any language', () => {
    expect(keywordFor(keywords, 'human', 'pt-BR', [])).toBe('atendente');
    expect(keywordFor(keywords, 'human', 'pt', [])).toBe('atendente');
    expect(keywordFor(keywords, 'human', 'ar', [])).toBe('موظف');
    expect(keywordFor(keywords, 'human', 'es', [])).toBe('atendente');
    expect(keywordFor(undefined, 'human', 'en', [])).toBeUndefined();
  });
});

describe('normaliseForMatching', () => {
  it('folds case, accents, punctuation, Arabic letter variants and digits', () => {
    expect(normaliseForMatching('  Olá, JOÃO!! ')).toBe('ola joao');
    expect(normaliseForMatching('أإآٱ ى ة')).toBe('اااا ي ه');
    expect(normaliseForMatching('٣ ۳ 3')).toBe('3 3 3');
    expect(normaliseForMatching('ﻷ')).toBe('لا');
  });
});
