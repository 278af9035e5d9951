import { mayBePersonal } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { isProtectedTransport } from '../urls.ts';
import { item, firstOf, endOf } from '../lists.ts';
import { sentData } from './wording.ts';
import { throughCopy } from '../analyses/copies-at.ts';

/**
 * DESIGN.md §3 `insecure-transfer`: personal data sent to a URL that is not https, by a request or
 * by a handoff forwarded to an agent desk. http to this machine itself (127.0.0.1, localhost,
 * [::1]) never crosses a network and is accepted, as the exported bot accepts it. Only a scheme
 * written in the URL is judged; an address that begins with a placeholder is `undeclared-sharing`.
 * The witness is the shortest path on which the request is made. A key that may hold a copy of a
 * personal field (lineage, ../analyses/lineage.ts) is personal here whatever its own declaration,
 * and is named with its origin; when only copies make a request personal, the witness goes
 * through the step that made the copy.
 */
export const insecureTransfer = defineRule({
  id: 'insecure-transfer',
  severity: 'error',
  title: {
    en: 'Personal data is sent without encryption',
    'pt-BR': 'Dados pessoais são enviados sem criptografia',
    ar: 'إرسال بيانات شخصية دون تشفير',
  },
  help: {
    en: 'Anyone on the network between the bot and the recipient can read data sent over http://. Use the recipient’s https:// address. A copy of personal data (a Set variable step, a response that echoes it) is personal data too.',
    'pt-BR':
      'Qualquer um na rede entre o robô e o destinatário consegue ler dados enviados por http://. Use o endereço https:// do destinatário. Uma cópia de dados pessoais (passo Definir variável, resposta que os repete) também é dado pessoal.',
    ar: 'يستطيع أي طرف على الشبكة بين المساعد والجهة المستلمة قراءة البيانات المرسلة عبر http://. استخدم عنوان https:// للجهة المستلمة. ونسخة البيانات الشخصية (خطوة تعيين متغير أو رد يكررها) بيانات شخصية أيضًا.',
  },
  messages: {
    en: {
      plain: 'The step {node} sends {fields} over an unencrypted connection ({url}). Use an https:// address.',
      desk: 'The step {node} hands {fields} over to an agent desk at an unencrypted address ({url}), so the bot will not forward the handoff there. Give the desk’s recipient an https:// address.',
    },
    'pt-BR': {
      plain: 'O passo {node} envia {fields} por uma conexão sem criptografia ({url}). Use um endereço https://.',
      desk: 'O passo {node} transfere {fields} para uma central de atendimento num endereço sem criptografia ({url}), então o robô não vai encaminhar a transferência para lá. Dê a esse destinatário um endereço https://.',
    },
    ar: {
      plain: 'الخطوة {node} ترسل {fields} عبر اتصال غير مشفّر ({url}). استخدم عنوانًا يبدأ بـ https://.',
      desk: 'الخطوة {node} تحوّل {fields} إلى مكتب موظفين على عنوان غير مشفّر ({url})، لذا لن يرسل المساعد التحويل إليه. أعطِ الجهة المستلمة لمكتب الموظفين عنوانًا يبدأ بـ https://.',
    },
  },
  check({ graph, inventory, naming, language, pathTo, copiesSent }, report) {
    const sentCopies = copiesSent();
    for (let at = 0; at < graph.sharing.length; at += 1) {
      const node = item(graph.sharing, at);
      for (let s = firstOf(graph.shareStart, node); s < endOf(graph.shareStart, node); s += 1) {
        const share = item(graph.shares, s);
        const parts = item(graph.shareUrls, s);
        if (parts.scheme === undefined || isProtectedTransport(parts)) continue;
        const personal = share.keys.filter((key) => mayBePersonal(inventory, key));
        const copies = (sentCopies.get(node) ?? []).filter((copy) => share.keys.includes(copy.copy));
        if (personal.length === 0 && copies.length === 0) continue;
        // Sending only copies: the witness goes through the step that made the first of them.
        const first = personal.length === 0 ? copies.find((copy) => copy.path) : undefined;
        const path = first?.path ?? pathTo(node);
        report({
          message: share.via === 'handoff' ? 'desk' : 'plain',
          node,
          ...(path ? { path } : {}),
          ...(first ? throughCopy(first) : {}),
          params: {
            fields: sentData(naming, language, personal, copies),
            url: `${parts.scheme}://${parts.host ?? '…'}`,
          },
        });
      }
    }
  },
});
