import { isProtectedIdentifier, isSensitiveCategory } from '../../model/categories.ts';
import { templateKeys } from '../../model/common.ts';
import { copiesAt, throughCopy } from '../analyses/copies-at.ts';
import { item, firstOf, endOf } from '../lists.ts';
import { defineRule } from '../rule.ts';
import { categoryName } from './wording.ts';

/**
 * DESIGN.md §3 `sensitive-echo`: a customer-visible text repeats a sensitive field, or a
 * government ID or financial one, to the chat, where it stays on the phone and in notifications —
 * directly, or through a copy (a key set from it, see ../analyses/lineage.ts).
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
    en: 'What the bot writes stays in the chat history and shows in phone notifications, where others can read it. Do not repeat health, financial, official ID or other sensitive values; confirm without them (“we have noted your answer”). A value copied from one of them (a Set variable step, a response that echoes it) counts as the same data.',
    'pt-BR':
      'O que o robô escreve fica no histórico e aparece nas notificações do celular, onde outras pessoas podem ler. Não repita valores de saúde, financeiros, de documentos oficiais ou outros dados sensíveis; confirme sem eles (“anotamos sua resposta”). Um valor copiado de um deles (passo Definir variável, resposta que o repete) conta como o mesmo dado.',
    ar: 'ما يكتبه المساعد يبقى في سجل المحادثة ويظهر في إشعارات الهاتف حيث قد يقرؤه آخرون. لا تكرر القيم الصحية أو المالية أو أرقام الهوية أو غيرها من البيانات الحساسة؛ أكّد دونها («سجّلنا إجابتك»). والقيمة المنسوخة من أحدها (خطوة تعيين متغير أو رد يكررها) تُعدّ البيانات نفسها.',
  },
  messages: {
    en: {
      echo: 'The step {node} repeats {field} ({category}) in the chat, where anyone who sees the customer’s phone can read it. Leave the value out of the message.',
      'echo-copy':
        'The step {node} repeats {copy} in the chat, and {copy} holds {field} ({category}), copied at the step {copyStep}, on the path {path}. Anyone who sees the customer’s phone can read it: leave the value out of the message.',
    },
    'pt-BR': {
      echo: 'O passo {node} repete {field} ({category}) na conversa, onde qualquer pessoa que veja o celular do cliente pode ler. Tire o valor da mensagem.',
      'echo-copy':
        'O passo {node} repete {copy} na conversa, e {copy} contém {field} ({category}), copiado no passo {copyStep}, no caminho {path}. Qualquer pessoa que veja o celular do cliente pode ler: tire o valor da mensagem.',
    },
    ar: {
      echo: 'الخطوة {node} تكرر {field} ({category}) في المحادثة، حيث يمكن لأي شخص يرى هاتف العميل قراءته. احذف القيمة من الرسالة.',
      'echo-copy':
        'الخطوة {node} تكرر {copy} في المحادثة، و{copy} يحمل {field} ({category})، وقد نُسخ في الخطوة {copyStep}، على المسار {path}. يمكن لأي شخص يرى هاتف العميل قراءته: احذف القيمة من الرسالة.',
    },
  },
  check({ flow, graph, textSurvey, texts, lineage, naming, language, pathTo }, report) {
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
    // Copies: a text reading a key that, on some path here, holds a protected field.
    const uses: { node: number; key: string }[] = [];
    const { copies } = lineage();
    if (copies.size === 0) return;
    for (let at = 0; at < graph.using.length; at += 1) {
      const node = item(graph.using, at);
      let read: Set<string> | undefined;
      const seen = new Set<string>();
      for (let r = firstOf(graph.readStart, node); r < endOf(graph.readStart, node); r += 1) {
        const copy = item(graph.reads, r);
        if (!copies.has(copy)) continue;
        read ??= textsRead(texts(node));
        if (read.has(copy) && !seen.has(copy)) uses.push({ node, key: copy });
        seen.add(copy);
      }
    }
    for (const found of copiesAt(lineage(), uses)) {
      const category = protectedFields.get(found.origin);
      if (category === undefined) continue;
      report({
        message: 'echo-copy',
        node: found.node,
        dataKey: found.origin,
        ...throughCopy(found),
        params: {
          copy: naming.field(found.copy),
          field: naming.field(found.origin),
          category: categoryName(category, language),
        },
      });
    }
  },
});

/** The keys the customer texts of a node read (not its conditions or requests). */
function textsRead(sites: readonly { text: Record<string, string | undefined> }[]): Set<string> {
  const keys = new Set<string>();
  for (const site of sites)
    for (const language in site.text) for (const key of templateKeys(site.text[language] ?? '')) keys.add(key);
  return keys;
}
