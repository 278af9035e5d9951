import { isProtectedIdentifier, isSensitiveCategory } from '../../model/categories.ts';
import { defineRule } from '../rule.ts';
import { categoryName } from './wording.ts';

/**
 * DESIGN.md §3 `sensitive-echo`: a customer-visible text repeats a sensitive field, or a
 * government ID or financial one, to the chat, where it stays on the phone and in notifications.
 */
export const sensitiveEcho = defineRule({
  id: 'sensitive-echo',
  severity: 'warning',
  title: {
    en: 'A message repeats sensitive data in the chat',
    'pt-BR': 'Uma mensagem repete dados sensíveis na conversa',
    ar: 'رسالة تكرر بيانات حساسة في المحادثة',
  },
  help: {
    en: 'What the bot writes stays in the chat history and shows in phone notifications, where others can read it. Do not repeat health, financial, official ID or other sensitive values; confirm without them (“we have noted your answer”).',
    'pt-BR':
      'O que o robô escreve fica no histórico e aparece nas notificações do celular, onde outras pessoas podem ler. Não repita valores de saúde, financeiros, de documentos oficiais ou outros dados sensíveis; confirme sem eles (“anotamos sua resposta”).',
    ar: 'ما يكتبه المساعد يبقى في سجل المحادثة ويظهر في إشعارات الهاتف حيث قد يقرؤه آخرون. لا تكرر القيم الصحية أو المالية أو أرقام الهوية أو غيرها من البيانات الحساسة؛ أكّد دونها («سجّلنا إجابتك»).',
  },
  messages: {
    en: {
      echo: 'The step {node} repeats {field} ({category}) in the chat, where anyone who sees the customer’s phone can read it. Leave the value out of the message.',
    },
    'pt-BR': {
      echo: 'O passo {node} repete {field} ({category}) na conversa, onde qualquer pessoa que veja o celular do cliente pode ler. Tire o valor da mensagem.',
    },
    ar: {
      echo: 'الخطوة {node} تكرر {field} ({category}) في المحادثة، حيث يمكن لأي شخص يرى هاتف العميل قراءته. احذف القيمة من الرسالة.',
    },
  },
  check({ flow, textSurvey, naming, language, pathTo }, report) {
    const protectedFields = new Map(
      flow.data
        .filter((field) => isSensitiveCategory(field.category) || isProtectedIdentifier(field.category))
        .map((field) => [field.key, field.category]),
    );
    if (protectedFields.size === 0) return;
    for (const { node, keys } of textSurvey().echoes) {
      for (const key of keys) {
        const category = protectedFields.get(key);
        if (category === undefined) continue;
        report({
          message: 'echo',
          node,
          dataKey: key,
          path: pathTo(node),
          params: { field: naming.field(key), category: categoryName(category, language) },
        });
      }
    }
  },
});
