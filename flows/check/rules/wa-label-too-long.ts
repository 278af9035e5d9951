import { defineRule } from '../rule.ts';

type Part = 'button' | 'list-button' | 'row-title' | 'row-description' | 'section-title' | 'label';

/** Which label a text site is, from where it sits in the node. */
function partOf(path: readonly (string | number)[]): Part {
  const last = path[path.length - 1];
  if (last === 'label' || last === 'accept' || last === 'decline') return 'button';
  if (last === 'button') return 'list-button';
  if (last === 'description') return 'row-description';
  if (last === 'title') return path.includes('rows') ? 'row-title' : 'section-title';
  return 'label';
}

/**
 * DESIGN.md §3 `wa-label-too-long`: WhatsApp caps a reply button's title and a list's button at
 * 20 code points, a row title at 24, a row description at 72, a section title at 24 and a
 * header or footer at 60 (the limits come with each text, ../../nodes/whatsapp-limits.ts).
 */
export const waLabelTooLong = defineRule({
  id: 'wa-label-too-long',
  severity: 'error',
  title: {
    en: 'A label is longer than WhatsApp allows',
    'pt-BR': 'Um rótulo é maior do que o WhatsApp permite',
    ar: 'نص أطول مما يسمح به واتساب',
  },
  help: {
    en: 'WhatsApp refuses interactive messages whose labels are too long: 20 characters for a button, 24 for a list row or section title, 72 for a row description, 60 for a header or footer. Emoji count as one character.',
    'pt-BR':
      'O WhatsApp recusa mensagens interativas com rótulos longos demais: 20 caracteres num botão, 24 no título de uma linha ou seção, 72 na descrição de uma linha, 60 num cabeçalho ou rodapé. Cada emoji conta como um caractere.',
    ar: 'يرفض واتساب الرسائل التفاعلية التي تطول نصوصها: 20 حرفًا للزر، و24 لعنوان الخيار أو القسم، و72 لوصف الخيار، و60 للترويسة أو التذييل. ويُحسب الرمز التعبيري حرفًا واحدًا.',
  },
  messages: {
    en: {
      button:
        'The button {text} of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it.',
      'list-button':
        'The list button {text} of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it.',
      'row-title':
        'The row title {text} of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it.',
      'row-description':
        'The row description {text} of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it.',
      'section-title':
        'The section title {text} of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it.',
      label:
        'The label {text} of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it.',
    },
    'pt-BR': {
      button:
        'O botão {text} do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-o.',
      'list-button':
        'O botão da lista {text} do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-o.',
      'row-title':
        'O título de linha {text} do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-o.',
      'row-description':
        'A descrição de linha {text} do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-a.',
      'section-title':
        'O título de seção {text} do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-o.',
      label:
        'O rótulo {text} do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-o.',
    },
    ar: {
      button: 'نص الزر {text} في الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره.',
      'list-button':
        'نص زر القائمة {text} في الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره.',
      'row-title':
        'عنوان الخيار {text} في الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره.',
      'row-description':
        'وصف الخيار {text} في الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره.',
      'section-title':
        'عنوان القسم {text} في الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره.',
      label: 'النص {text} في الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره.',
    },
  },
  check({ textSurvey, naming }, report) {
    for (const { node, site, language, value, length } of textSurvey().tooLong) {
      if (site.rule !== 'wa-label-too-long') continue;
      report({
        message: partOf(site.path),
        node,
        params: { text: naming.quote(value), length, language, max: site.maxLength },
      });
    }
  },
});
