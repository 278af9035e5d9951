import { eraseRouteKeys } from '../../model/erase-route.ts';
import type { Flow } from '../../model/schema.ts';
import { defineRule } from '../rule.ts';
import { declaredHost, hostMatches, isProtectedTransport, urlParts } from '../urls.ts';

/**
 * `invalid-erasure-route` error (DESIGN.md §2 `recipients[].erase`): the bot calls a recipient's
 * erase route after the person's own data is gone, so the address and the headers may read only
 * what that recipient itself returned when the data was sent (a `saveResponse` of a request to it, such as
 * `{{lead_id}}`) — never an answer of the customer, which would be sent to the recipient once
 * more, and must read at least one such reference, or it would not say whose record to erase. It
 * must be https (http only to this machine) on the host the recipient declares, and no
 * placeholder may decide where it goes. The exported bot checks the filled-in address again.
 */
export const invalidErasureRoute = defineRule({
  id: 'invalid-erasure-route',
  severity: 'error',
  title: {
    en: 'A recipient’s erase route cannot be used safely',
    'pt-BR': 'A rota de exclusão de um destinatário não pode ser usada com segurança',
    ar: 'لا يمكن استخدام مسار الحذف لجهة مستلمة بأمان',
  },
  help: {
    en: 'An erase route is called after the customer’s own data is erased, so its address and headers can only use the reference the recipient returned when the data was sent (saved from its response by an HTTP request step, such as {{lead_id}}). It must be an https:// address on the recipient’s declared host.',
    'pt-BR':
      'Uma rota de exclusão é chamada depois que os dados do próprio cliente foram apagados, então o endereço e os cabeçalhos só podem usar a referência que o destinatário devolveu quando os dados foram enviados (guardada da resposta por um passo de requisição HTTP, como {{lead_id}}). Deve ser um endereço https:// no host declarado do destinatário.',
    ar: 'يُستدعى مسار الحذف بعد حذف بيانات العميل نفسه، لذا لا يجوز أن يستخدم عنوانه وترويساته إلا المرجع الذي أعادته الجهة المستلمة عند إرسال البيانات (المحفوظ من ردها في خطوة طلب HTTP، مثل {{lead_id}}). ويجب أن يكون عنوان https:// على المضيف المعلن للجهة.',
  },
  messages: {
    en: {
      'not-returned':
        'The erase route of {recipient} reads {key}, which {recipient} does not return: only values saved from {recipient}’s own responses (by an HTTP request step to it) can be used, since the customer’s data is gone by then.',
      'no-reference':
        'The erase route of {recipient} ({url}) reads no reference, so it does not say whose record to erase. Add the reference {recipient} returned when the data was sent, for example {{lead_id}}.',
      insecure:
        'The erase route of {recipient} ({url}) is not an https:// address. Use the recipient’s https:// address.',
      'no-host':
        'The erase route of {recipient} cannot be checked: {recipient} has no declared host. Declare the recipient’s host in Flow settings.',
      'wrong-host':
        'The erase route of {recipient} ({url}) is not on the host declared for {recipient}, or a placeholder decides where it goes. Use an address on {host}.',
    },
    'pt-BR': {
      'not-returned':
        'A rota de exclusão de {recipient} lê {key}, que {recipient} não devolve: só valores guardados das respostas do próprio {recipient} (por um passo de requisição HTTP para ele) podem ser usados, pois os dados do cliente já terão sido apagados.',
      'no-reference':
        'A rota de exclusão de {recipient} ({url}) não lê nenhuma referência, então não diz qual registro apagar. Inclua a referência que {recipient} devolveu quando os dados foram enviados, por exemplo {{lead_id}}.',
      insecure:
        'A rota de exclusão de {recipient} ({url}) não é um endereço https://. Use o endereço https:// do destinatário.',
      'no-host':
        'A rota de exclusão de {recipient} não pode ser verificada: {recipient} não tem host declarado. Declare o host do destinatário nas configurações do fluxo.',
      'wrong-host':
        'A rota de exclusão de {recipient} ({url}) não está no host declarado de {recipient}, ou um marcador decide para onde ela vai. Use um endereço em {host}.',
    },
    ar: {
      'not-returned':
        'مسار الحذف لـ {recipient} يقرأ {key}، و{recipient} لا تعيده: لا يُستخدم إلا ما حُفظ من ردود {recipient} نفسها (بخطوة طلب HTTP إليها)، لأن بيانات العميل تكون قد حُذفت حينها.',
      'no-reference':
        'مسار الحذف لـ {recipient} ({url}) لا يقرأ أي مرجع، فلا يحدد السجل الذي يجب حذفه. أضف المرجع الذي أعادته {recipient} عند إرسال البيانات، مثل {{lead_id}}.',
      insecure: 'مسار الحذف لـ {recipient} ({url}) ليس عنوانًا يبدأ بـ https://. استخدم عنوان https:// للجهة المستلمة.',
      'no-host':
        'لا يمكن التحقق من مسار الحذف لـ {recipient}: لا مضيف معلنًا لها. أعلن مضيف الجهة المستلمة في إعدادات التدفق.',
      'wrong-host':
        'مسار الحذف لـ {recipient} ({url}) ليس على المضيف المعلن لـ {recipient}، أو أن عنصرًا نائبًا يحدد وجهته. استخدم عنوانًا على {host}.',
    },
  },
  check({ flow, naming }, report) {
    for (const recipient of flow.recipients) {
      if (!recipient.erase) continue;
      const { url } = recipient.erase;
      const params = { recipient: naming.recipient(recipient.id), url };
      const returned = returnedKeys(flow, recipient.id);
      const keys = eraseRouteKeys(recipient.erase);
      if (keys.length === 0) report({ message: 'no-reference', params });
      for (const key of keys) {
        if (!returned.has(key))
          report({ message: 'not-returned', dataKey: key, params: { ...params, key: `{{${key}}}` } });
      }
      const target = urlParts(url);
      const host = declaredHost(recipient);
      if (!target.dynamic && target.scheme !== undefined && !isProtectedTransport(target))
        report({ message: 'insecure', params });
      else if (host === undefined) report({ message: 'no-host', params });
      else if (target.dynamic || target.unsafeCharacters || !hostMatches(target, host))
        report({ message: 'wrong-host', params: { ...params, host } });
    }
  },
});

/** The keys requests to a recipient save from its responses: what it returned, the only references its erase route may read. */
function returnedKeys(flow: Flow, recipientId: string): Set<string> {
  const keys = new Set<string>();
  for (const node of flow.nodes) {
    if (node.type !== 'http' || node.recipient !== recipientId) continue;
    for (const mapping of node.saveResponse ?? []) keys.add(mapping.to);
  }
  return keys;
}
