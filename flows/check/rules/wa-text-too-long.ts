import { whatsappLimits } from '../../nodes/whatsapp-limits.ts';
import { defineRule } from '../rule.ts';

/** DESIGN.md §3 `wa-text-too-long`: a message over 4,096 code points, an interactive body over 1,024. */
export const waTextTooLong = defineRule({
  id: 'wa-text-too-long',
  severity: 'error',
  title: {
    en: 'A message is longer than WhatsApp allows',
    'pt-BR': 'Uma mensagem é maior do que o WhatsApp permite',
    ar: 'رسالة أطول مما يسمح به واتساب',
  },
  help: {
    en: 'WhatsApp accepts text messages of up to 4,096 characters, and up to 1,024 above buttons or a list. Shorten the text or split it across steps.',
    'pt-BR':
      'O WhatsApp aceita mensagens de texto de até 4.096 caracteres, e de até 1.024 acima de botões ou de uma lista. Encurte o texto ou divida-o em mais passos.',
    ar: 'يقبل واتساب الرسائل النصية حتى 4096 حرفًا، وحتى 1024 حرفًا فوق الأزرار أو القائمة. اختصر النص أو قسّمه على أكثر من خطوة.',
  },
  messages: {
    en: {
      body: 'The text of the step {node} is {length} characters long in {language}; WhatsApp allows {max}. Shorten it, or split it into two messages.',
      interactive:
        'The text of the step {node} is {length} characters long in {language}; WhatsApp allows {max} above buttons or a list. Shorten it, or move part of it to a Message step before.',
    },
    'pt-BR': {
      body: 'O texto do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max}. Encurte-o, ou divida-o em duas mensagens.',
      interactive:
        'O texto do passo {node} tem {length} caracteres em {language}; o WhatsApp permite {max} acima de botões ou de uma lista. Encurte-o, ou passe parte dele para um passo de Mensagem antes.',
    },
    ar: {
      body: 'نص الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max}. اختصره أو قسّمه إلى رسالتين.',
      interactive:
        'نص الخطوة {node} طوله {length} حرفًا بلغة {language}، ويسمح واتساب بـ {max} فوق الأزرار أو القائمة. اختصره أو انقل جزءًا منه إلى خطوة رسالة قبلها.',
    },
  },
  check({ textSurvey }, report) {
    for (const { node, site, language, length } of textSurvey().tooLong) {
      if (site.rule !== 'wa-text-too-long') continue;
      report({
        message: site.maxLength < whatsappLimits.textBody ? 'interactive' : 'body',
        node,
        params: { length, language, max: site.maxLength },
      });
    }
  },
});
