import { describe, expect, it } from 'vitest';
import { askingPart, normaliseText, suggestedKinds } from './text-cues.ts';

describe('text cues for mislabeled-data', () => {
  it.each([
    ['Qual é o seu e-mail?', 'email'],
    ['What is your email address?', 'email'],
    ['¿Cuál es tu correo electrónico?', 'email'],
    ['ما هو بريدك الإلكتروني؟', 'email'],
    ['Informe o CPF do titular.', 'government-id'],
    ['أدخل رقم الإقامة', 'government-id'],
    ['Qual é o seu telefone com DDD?', 'phone'],
    ['وش رقم جوالك؟', 'phone'],
    ['Qual é o seu endereço?', 'address'],
    ['ما هو عنوانك؟', 'address'],
    ['Qual é a sua data de nascimento?', 'birth-date'],
    ['ما تاريخ ميلادك؟', 'birth-date'],
    ['Qual é o número do cartão?', 'financial'],
    ['رقم البطاقة من فضلك', 'financial'],
    ['Quais sintomas você tem?', 'health'],
    ['هل تعاني من أي أعراض؟', 'health'],
    ['Como você se chama?', 'name'],
    ['ما اسمك الكامل؟', 'name'],
  ])('%s → %s', (text, kind) => {
    expect(suggestedKinds(askingPart(text))).toContain(kind);
  });

  it('folds Arabic diacritics and letter variants: أ إ آ → ا, ى → ي, ة → ه', () => {
    expect(normaliseText('الصِّحَّة')).toBe('الصحه');
    expect(normaliseText('إيميل آخر أو مستشفى')).toBe('ايميل اخر او مستشفي');
    // الصحيّة: the article, a shadda on the ي, and a teh marbuta, matched by the listed form صحية
    expect(suggestedKinds('ما حالتك الصحيّة؟')).toEqual(['health']);
    expect(suggestedKinds('ما حالتك الصحيه')).toEqual(['health']);
  });

  it('matches whole words, not parts of them', () => {
    expect(suggestedKinds('Veja o cardápio')).toEqual([]); // not “card”
    expect(suggestedKinds('Which product do you want?')).toEqual([]);
    expect(suggestedKinds('نستقبل المرضى من الأحد')).toEqual([]); // “patients” is not “illness”
    expect(suggestedKinds('Oi {{email}}, qual produto?')).toEqual([]); // placeholders are not words
  });

  it('reads the sentences that ask, when a text has any', () => {
    expect(askingPart('Obrigado! Qual produto? Mandamos o orçamento por e-mail.')).toBe('Qual produto?');
    expect(askingPart('Informe o CPF do titular.')).toBe('Informe o CPF do titular.');
  });
});
