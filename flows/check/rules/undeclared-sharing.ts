import type { Recipient } from '../../model/schema.ts';
import { throughCopy, type CopyAt } from '../analyses/copies-at.ts';
import { isBuiltIn, mayBePersonal } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { declaredHost, hostMatches, type UrlParts } from '../urls.ts';
import { item, firstOf, endOf } from '../lists.ts';
import { sentData } from './wording.ts';

/**
 * DESIGN.md §3 `undeclared-sharing`: personal data leaves the bot in a way the inventory does not
 * declare. Sharing is an http node's `send` list and every key its URL, body or headers read,
 * and a handoff's `share` list; the built-ins `contact.phone` / `contact.name` count like any
 * field. Checked per key: declared at all (a key declared nowhere may be personal), and for http,
 * declared as shared with the node's recipient; per request: the recipient is declared and the
 * URL's host is the recipient's. A key that may hold a copy of a personal field (lineage,
 * ../analyses/lineage.ts) is judged as that field too: it must be declared, and shared with the
 * recipient, whatever the copy's own declaration says.
 */
export const undeclaredSharing = defineRule({
  id: 'undeclared-sharing',
  severity: 'error',
  title: {
    en: 'Personal data is shared in a way that is not declared',
    'pt-BR': 'Dados pessoais são compartilhados de um jeito não declarado',
    ar: 'مشاركة بيانات شخصية بطريقة غير مُعرَّفة',
  },
  help: {
    en: "Every recipient of personal data must be declared (with the host its API lives on) and listed in the “shared with” of each field it receives; the customer's WhatsApp number and name count too. A copy of a field (a Set variable step, a response that echoes it) is judged as that field: it may go only where the field may.",
    'pt-BR':
      'Todo destinatário de dados pessoais precisa estar declarado (com o host da sua API) e listado no “compartilhado com” de cada campo que recebe; o número e o nome de WhatsApp do cliente também contam. Uma cópia de um campo (passo Definir variável, resposta que o repete) é julgada como o próprio campo: só pode ir aonde o campo pode.',
    ar: 'يجب تعريف كل جهة تتلقى بيانات شخصية (مع المضيف الذي تعمل عليه واجهتها البرمجية) وإدراجها في «تُشارك مع» لكل حقل تتلقاه؛ ويشمل ذلك رقم العميل واسمه في واتساب. ونسخة الحقل (خطوة تعيين متغير أو رد يكرره) تُعامل معاملة الحقل نفسه: لا تذهب إلا حيث يجوز للحقل أن يذهب.',
  },
  messages: {
    en: {
      'undeclared-http':
        'The step {node} sends {key} to {recipient}, but {key} is declared neither under Data nor under Variables. Declare it under Data, shared with {recipient}, or under Variables if it is not personal.',
      'undeclared-handoff':
        'The step {node} passes {key} to a human agent, but {key} is declared neither under Data nor under Variables. Declare it under Data, or under Variables if it is not personal.',
      'built-in-http':
        'The step {node} sends {field} to {recipient} without declaring it. Add a field with the key {key} under Data, shared with {recipient}.',
      'built-in-handoff':
        'The step {node} passes {field} to a human agent without declaring it. Add a field with the key {key} under Data.',
      'not-recipient':
        'The step {node} sends {fields} to {recipient}, which is not a declared recipient. Add it under Recipients, with its host, and list it in the “shared with” of each field it receives.',
      'not-shared-with':
        "The step {node} sends {field} to {recipient}, but {field} is not declared as shared with {recipient}. Add {recipient} to the field's “shared with” list, or stop sending it.",
      'host-mismatch':
        'The step {node} sends {fields} to {host}, but the recipient {recipient} is declared at {declared}. Send to the recipient’s address, or declare the recipient that really receives the data.',
      'host-undeclared':
        'The step {node} sends {fields} to {host}, but the recipient {recipient} has no host declared, so Amana cannot confirm the data goes to them. Add {host} as the recipient’s host if it is theirs.',
      'host-invalid':
        'The step {node} sends {fields} to {url}, which is not a full web address. Write it as https://host/path, with the host of {recipient}.',
      'copy-not-shared-with':
        'The step {node} sends {copy} to {recipient}, and {copy} holds {field}, copied at the step {copyStep}, on the path {path}. {field} is not declared as shared with {recipient}: add {recipient} to its “shared with” list, or stop sending the copy.',
      'copy-built-in-http':
        'The step {node} sends {copy} to {recipient}, and {copy} holds {field}, copied at the step {copyStep}, on the path {path}, without declaring it. Add a field with the key {key} under Data, shared with {recipient}.',
      'copy-built-in-handoff':
        'The step {node} passes {copy} to a human agent, and {copy} holds {field}, copied at the step {copyStep}, on the path {path}, without declaring it. Add a field with the key {key} under Data.',
    },
    'pt-BR': {
      'undeclared-http':
        'O passo {node} envia {key} para {recipient}, mas {key} não está declarado em Dados nem em Variáveis. Declare-o em Dados, compartilhado com {recipient}, ou em Variáveis se não for um dado pessoal.',
      'undeclared-handoff':
        'O passo {node} repassa {key} a um atendente, mas {key} não está declarado em Dados nem em Variáveis. Declare-o em Dados, ou em Variáveis se não for um dado pessoal.',
      'built-in-http':
        'O passo {node} envia {field} para {recipient} sem declará-lo. Adicione em Dados um campo com a chave {key}, compartilhado com {recipient}.',
      'built-in-handoff':
        'O passo {node} repassa {field} a um atendente sem declará-lo. Adicione em Dados um campo com a chave {key}.',
      'not-recipient':
        'O passo {node} envia {fields} para {recipient}, que não é um destinatário declarado. Adicione-o em Destinatários, com o host, e inclua-o no “compartilhado com” de cada campo que ele recebe.',
      'not-shared-with':
        'O passo {node} envia {field} para {recipient}, mas {field} não está declarado como compartilhado com {recipient}. Inclua {recipient} no “compartilhado com” do campo, ou deixe de enviá-lo.',
      'host-mismatch':
        'O passo {node} envia {fields} para {host}, mas o destinatário {recipient} está declarado em {declared}. Envie para o endereço do destinatário, ou declare o destinatário que realmente recebe os dados.',
      'host-undeclared':
        'O passo {node} envia {fields} para {host}, mas o destinatário {recipient} não tem host declarado, então o Amana não consegue confirmar que os dados vão para ele. Informe {host} como host do destinatário, se for dele.',
      'host-invalid':
        'O passo {node} envia {fields} para {url}, que não é um endereço web completo. Escreva-o como https://host/caminho, com o host de {recipient}.',
      'copy-not-shared-with':
        'O passo {node} envia {copy} para {recipient}, e {copy} contém {field}, copiado no passo {copyStep}, no caminho {path}. {field} não está declarado como compartilhado com {recipient}: inclua {recipient} no “compartilhado com” do campo, ou deixe de enviar a cópia.',
      'copy-built-in-http':
        'O passo {node} envia {copy} para {recipient}, e {copy} contém {field}, copiado no passo {copyStep}, no caminho {path}, sem declará-lo. Adicione em Dados um campo com a chave {key}, compartilhado com {recipient}.',
      'copy-built-in-handoff':
        'O passo {node} repassa {copy} a um atendente, e {copy} contém {field}, copiado no passo {copyStep}, no caminho {path}, sem declará-lo. Adicione em Dados um campo com a chave {key}.',
    },
    ar: {
      'undeclared-http':
        'الخطوة {node} ترسل {key} إلى {recipient}، لكن {key} غير مُعرَّف في «البيانات» ولا في «المتغيرات». عرّفه في «البيانات» مع إدراج {recipient} في «تُشارك مع»، أو في «المتغيرات» إن لم يكن بيانات شخصية.',
      'undeclared-handoff':
        'الخطوة {node} تمرّر {key} إلى موظف، لكن {key} غير مُعرَّف في «البيانات» ولا في «المتغيرات». عرّفه في «البيانات»، أو في «المتغيرات» إن لم يكن بيانات شخصية.',
      'built-in-http':
        'الخطوة {node} ترسل {field} إلى {recipient} دون تعريفه. أضف في «البيانات» حقلًا بالمفتاح {key} يُشارك مع {recipient}.',
      'built-in-handoff': 'الخطوة {node} تمرّر {field} إلى موظف دون تعريفه. أضف في «البيانات» حقلًا بالمفتاح {key}.',
      'not-recipient':
        'الخطوة {node} ترسل {fields} إلى {recipient}، وهي ليست جهة مستلمة مُعرَّفة. أضفها في «الجهات المستلمة» مع مضيفها، وأدرجها في «تُشارك مع» لكل حقل تتلقاه.',
      'not-shared-with':
        'الخطوة {node} ترسل {field} إلى {recipient}، لكن {field} غير مُعرَّف على أنه يُشارك مع {recipient}. أضف {recipient} إلى قائمة «تُشارك مع» في الحقل، أو توقّف عن إرساله.',
      'host-mismatch':
        'الخطوة {node} ترسل {fields} إلى {host}، لكن الجهة المستلمة {recipient} مُعرَّفة على {declared}. أرسل إلى عنوان الجهة المستلمة، أو عرّف الجهة التي تتلقى البيانات فعلًا.',
      'host-undeclared':
        'الخطوة {node} ترسل {fields} إلى {host}، لكن الجهة المستلمة {recipient} بلا مضيف مُعرَّف، فلا يمكن لأمانة التأكد من أن البيانات تصل إليها. أضف {host} مضيفًا للجهة المستلمة إن كان يخصها.',
      'host-invalid':
        'الخطوة {node} ترسل {fields} إلى {url}، وهو ليس عنوان ويب كاملًا. اكتبه بالشكل https://host/path مع مضيف {recipient}.',
      'copy-not-shared-with':
        'الخطوة {node} ترسل {copy} إلى {recipient}، و{copy} يحمل {field}، وقد نُسخ في الخطوة {copyStep}، على المسار {path}. {field} غير مُعرَّف على أنه يُشارك مع {recipient}: أضف {recipient} إلى قائمة «تُشارك مع» في الحقل، أو توقّف عن إرسال النسخة.',
      'copy-built-in-http':
        'الخطوة {node} ترسل {copy} إلى {recipient}، و{copy} يحمل {field}، وقد نُسخ في الخطوة {copyStep}، على المسار {path}، دون تعريفه. أضف في «البيانات» حقلًا بالمفتاح {key} يُشارك مع {recipient}.',
      'copy-built-in-handoff':
        'الخطوة {node} تمرّر {copy} إلى موظف، و{copy} يحمل {field}، وقد نُسخ في الخطوة {copyStep}، على المسار {path}، دون تعريفه. أضف في «البيانات» حقلًا بالمفتاح {key}.',
    },
  },
  check({ graph, inventory, naming, language, copiesSent, pathTo }, report) {
    const sentCopies = copiesSent();
    // Each address is compared once with the host of each recipient it is sent to.
    const verdicts = new Map<UrlParts, Map<Recipient, boolean>>();
    const sendsToRecipient = (parts: UrlParts, recipient: Recipient, declared: string) => {
      let byRecipient = verdicts.get(parts);
      if (byRecipient === undefined) verdicts.set(parts, (byRecipient = new Map()));
      let matches = byRecipient.get(recipient);
      if (matches === undefined) byRecipient.set(recipient, (matches = hostMatches(parts, declared)));
      return matches;
    };
    const declaredHosts = new Map<Recipient, string | undefined>();
    const hostDeclaredFor = (recipient: Recipient) => {
      if (!declaredHosts.has(recipient)) declaredHosts.set(recipient, declaredHost(recipient));
      return declaredHosts.get(recipient);
    };
    for (let at = 0; at < graph.sharing.length; at += 1) {
      const node = item(graph.sharing, at);
      for (let s = firstOf(graph.shareStart, node); s < endOf(graph.shareStart, node); s += 1) {
        const share = item(graph.shares, s);
        const personal = share.keys.filter((key) => mayBePersonal(inventory, key));
        // Keys that may hold copies of personal fields are judged as the fields they hold.
        const copies = (sentCopies.get(node) ?? []).filter((copy) => share.keys.includes(copy.copy));
        if (personal.length === 0 && copies.length === 0) continue;
        const http = share.via === 'http';
        const recipientId = share.recipient ?? '';
        const recipient = inventory.recipients.get(recipientId);
        // Names are put into words only for what is reported: most shares are in order.
        const recipientName = () => naming.recipient(recipientId);
        for (const key of personal) {
          if (inventory.fields.has(key)) continue;
          const message = isBuiltIn(key)
            ? http
              ? 'built-in-http'
              : 'built-in-handoff'
            : http
              ? 'undeclared-http'
              : 'undeclared-handoff';
          report({
            message,
            node,
            dataKey: key,
            params: { key: naming.quote(key), field: naming.field(key), recipient: recipientName() },
          });
        }
        const viaCopy = (copy: CopyAt) => {
          const witness = throughCopy(copy);
          const path = witness.path ?? pathTo(node);
          return {
            node,
            dataKey: copy.origin,
            ...witness,
            ...(path ? { path } : {}),
            params: {
              copy: naming.field(copy.copy),
              field: naming.field(copy.origin),
              key: naming.quote(copy.origin),
              recipient: recipientName(),
            },
          };
        };
        for (const copy of copies) {
          if (inventory.fields.has(copy.origin)) continue;
          report({ message: http ? 'copy-built-in-http' : 'copy-built-in-handoff', ...viaCopy(copy) });
        }
        if (!http) continue;
        const fields = () => sentData(naming, language, personal, copies);
        // Findings about the whole request show the way through the copy when only copies are personal.
        const first = personal.length === 0 ? copies.find((copy) => copy.path) : undefined;
        const onlyCopies = first ? throughCopy(first) : {};
        if (!recipient) {
          report({
            message: 'not-recipient',
            node,
            ...onlyCopies,
            params: { fields: fields(), recipient: recipientName() },
          });
          continue;
        }
        for (const key of personal) {
          const field = inventory.fields.get(key);
          if (!field || (field.sharedWith ?? []).includes(recipient.id)) continue;
          report({
            message: 'not-shared-with',
            node,
            dataKey: key,
            params: { field: naming.field(key), recipient: recipientName() },
          });
        }
        for (const copy of copies) {
          const field = inventory.fields.get(copy.origin);
          if (!field || (field.sharedWith ?? []).includes(recipient.id)) continue;
          report({ message: 'copy-not-shared-with', ...viaCopy(copy) });
        }
        const parts = item(graph.shareUrls, s);
        const declared = hostDeclaredFor(recipient);
        // A placeholder in the host is refused by unsafe-template, whatever the step sends.
        if (parts.dynamic) continue;
        if (
          parts.host === undefined ||
          parts.host === '' ||
          declared === undefined ||
          !sendsToRecipient(parts, recipient, declared)
        ) {
          const params = { fields: fields(), recipient: recipientName(), url: naming.quote(share.url ?? '') };
          if (parts.host === undefined || parts.host === '')
            report({ message: 'host-invalid', node, ...onlyCopies, params });
          else if (declared === undefined)
            report({
              message: 'host-undeclared',
              node,
              ...onlyCopies,
              params: { ...params, host: naming.quote(parts.host) },
            });
          else
            report({
              message: 'host-mismatch',
              node,
              ...onlyCopies,
              params: { ...params, host: naming.quote(parts.host), declared: naming.quote(declared) },
            });
        }
      }
    }
  },
});
