import type { Track } from '../witness.ts';
import { shortestWitnesses } from '../witness.ts';
import type { CheckContext } from '../context.ts';
import type { DataField } from '../../model/schema.ts';
import { defineRule } from '../rule.ts';
import { item, firstOf, endOf } from '../lists.ts';

/**
 * Above this many independent purposes of one field, the exact path search (2^n states per
 * node) gives way to the per-purpose must-analysis, which may also report a node that every
 * path reaches with consent for one purpose or another.
 */
const maxExactTracks = 10;

type Site = {
  node: number;
  how: 'answer' | 'choice' | 'response' | 'computed' | 'http' | 'handoff';
  recipient?: string;
};

/**
 * DESIGN.md §3 `consent-before-collection`: a consent-based field is collected or shared where,
 * on some path from Start, consent for none of its purposes is in force. Consent is granted on a
 * consent node's `granted` outcome and withdrawn on its `declined` outcome (../analyses/consent.ts).
 *
 * The must-analysis finds the nodes where one purpose is not granted on every path; the witness
 * search then follows, along each path, the field's purposes (and for sharing, whether the field
 * holds a value at all: a handoff before the question shares nothing) to find the shortest path
 * that really has none of them, or proves there is none.
 */
export const consentBeforeCollection = defineRule({
  id: 'consent-before-collection',
  severity: 'error',
  title: {
    en: 'Data is collected or shared before consent',
    'pt-BR': 'Dados coletados ou compartilhados antes do consentimento',
    ar: 'جمع بيانات أو مشاركتها قبل الموافقة',
  },
  help: {
    en: 'A field whose legal basis is consent may be collected or passed on only after the customer agreed to one of its purposes, on every path through the flow. Put a Consent step for those purposes before it, and lead “declined” elsewhere. A copy of such a field keeps needing that consent: the bot drops the field when the customer declines, but not a copy of it kept under another name.',
    'pt-BR':
      'Um campo cuja base legal é o consentimento só pode ser coletado ou repassado depois que o cliente aceitou uma das suas finalidades, em todos os caminhos do fluxo. Coloque antes um passo de Consentimento para essas finalidades e leve o “declined” para outro lugar. Uma cópia desse campo continua precisando desse consentimento: o robô descarta o campo quando o cliente recusa, mas não uma cópia guardada com outro nome.',
    ar: 'الحقل الذي أساسه القانوني الموافقة لا يُجمع ولا يُمرَّر إلا بعد أن يوافق العميل على أحد أغراضه، في كل مسار من مسارات المحادثة. ضع قبله خطوة موافقة لهذه الأغراض، ووجّه مخرج الرفض «declined» إلى مكان آخر. ونسخة هذا الحقل تبقى بحاجة إلى تلك الموافقة: يتخلص المساعد من الحقل عندما يرفض العميل، لكن ليس من نسخة محفوظة باسم آخر.',
  },
  messages: {
    en: {
      answer:
        'The step {node} asks for {field} before the customer has agreed, on the path {path}. Add a Consent step for {purposes} before it.',
      choice:
        "The step {node} saves the customer's choice as {field} before the customer has agreed, on the path {path}. Add a Consent step for {purposes} before it.",
      response:
        'The step {node} saves {field} from a response before the customer has agreed, on the path {path}. Add a Consent step for {purposes} before it.',
      computed:
        'The step {node} stores {field} before the customer has agreed, on the path {path}. Add a Consent step for {purposes} before it.',
      http: 'The step {node} sends {field} to {recipient} before the customer has agreed, on the path {path}. Add a Consent step for {purposes} before it.',
      handoff:
        'The step {node} passes {field} to a human agent before the customer has agreed, on the path {path}. Add a Consent step for {purposes} before it.',
      'copy-http':
        'The step {node} sends {copy} to {recipient}, and {copy} holds {field}, copied at the step {copyStep}, when the customer has not agreed (or no longer agrees), on the path {path}. Add a Consent step for {purposes} before it, or stop sending the copy.',
      'copy-handoff':
        'The step {node} passes {copy} to a human agent, and {copy} holds {field}, copied at the step {copyStep}, when the customer has not agreed (or no longer agrees), on the path {path}. Add a Consent step for {purposes} before it, or stop passing the copy on.',
    },
    'pt-BR': {
      answer:
        'O passo {node} pede {field} antes de o cliente concordar, no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}.',
      choice:
        'O passo {node} guarda a escolha do cliente como {field} antes de o cliente concordar, no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}.',
      response:
        'O passo {node} guarda {field} de uma resposta antes de o cliente concordar, no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}.',
      computed:
        'O passo {node} guarda {field} antes de o cliente concordar, no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}.',
      http: 'O passo {node} envia {field} para {recipient} antes de o cliente concordar, no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}.',
      handoff:
        'O passo {node} repassa {field} a um atendente antes de o cliente concordar, no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}.',
      'copy-http':
        'O passo {node} envia {copy} para {recipient}, e {copy} contém {field}, copiado no passo {copyStep}, sem que o cliente tenha concordado (ou depois que deixou de concordar), no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}, ou deixe de enviar a cópia.',
      'copy-handoff':
        'O passo {node} repassa {copy} a um atendente, e {copy} contém {field}, copiado no passo {copyStep}, sem que o cliente tenha concordado (ou depois que deixou de concordar), no caminho {path}. Adicione antes dele um passo de Consentimento para {purposes}, ou deixe de repassar a cópia.',
    },
    ar: {
      answer: 'الخطوة {node} تطلب {field} قبل أن يوافق العميل، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}.',
      choice:
        'الخطوة {node} تحفظ اختيار العميل باسم {field} قبل أن يوافق العميل، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}.',
      response:
        'الخطوة {node} تحفظ {field} من رد قبل أن يوافق العميل، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}.',
      computed:
        'الخطوة {node} تخزّن {field} قبل أن يوافق العميل، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}.',
      http: 'الخطوة {node} ترسل {field} إلى {recipient} قبل أن يوافق العميل، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}.',
      handoff:
        'الخطوة {node} تمرّر {field} إلى موظف قبل أن يوافق العميل، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}.',
      'copy-http':
        'الخطوة {node} ترسل {copy} إلى {recipient}، و{copy} يحمل {field}، وقد نُسخ في الخطوة {copyStep}، دون موافقة العميل (أو بعد سحبها)، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}، أو توقّف عن إرسال النسخة.',
      'copy-handoff':
        'الخطوة {node} تمرّر {copy} إلى موظف، و{copy} يحمل {field}، وقد نُسخ في الخطوة {copyStep}، دون موافقة العميل (أو بعد سحبها)، في المسار {path}. أضف قبلها خطوة موافقة على {purposes}، أو توقّف عن تمرير النسخة.',
    },
  },
  check(context, report) {
    const { flow, graph, naming } = context;
    if (graph.starts.length === 0) return;
    const fields = flow.data.filter((field) => field.legalBasis === 'consent' && field.purposes.length > 0);
    if (fields.length === 0) return;
    const sites = sitesOf(context, new Set(fields.map((field) => field.key)));
    const copySites = copySitesOf(context, new Set(fields.map((field) => field.key)));
    const lineage = context.lineage();
    for (const field of fields) {
      const params = (site: Site) => ({
        field: naming.field(field.key),
        purposes: naming.purposes(field.purposes),
        recipient: naming.recipient(site.recipient ?? ''),
      });
      for (const { site, path } of violations(context, field, sites.get(field.key) ?? [])) {
        report({ message: site.how, node: site.node, dataKey: field.key, path, params: params(site) });
      }
      // Copies of the field passed on: the path must carry both the copy and no consent.
      for (const [copy, shared] of copySites.get(field.key) ?? []) {
        const holds = lineage.track(copy, field.key);
        if (!holds) continue;
        for (const { site, path } of violations(context, field, shared, holds)) {
          const step = lineage.lastCopyStep(copy, field.key, path);
          report({
            message: site.how === 'handoff' ? 'copy-handoff' : 'copy-http',
            node: site.node,
            dataKey: field.key,
            path,
            ...(step === undefined ? {} : { copy: { key: copy, origin: field.key, step } }),
            params: { ...params(site), copy: naming.field(copy) },
          });
        }
      }
    }
  },
});

/**
 * Where each of the given fields is collected or shared, in one pass over the collecting and
 * sharing nodes (in node order; a node that collects a field is not also its sharer).
 */
function sitesOf(context: CheckContext, keys: ReadonlySet<string>): Map<string, Site[]> {
  const { graph } = context;
  const sites = new Map<string, Site[]>();
  const add = (key: string, site: Site) => {
    const list = sites.get(key);
    if (!list) sites.set(key, [site]);
    else if (list[list.length - 1]?.node !== site.node) list.push(site);
  };
  for (let at = 0; at < graph.collecting.length; at += 1) {
    const node = item(graph.collecting, at);
    if (!graph.reachable[node]) continue;
    for (let at = firstOf(graph.collectStart, node); at < endOf(graph.collectStart, node); at += 1) {
      const collection = item(graph.collections, at);
      if (keys.has(collection.key)) add(collection.key, { node, how: collection.source });
    }
  }
  for (let at = 0; at < graph.sharing.length; at += 1) {
    const node = item(graph.sharing, at);
    if (!graph.reachable[node]) continue;
    for (let at = firstOf(graph.shareStart, node); at < endOf(graph.shareStart, node); at += 1) {
      const share = item(graph.shares, at);
      for (const key of share.keys) if (keys.has(key)) add(key, { node, how: share.via, recipient: share.recipient });
    }
  }
  return sites;
}

/**
 * Where copies of the given fields are passed on (requests, handoffs): for each field, each copy
 * key with the steps that send it while it may hold the field.
 */
function copySitesOf(context: CheckContext, keys: ReadonlySet<string>): Map<string, Map<string, Site[]>> {
  const { graph } = context;
  const sites = new Map<string, Map<string, Site[]>>();
  for (const [node, copies] of context.copiesSent()) {
    if (!graph.reachable[node]) continue;
    for (const { copy, origin } of copies) {
      if (!keys.has(origin)) continue;
      for (let at = firstOf(graph.shareStart, node); at < endOf(graph.shareStart, node); at += 1) {
        const share = item(graph.shares, at);
        if (!share.keys.includes(copy)) continue;
        const byCopy = sites.get(origin) ?? new Map<string, Site[]>();
        sites.set(origin, byCopy);
        const list = byCopy.get(copy) ?? [];
        byCopy.set(copy, list);
        if (list[list.length - 1]?.node !== node) list.push({ node, how: share.via, recipient: share.recipient });
      }
    }
  }
  return sites;
}

/**
 * The sites of a field with the shortest path on which it has no consent, if there is one. With
 * `holder` (a copy of the field, ../analyses/lineage.ts), the sites pass the copy on, and the path
 * must also carry the field into the copy.
 */
function violations(
  context: CheckContext,
  field: DataField,
  sites: readonly Site[],
  holder?: Track,
): { site: Site; path: number[] }[] {
  const { graph, keys } = context;
  const consent = context.consent();
  const purposeBits = field.purposes.flatMap((id) => {
    const bit = consent.bitOf.get(id);
    return bit === undefined ? [] : [bit];
  });
  const covered = (node: number) => purposeBits.some((bit) => consent.result.atEntry.has(node, bit));

  const collectors = new Map<number, Site>();
  const sharers = new Map<number, Site>();
  for (const site of sites) {
    if (covered(site.node)) continue;
    const collecting = site.how !== 'http' && site.how !== 'handoff';
    if (collecting) collectors.set(site.node, site);
    else if (!collectors.has(site.node)) sharers.set(site.node, site);
  }
  if (collectors.size === 0 && sharers.size === 0) return [];

  // Purposes granted and withdrawn at the same consent nodes move together: one track each.
  const signatures = new Map<string, number>();
  for (const bit of purposeBits) {
    const at = consent.askedAt.get(consent.purposes[bit] ?? '') ?? [];
    if (at.length === 0) continue; // never granted: always absent
    signatures.set(at.join(','), bit);
  }
  const suspects = new Set([...collectors.keys(), ...sharers.keys()]);
  const ordered = [...suspects].sort((a, b) => a - b);
  const site = (node: number) => collectors.get(node) ?? sharers.get(node);

  if (signatures.size > maxExactTracks) {
    return ordered.flatMap((node) => {
      const path = context.pathTo(node);
      const found = site(node);
      return path && found ? [{ site: found, path }] : [];
    });
  }

  const tracks: Track[] = [...signatures.values()].map((bit) => ({ problem: consent.problem, bit }));
  const consentMask = (1 << tracks.length) - 1;
  const definedBit = keys.bitOf.get(field.key);
  if (definedBit !== undefined) tracks.push({ problem: context.definedness().problem, bit: definedBit });
  const definedMask = definedBit === undefined ? 0 : 1 << (tracks.length - 1);
  if (holder) tracks.push(holder);
  const holderMask = holder ? 1 << (tracks.length - 1) : 0;
  const witnesses = shortestWitnesses(
    graph,
    tracks,
    (node, facts) =>
      (facts & consentMask) === 0 &&
      (collectors.has(node) ||
        (sharers.has(node) && (facts & definedMask) !== 0 && (facts & holderMask) === holderMask)),
    suspects,
  );
  return ordered.flatMap((node) => {
    const path = witnesses.get(node);
    const found = site(node);
    return path && found ? [{ site: found, path }] : [];
  });
}
