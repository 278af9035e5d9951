import { mayBePersonal } from '../inventory.ts';
import { endOf, firstOf, item } from '../lists.ts';
import { defineRule } from '../rule.ts';
import { sentData } from './wording.ts';

/**
 * `no-erasure-route` warning (DESIGN.md §2 `recipients[].erase`): a request sends personal data
 * (or a copy of it) to a declared recipient that has no erase route, so when the customer asks to
 * erase their data the bot erases its own copy but cannot ask that recipient to erase theirs
 * (GDPR art. 17(2) and 19, LGPD art. 18 §6: those the data was disclosed to are to be told).
 * Reported once per recipient, at the first step that sends to it, with the path to that step.
 * Handoffs forwarded to an agent desk are not judged: the desk returns no reference to erase by.
 */
export const noErasureRoute = defineRule({
  id: 'no-erasure-route',
  severity: 'warning',
  title: {
    en: 'A recipient of personal data cannot be asked to erase it',
    'pt-BR': 'Um destinatário de dados pessoais não pode ser chamado a apagá-los',
    ar: 'لا يمكن مطالبة جهة تتلقى بيانات شخصية بحذفها',
  },
  help: {
    en: 'When a customer asks to erase their data, the bot erases its own copy and then asks every recipient that received their data to erase theirs, using the recipient’s erase route. In Flow settings, give this recipient an erase route: the method and the address of its API that deletes a record, with the reference it returned when the data was sent (for example https://api.example.com/leads/{{lead_id}}).',
    'pt-BR':
      'Quando um cliente pede para apagar seus dados, o robô apaga a própria cópia e depois pede a cada destinatário que recebeu os dados que apague a dele, pela rota de exclusão do destinatário. Nas configurações do fluxo, dê a este destinatário uma rota de exclusão: o método e o endereço da API dele que apaga um registro, com a referência que ele devolveu quando os dados foram enviados (por exemplo https://api.exemplo.com.br/leads/{{lead_id}}).',
    ar: 'عندما يطلب العميل حذف بياناته، يحذف المساعد نسخته ثم يطلب من كل جهة تلقّت بياناته حذف نسختها، عبر مسار الحذف الخاص بها. في إعدادات التدفق، أعطِ هذه الجهة مسار حذف: الطريقة وعنوان واجهتها البرمجية الذي يحذف سجلًا، مع المرجع الذي أعادته عند إرسال البيانات (مثل https://api.example.com/leads/{{lead_id}}).',
  },
  messages: {
    en: {
      missing:
        'The step {node} sends {fields} to {recipient}, which has no erase route: when the customer asks to erase their data, the bot cannot ask {recipient} to erase its copy. Add an erase route to {recipient} in Flow settings.',
    },
    'pt-BR': {
      missing:
        'O passo {node} envia {fields} para {recipient}, que não tem rota de exclusão: quando o cliente pedir para apagar seus dados, o robô não poderá pedir a {recipient} que apague a cópia dele. Adicione uma rota de exclusão a {recipient} nas configurações do fluxo.',
    },
    ar: {
      missing:
        'الخطوة {node} ترسل {fields} إلى {recipient}، وليس لها مسار حذف: عندما يطلب العميل حذف بياناته، لن يستطيع المساعد أن يطلب من {recipient} حذف نسختها. أضف مسار حذف إلى {recipient} في إعدادات التدفق.',
    },
  },
  check({ flow, graph, inventory, naming, language, pathTo, copiesSent }, report) {
    const withoutRoute = new Set(
      flow.recipients.filter((recipient) => !recipient.erase).map((recipient) => recipient.id),
    );
    if (withoutRoute.size === 0) return;
    const sentCopies = copiesSent();
    const reported = new Set<string>();
    for (let at = 0; at < graph.sharing.length; at += 1) {
      const node = item(graph.sharing, at);
      for (let s = firstOf(graph.shareStart, node); s < endOf(graph.shareStart, node); s += 1) {
        const share = item(graph.shares, s);
        const recipient = share.recipient;
        if (share.via !== 'http' || recipient === undefined) continue;
        if (!withoutRoute.has(recipient) || reported.has(recipient)) continue;
        const personal = share.keys.filter((key) => mayBePersonal(inventory, key));
        const copies = (sentCopies.get(node) ?? []).filter((copy) => share.keys.includes(copy.copy));
        if (personal.length === 0 && copies.length === 0) continue;
        reported.add(recipient);
        const path = pathTo(node);
        report({
          message: 'missing',
          node,
          ...(path ? { path } : {}),
          params: { fields: sentData(naming, language, personal, copies), recipient: naming.recipient(recipient) },
        });
      }
    }
  },
});
