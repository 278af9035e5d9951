import { templateKeys } from '../../model/common.ts';
import { isSecretKey, secretNameOf } from '../../nodes/http/secrets.ts';
import type { Recipient } from '../../model/schema.ts';
import { defineRule, type Finding } from '../rule.ts';
import { declaredHost, hostMatches, isProtectedTransport, urlParts } from '../urls.ts';

/** What can be wrong with a secret in a request's headers: its name, or where the request goes. */
type HeaderProblem = 'bad-name' | 'no-host' | 'wrong-host';
type Message = 'outside-header' | HeaderProblem | `route-${HeaderProblem}` | 'declared';

/**
 * `misplaced-secret` error (DESIGN.md §2): `{{secret.NAME}}` is an integration's credential, read
 * from the bot's environment (`AMANA_SECRET_NAME`) and sent only where its owner expects it: in a
 * header of an http step whose URL, read as the bot sends it, is https (or this machine) on the
 * host its recipient declares — or in a header of a recipient's erase route
 * (`recipients[].erase.headers`), judged the same way against the route's URL. Anywhere else — a
 * text the customer reads, a URL, a body, a set step, a recipient's address, a header of a request
 * to another or an undeclared host — it could be shown, stored or sent to someone else, so the
 * flow is refused. Names are letters, digits and
 * `_` (they become part of an environment variable's name), and no data or variable may be
 * declared under `secret.`, so no stored value can pose as one.
 */
export const misplacedSecret = defineRule({
  id: 'misplaced-secret',
  severity: 'error',
  title: {
    en: 'A secret could reach someone it is not meant for',
    'pt-BR': 'Um segredo pode chegar a quem não deveria',
    ar: 'قد يصل سرّ إلى من لا يُقصد به',
  },
  help: {
    en: 'A {{secret.NAME}} placeholder (an API token kept in the bot’s AMANA_SECRET_NAME setting) may only be written in a header of an HTTP request, or of a recipient’s erase route, whose https:// address is on the host declared for its recipient. Move it into such a header, or declare the recipient’s host.',
    'pt-BR':
      'Um marcador {{secret.NOME}} (um token de API guardado na configuração AMANA_SECRET_NOME do robô) só pode ser escrito num cabeçalho de uma requisição HTTP, ou da rota de exclusão de um destinatário, cujo endereço https:// esteja no host declarado do seu destinatário. Mova-o para um cabeçalho assim, ou declare o host do destinatário.',
    ar: 'لا يجوز كتابة العنصر النائب {{secret.NAME}} (رمز واجهة برمجة محفوظ في الإعداد AMANA_SECRET_NAME للمساعد) إلا في ترويسة طلب HTTP أو مسار حذف لجهة مستلمة، عنوانه https:// على المضيف المعلن للجهة المستلمة. انقله إلى ترويسة كهذه، أو أعلن مضيف الجهة المستلمة.',
  },
  messages: {
    en: {
      'outside-header':
        'The step {node} reads the secret {secret} outside a request header ({where}), where it could be shown, stored or sent on. Secrets may only be written in a header of an HTTP request or of an erase route.',
      'bad-name':
        'The step {node} reads {secret}, which is not a valid secret name: after “secret.” use only letters, digits and _, as in secret.CRM_TOKEN.',
      'no-host':
        'The step {node} sends the secret {secret} to {recipient}, which has no declared host, so nothing proves where the secret goes. Declare the recipient’s host in Flow settings.',
      'wrong-host':
        'The step {node} sends the secret {secret} to {url}, which is not an https:// address on the host declared for {recipient}. Secrets go only to their recipient’s own host.',
      'route-bad-name':
        'The erase route of {recipient} reads {secret}, which is not a valid secret name: after “secret.” use only letters, digits and _, as in secret.CRM_TOKEN.',
      'route-no-host':
        'The erase route of {recipient} sends the secret {secret}, but {recipient} has no declared host, so nothing proves where the secret goes. Declare the recipient’s host in Flow settings.',
      'route-wrong-host':
        'The erase route of {recipient} sends the secret {secret} to {url}, which is not an https:// address on the host declared for {recipient}. Secrets go only to their recipient’s own host.',
      declared:
        'The field or variable “{key}” is declared with a name beginning with “secret.”, which is kept for secrets read from the bot’s settings. Rename it.',
    },
    'pt-BR': {
      'outside-header':
        'O passo {node} lê o segredo {secret} fora de um cabeçalho de requisição ({where}), onde ele poderia ser mostrado, guardado ou repassado. Segredos só podem ser escritos num cabeçalho de uma requisição HTTP ou de uma rota de exclusão.',
      'bad-name':
        'O passo {node} lê {secret}, que não é um nome de segredo válido: depois de “secret.” use só letras, dígitos e _, como em secret.CRM_TOKEN.',
      'no-host':
        'O passo {node} envia o segredo {secret} para {recipient}, que não tem host declarado, então nada garante para onde o segredo vai. Declare o host do destinatário nas configurações do fluxo.',
      'wrong-host':
        'O passo {node} envia o segredo {secret} para {url}, que não é um endereço https:// no host declarado de {recipient}. Segredos só vão para o host do próprio destinatário.',
      'route-bad-name':
        'A rota de exclusão de {recipient} lê {secret}, que não é um nome de segredo válido: depois de “secret.” use só letras, dígitos e _, como em secret.CRM_TOKEN.',
      'route-no-host':
        'A rota de exclusão de {recipient} envia o segredo {secret}, mas {recipient} não tem host declarado, então nada garante para onde o segredo vai. Declare o host do destinatário nas configurações do fluxo.',
      'route-wrong-host':
        'A rota de exclusão de {recipient} envia o segredo {secret} para {url}, que não é um endereço https:// no host declarado de {recipient}. Segredos só vão para o host do próprio destinatário.',
      declared:
        'O campo ou variável “{key}” está declarado com um nome que começa com “secret.”, reservado para segredos lidos das configurações do robô. Renomeie-o.',
    },
    ar: {
      'outside-header':
        'الخطوة {node} تقرأ السرّ {secret} خارج ترويسة طلب ({where})، حيث قد يُعرض أو يُخزَّن أو يُرسَل إلى غيره. لا تُكتب الأسرار إلا في ترويسة طلب HTTP أو مسار حذف.',
      'bad-name':
        'الخطوة {node} تقرأ {secret}، وهو ليس اسم سرّ صالحًا: بعد “secret.” استخدم الحروف والأرقام و_ فقط، مثل secret.CRM_TOKEN.',
      'no-host':
        'الخطوة {node} ترسل السرّ {secret} إلى {recipient}، ولا مضيف معلنًا لها، فلا شيء يثبت إلى أين يذهب السرّ. أعلن مضيف الجهة المستلمة في إعدادات التدفق.',
      'wrong-host':
        'الخطوة {node} ترسل السرّ {secret} إلى {url}، وهو ليس عنوان https:// على المضيف المعلن لـ {recipient}. لا تذهب الأسرار إلا إلى مضيف الجهة المستلمة نفسها.',
      'route-bad-name':
        'مسار الحذف لـ {recipient} يقرأ {secret}، وهو ليس اسم سرّ صالحًا: بعد “secret.” استخدم الحروف والأرقام و_ فقط، مثل secret.CRM_TOKEN.',
      'route-no-host':
        'مسار الحذف لـ {recipient} يرسل السرّ {secret}، ولا مضيف معلنًا لـ {recipient}، فلا شيء يثبت إلى أين يذهب السرّ. أعلن مضيف الجهة المستلمة في إعدادات التدفق.',
      'route-wrong-host':
        'مسار الحذف لـ {recipient} يرسل السرّ {secret} إلى {url}، وهو ليس عنوان https:// على المضيف المعلن لـ {recipient}. لا تذهب الأسرار إلا إلى مضيف الجهة المستلمة نفسها.',
      declared:
        'الحقل أو المتغير “{key}” معلن باسم يبدأ بـ “secret.”، وهذه البادئة محجوزة للأسرار المقروءة من إعدادات المساعد. غيّر اسمه.',
    },
  },
  check({ flow, naming }, report) {
    for (const declaration of [...flow.data, ...flow.variables]) {
      if (isSecretKey(declaration.key))
        report({ message: 'declared', dataKey: declaration.key, params: { key: declaration.key } });
    }
    const outside = (node: number | undefined, where: string, key: string): void => {
      const finding: Finding<Message> = { message: 'outside-header', params: { secret: `{{${key}}}`, where } };
      if (node !== undefined) finding.node = node;
      report(finding);
    };
    // Flow-level texts and addresses (a recipient's URL, the controller, labels): never a secret;
    // an erase route's headers are judged below, as a request's.
    for (const field in flow) {
      if (field === 'nodes') continue;
      const value = field === 'recipients' ? flow.recipients.map(withoutEraseHeaders) : Reflect.get(flow, field);
      eachSecret(value, field, (where, key) => outside(undefined, where, key));
    }
    for (const recipient of flow.recipients) {
      if (!recipient.erase) continue;
      const { url, headers } = recipient.erase;
      for (const { key, problem } of headerSecretProblems(headers, url, recipient)) {
        const params = { secret: `{{${key}}}`, recipient: naming.recipient(recipient.id), url };
        report({ message: `route-${problem}`, params });
      }
    }
    flow.nodes.forEach((node, index) => {
      for (const field in node) {
        if (node.type === 'http' && field === 'headers') continue;
        eachSecret(Reflect.get(node, field), field, (where, key) => outside(index, where, key));
      }
      if (node.type !== 'http') return;
      const recipient = flow.recipients.find((candidate) => candidate.id === node.recipient);
      for (const { key, problem } of headerSecretProblems(node.headers, node.url, recipient)) {
        const params = { secret: `{{${key}}}`, recipient: naming.recipient(node.recipient), url: node.url };
        report({ message: problem, node: index, params });
      }
    });
  },
});

/**
 * What is wrong with each secret that headers of a request to `url` for `recipient` read: a name
 * that is no environment variable's, a recipient without a declared host, or a URL that is not
 * https (or this machine) on that host, read as the bot sends it.
 */
function headerSecretProblems(
  headers: Readonly<Record<string, string>> | undefined,
  url: string,
  recipient: Recipient | undefined,
): { key: string; problem: HeaderProblem }[] {
  const host = recipient && declaredHost(recipient);
  const target = urlParts(url);
  const onHost = host !== undefined && !target.dynamic && isProtectedTransport(target) && hostMatches(target, host);
  const problems: { key: string; problem: HeaderProblem }[] = [];
  for (const header in headers) {
    for (const key of templateKeys(headers[header] ?? '')) {
      if (!isSecretKey(key)) continue;
      if (secretNameOf(key) === undefined) problems.push({ key, problem: 'bad-name' });
      else if (host === undefined) problems.push({ key, problem: 'no-host' });
      else if (!onHost) problems.push({ key, problem: 'wrong-host' });
    }
  }
  return problems;
}

/** The recipient as the search for misplaced secrets reads it: its erase route's headers are judged as a request's. */
function withoutEraseHeaders(recipient: Recipient): Recipient {
  if (!recipient.erase?.headers) return recipient;
  const { headers: _judgedAsARequest, ...route } = recipient.erase;
  return { ...recipient, erase: route };
}

/** Calls `found` once for each secret read by any string under `value` (a text in every language), with where it stands. */
function eachSecret(value: unknown, where: string, found: (where: string, key: string) => void): void {
  const keys = new Set<string>();
  collectSecrets(value, keys);
  for (const key of keys) found(where, key);
}

function collectSecrets(value: unknown, keys: Set<string>): void {
  if (typeof value === 'string') {
    if (!value.includes('secret.')) return;
    for (const key of templateKeys(value)) if (isSecretKey(key)) keys.add(key);
  } else if (Array.isArray(value)) {
    for (const entry of value) collectSecrets(entry, keys);
  } else if (typeof value === 'object' && value !== null) {
    for (const field in value) collectSecrets(Reflect.get(value, field), keys);
  }
}
