import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { UiLanguage } from '../i18n/index.ts';
import { parseFlow } from '../model/parse.ts';
import type { Flow } from '../model/schema.ts';
import { dataDiff, type DataChange } from './data-diff.ts';
import { describeChange, describeDataDiff, describeNotice } from './describe.ts';

/** The lead-capture example (pt-BR, en): a furniture shop's quote bot sending leads to a CRM. */
function leadCapture(): Flow {
  const parsed = parseFlow(readFileSync(new URL('../examples/lead-capture.flow.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('lead-capture does not parse');
  return parsed.flow;
}

/** A changed copy of the example, as the designer's next version. */
function changed(edit: (flow: Flow) => void): Flow {
  const flow = structuredClone(leadCapture());
  edit(flow);
  return flow;
}

function field(flow: Flow, key: string) {
  const found = flow.data.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

function node(flow: Flow, id: string) {
  const found = flow.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

/** The diff's changes as one sentence each, in every interface language. */
function sentences(after: Flow, before: Flow = leadCapture()): Record<UiLanguage, string[]> {
  const diff = dataDiff(before, after);
  return {
    en: describeDataDiff(diff, 'en', after.languages),
    'pt-BR': describeDataDiff(diff, 'pt-BR', after.languages),
    ar: describeDataDiff(diff, 'ar', after.languages),
  };
}

function kinds(after: Flow, before: Flow = leadCapture()): DataChange['kind'][] {
  return dataDiff(before, after).changes.map((change) => change.kind);
}

describe('the data diff between two versions of a flow', () => {
  it('names the purposes customers will be asked again for when their wording changes, in plain words', () => {
    const after = changed((flow) => {
      const sales = flow.purposes.find((purpose) => purpose.id === 'sales_contact');
      if (sales) sales.label.en = 'Follow-up from our sales team, and a satisfaction survey';
    });
    const diff = dataDiff(leadCapture(), after);
    expect(diff.changes).toEqual([{ kind: 'consent-asked-again', purposes: [after.purposes[0]?.label] }]);
    expect(sentences(after)).toEqual({
      en: [
        'Customers who already agreed to “Follow-up from our sales team, and a satisfaction survey” will be asked again, and told the privacy notice changed: its wording, or the data that relies on it, is different now.',
      ],
      'pt-BR': [
        'Clientes que já concordaram com “Retorno da equipe comercial sobre o seu orçamento” serão perguntados de novo e avisados de que o aviso de privacidade mudou: o texto, ou os dados que dependem disso, agora são diferentes.',
      ],
      ar: [
        'سيُسأل العملاء الذين وافقوا من قبل على «Retorno da equipe comercial sobre o seu orçamento» مرة أخرى، وسيُبلَّغون بأن إشعار الخصوصية تغيّر: فالصياغة، أو البيانات التي تعتمد عليها، صارت مختلفة.',
      ],
    });
    // The purpose's label is in the privacy notice, which must be published again.
    expect(diff.noticeLanguages).toEqual(['en']);
    // A purpose no consent step asks for is not asked again: nobody could have agreed to it.
    const unasked = changed((flow) => {
      flow.purposes.push({ id: 'analytics', label: { en: 'Statistics' } });
    });
    const reworded = changed((flow) => {
      flow.purposes.push({ id: 'analytics', label: { en: 'Statistics about visits' } });
    });
    expect(kinds(reworded, unasked)).toEqual([]);
  });

  it('finds nothing, and keeps the notice, when only positions and non-personal texts change', () => {
    const after = changed((flow) => {
      const step = node(flow, 'lead-saved');
      step.position = { x: 999, y: 999 };
      if (step.type === 'message') step.text = { 'pt-BR': 'Pronto!', en: 'Done!' };
    });
    const diff = dataDiff(leadCapture(), after);
    expect(diff).toEqual({ changes: [], noticeLanguages: [], republishNotice: false });
    expect(sentences(after)).toEqual({
      en: ['Nothing changes for personal data.'],
      'pt-BR': ['Nada muda para os dados pessoais.'],
      ar: ['لا شيء يتغيّر بالنسبة للبيانات الشخصية.'],
    });
    expect(describeNotice(diff, 'en')).toBe('The privacy notice stays the same.');
    expect(describeNotice(diff, 'pt-BR')).toBe('O aviso de privacidade continua o mesmo.');
    expect(describeNotice(diff, 'ar')).toBe('يبقى إشعار الخصوصية كما هو.');
  });

  it('tells a changed retention in days, and that the notice must be published again in every language', () => {
    const after = changed((flow) => (field(flow, 'email').retentionDays = 90));
    const diff = dataDiff(leadCapture(), after);
    expect(diff.changes).toEqual([
      { kind: 'retention-changed', field: { key: 'email', label: field(after, 'email').label }, from: 180, to: 90 },
    ]);
    expect(diff.republishNotice).toBe(true);
    expect(diff.noticeLanguages).toEqual(['pt-BR', 'en']);
    expect(sentences(after)).toEqual({
      en: ['How long “Email” is kept changed from 180 days to 90 days.'],
      'pt-BR': ['O prazo de guarda de “E-mail” mudou de 180 dias para 90 dias.'],
      // Arabic quotes the designer's words in the flow's first language: the flow has no Arabic.
      ar: ['تغيّرت مدة الاحتفاظ بـ«E-mail» من 180 يومًا إلى 90 يومًا.'],
    });
    expect(describeNotice(diff, 'en')).toBe(
      'The privacy notice changes (pt-BR and en): publish it again before this version goes live.',
    );
    expect(describeNotice(diff, 'pt-BR')).toBe(
      'O aviso de privacidade muda (pt-BR e en): publique-o de novo antes de esta versão entrar no ar.',
    );
    expect(describeNotice(diff, 'ar')).toBe('يتغيّر إشعار الخصوصية (pt-BR وen): انشره من جديد قبل تشغيل هذا الإصدار.');
  });

  it('tells a retention that was removed as no set time', () => {
    const after = changed((flow) => delete field(flow, 'phone').retentionDays);
    expect(sentences(after).en).toEqual([
      'How long “Contact phone number” is kept changed from 180 days to no set time.',
    ]);
    expect(sentences(after)['pt-BR']).toEqual([
      'O prazo de guarda de “Telefone para contato” mudou de 180 dias para sem prazo definido.',
    ]);
  });

  it('tells a new field, and the new step that collects it, and a removed one', () => {
    const after = changed((flow) => {
      flow.data.push({
        key: 'cpf',
        label: { 'pt-BR': 'CPF', en: 'Taxpayer number' },
        category: 'user.government_id',
        purposes: ['sales_contact'],
        legalBasis: 'contract',
        retentionDays: 365,
      });
      flow.nodes.push({
        id: 'ask-cpf',
        type: 'question',
        position: { x: 0, y: 0 },
        input: 'cpf',
        saveAs: 'cpf',
        text: { 'pt-BR': 'Qual é o seu CPF?', en: 'What is your CPF?' },
      });
      flow.data = flow.data.filter((candidate) => candidate.key !== 'lead_id');
    });
    expect(kinds(after)).toEqual([
      'field-added',
      'field-removed',
      'consent-asked-again',
      'collection-added',
      'collection-removed',
      'sharing-place-removed',
    ]);
    expect(sentences(after)).toEqual({
      en: [
        'New personal field “Taxpayer number” (Official ID).',
        '“Lead ID in the CRM” is no longer declared: the bot stops keeping it.',
        // The lead id relied on the sales follow-up's consent: that consent now covers other data.
        'Customers who already agreed to “Follow-up from our sales team about your quote” will be asked again, and told the privacy notice changed: its wording, or the data that relies on it, is different now.',
        'The step “What is your CPF?” now collects “Taxpayer number”.',
        expect.stringMatching(/^The step .* no longer collects “Lead ID in the CRM”\.$/),
        'The step HTTP request “delete-lead” no longer sends “Lead ID in the CRM” to “Funil CRM”.',
      ],
      'pt-BR': [
        'Novo dado pessoal “CPF” (Documentos oficiais).',
        '“Código do lead no CRM” deixou de ser declarado: o bot não o guarda mais.',
        'Clientes que já concordaram com “Retorno da equipe comercial sobre o seu orçamento” serão perguntados de novo e avisados de que o aviso de privacidade mudou: o texto, ou os dados que dependem disso, agora são diferentes.',
        'A etapa “Qual é o seu CPF?” agora coleta “CPF”.',
        expect.stringMatching(/^A etapa .* não coleta mais “Código do lead no CRM”\.$/),
        'A etapa Requisição HTTP “delete-lead” não envia mais “Código do lead no CRM” para “Funil CRM”.',
      ],
      ar: [
        'حقل بيانات شخصية جديد «CPF» ‏(الهوية الرسمية).',
        'لم يعد «Código do lead no CRM» مُعلنًا: يتوقف البوت عن الاحتفاظ به.',
        'سيُسأل العملاء الذين وافقوا من قبل على «Retorno da equipe comercial sobre o seu orçamento» مرة أخرى، وسيُبلَّغون بأن إشعار الخصوصية تغيّر: فالصياغة، أو البيانات التي تعتمد عليها، صارت مختلفة.',
        'أصبحت الخطوة «Qual é o seu CPF?» تجمع «CPF».',
        expect.stringMatching(/^لم تعد الخطوة .* تجمع «Código do lead no CRM»\.$/),
        'لم تعد الخطوة طلب HTTP «delete-lead» ترسل «Código do lead no CRM» إلى «Funil CRM».',
      ],
    });
    expect(dataDiff(leadCapture(), after).republishNotice).toBe(true);
  });

  it('tells a changed category and legal basis with their plain names', () => {
    const after = changed((flow) => {
      field(flow, 'marketing_opt_in').legalBasis = 'consent';
      field(flow, 'phone').category = 'user.contact';
    });
    const result = sentences(after);
    expect(result.en).toEqual([
      'The kind of data of “Contact phone number” changed from “Phone number” to “Contact details”.',
      'The legal basis for “Marketing opt-in” changed from “legal obligation” to “consent”.',
      'Customers who already agreed to “Offers and news” will be asked again, and told the privacy notice changed: its wording, or the data that relies on it, is different now.',
    ]);
    expect(result['pt-BR']).toEqual([
      'O tipo de dado de “Telefone para contato” mudou de “Telefone” para “Dados de contato”.',
      'A base legal de “Aceite de ofertas” mudou de “obrigação legal” para “consentimento”.',
      'Clientes que já concordaram com “Envio de ofertas e novidades” serão perguntados de novo e avisados de que o aviso de privacidade mudou: o texto, ou os dados que dependem disso, agora são diferentes.',
    ]);
    expect(result.ar).toEqual([
      'تغيّر نوع بيانات «Telefone para contato» من «رقم الهاتف» إلى «بيانات التواصل».',
      'تغيّر الأساس القانوني لـ«Aceite de ofertas» من «التزام قانوني» إلى «الموافقة».',
      'سيُسأل العملاء الذين وافقوا من قبل على «Envio de ofertas e novidades» مرة أخرى، وسيُبلَّغون بأن إشعار الخصوصية تغيّر: فالصياغة، أو البيانات التي تعتمد عليها، صارت مختلفة.',
    ]);
  });

  it('tells purposes added, removed and replaced', () => {
    const added = changed((flow) => field(flow, 'lead_id').purposes.push('marketing'));
    const removed = changed((flow) => (field(flow, 'name').purposes = ['sales_contact']));
    const replaced = changed((flow) => (field(flow, 'lead_id').purposes = ['marketing']));
    // Which consent-based fields rely on a purpose is part of its wording: customers are asked again.
    expect(sentences(added).en).toEqual([
      '“Lead ID in the CRM” is now also used for “Offers and news”.',
      'Customers who already agreed to “Offers and news” will be asked again, and told the privacy notice changed: its wording, or the data that relies on it, is different now.',
    ]);
    expect(sentences(removed)['pt-BR']).toEqual([
      '“Nome completo” não é mais usado para “Envio de ofertas e novidades”.',
      'Clientes que já concordaram com “Envio de ofertas e novidades” serão perguntados de novo e avisados de que o aviso de privacidade mudou: o texto, ou os dados que dependem disso, agora são diferentes.',
    ]);
    expect(sentences(replaced).ar).toEqual([
      'أصبح «Código do lead no CRM» يُستخدم لغرض «Envio de ofertas e novidades» بدلًا من «Retorno da equipe comercial sobre o seu orçamento».',
      'سيُسأل العملاء الذين وافقوا من قبل على «Retorno da equipe comercial sobre o seu orçamento» و«Envio de ofertas e novidades» مرة أخرى، وسيُبلَّغون بأن إشعار الخصوصية تغيّر: فالصياغة، أو البيانات التي تعتمد عليها، صارت مختلفة.',
    ]);
  });

  it('tells sharing with recipients added and removed, and new recipients with their country', () => {
    const after = changed((flow) => {
      flow.recipients.push({ id: 'mailer', name: 'Correio Rápido', host: 'api.mailer.example', country: 'PT' });
      field(flow, 'email').sharedWith = ['crm', 'mailer'];
      field(flow, 'phone').sharedWith = [];
    });
    expect(kinds(after)).toEqual(['sharing-changed', 'sharing-changed', 'recipient-added']);
    expect(sentences(after)).toEqual({
      en: [
        '“Email” is now also passed on to “Correio Rápido”.',
        '“Contact phone number” is no longer passed on to “Funil CRM”.',
        'New recipient “Correio Rápido”, in Portugal.',
      ],
      'pt-BR': [
        '“E-mail” agora também é repassado para “Correio Rápido”.',
        '“Telefone para contato” não é mais repassado para “Funil CRM”.',
        'Novo destinatário “Correio Rápido”, em Portugal.',
      ],
      ar: [
        'أصبح «E-mail» يُرسَل أيضًا إلى «Correio Rápido».',
        'لم يعد «Telefone para contato» يُرسَل إلى «Funil CRM».',
        'جهة مستلمة جديدة: «Correio Rápido» في البرتغال.',
      ],
    });
  });

  it('tells a recipient that changed country or host, one that was removed, and the controller’s new details', () => {
    const moved = changed((flow) => {
      const crm = flow.recipients[0];
      if (crm) Object.assign(crm, { country: 'US', host: 'api.crm.example' });
      flow.controller.dpo = 'dpo@casaaurora.example';
    });
    expect(sentences(moved)).toEqual({
      en: [
        'The details of the recipient “Funil CRM” changed: its server address and its country.',
        'The details of who is responsible for the data changed: the data protection officer.',
      ],
      'pt-BR': [
        'Os dados do destinatário “Funil CRM” mudaram: o endereço do servidor e o país.',
        'Os dados de quem é responsável pelos dados mudaram: o encarregado.',
      ],
      ar: [
        'تغيّرت تفاصيل الجهة المستلمة «Funil CRM»: عنوان خادمها وبلدها.',
        'تغيّرت بيانات الجهة المسؤولة عن البيانات: مسؤول حماية البيانات.',
      ],
    });
    const before = changed((flow) =>
      flow.recipients.push({ id: 'old-desk', name: 'Mesa Antiga', url: 'https://desk.example/hook' }),
    );
    expect(sentences(leadCapture(), before).en).toEqual(['“Mesa Antiga” is no longer a recipient of any data.']);
    expect(sentences(leadCapture(), before)['pt-BR']).toEqual(['“Mesa Antiga” deixou de receber qualquer dado.']);
    expect(sentences(leadCapture(), before).ar).toEqual(['لم تعد «Mesa Antiga» تتلقى أي بيانات.']);
  });

  it('tells when a recipient will now be asked to erase a customer’s data, and when it no longer will', () => {
    const withoutRoute = changed((flow) => {
      const crm = flow.recipients[0];
      if (crm) delete crm.erase;
    });
    expect(dataDiff(withoutRoute, leadCapture()).changes).toEqual([
      { kind: 'recipient-changed', name: 'Funil CRM', aspects: ['erase-added'] },
    ]);
    expect(sentences(leadCapture(), withoutRoute)).toEqual({
      en: [
        'The details of the recipient “Funil CRM” changed: it will now be asked to erase a customer’s data when the customer asks.',
      ],
      'pt-BR': [
        'Os dados do destinatário “Funil CRM” mudaram: passará a receber o pedido de apagar os dados de um cliente quando ele pedir.',
      ],
      ar: ['تغيّرت تفاصيل الجهة المستلمة «Funil CRM»: سيُطلب منها من الآن حذف بيانات العميل عندما يطلب ذلك.'],
    });
    expect(dataDiff(leadCapture(), withoutRoute).changes).toEqual([
      { kind: 'recipient-changed', name: 'Funil CRM', aspects: ['erase-removed'] },
    ]);
    expect(sentences(withoutRoute)).toEqual({
      en: ['The details of the recipient “Funil CRM” changed: it will no longer be asked to erase a customer’s data.'],
      'pt-BR': [
        'Os dados do destinatário “Funil CRM” mudaram: deixará de receber o pedido de apagar os dados de um cliente.',
      ],
      ar: ['تغيّرت تفاصيل الجهة المستلمة «Funil CRM»: لن يُطلب منها بعد الآن حذف بيانات العميل.'],
    });
  });

  it('tells that a new recipient with an erase route will be asked to erase, and that a removed one no longer will', () => {
    const mailer = {
      id: 'mailer',
      name: 'Correio Rápido',
      host: 'api.mailer.example',
      country: 'PT',
      erase: { method: 'DELETE' as const, url: 'https://api.mailer.example/contacts/{{lead_id}}' },
    };
    const added = changed((flow) => flow.recipients.push(mailer));
    expect(dataDiff(leadCapture(), added).changes).toEqual([
      { kind: 'recipient-added', name: 'Correio Rápido', country: 'PT', askedToErase: true },
    ]);
    expect(sentences(added)).toEqual({
      en: [
        'New recipient “Correio Rápido”, in Portugal. It will be asked to erase a customer’s data when the customer asks.',
      ],
      'pt-BR': [
        'Novo destinatário “Correio Rápido”, em Portugal. Ele receberá o pedido de apagar os dados de um cliente quando o cliente pedir.',
      ],
      ar: ['جهة مستلمة جديدة: «Correio Rápido» في البرتغال. سيُطلب منها حذف بيانات العميل عندما يطلب ذلك.'],
    });
    const { country: _country, ...withoutCountry } = mailer;
    expect(sentences(changed((flow) => flow.recipients.push(withoutCountry))).en).toEqual([
      'New recipient “Correio Rápido”. It will be asked to erase a customer’s data when the customer asks.',
    ]);

    expect(dataDiff(added, leadCapture()).changes).toEqual([
      { kind: 'recipient-removed', name: 'Correio Rápido', askedToErase: true },
    ]);
    expect(sentences(leadCapture(), added)).toEqual({
      en: [
        '“Correio Rápido” is no longer a recipient of any data. It was asked to erase a customer’s data and no longer will be: what it already received is not erased there when a customer asks.',
      ],
      'pt-BR': [
        '“Correio Rápido” deixou de receber qualquer dado. Ele recebia o pedido de apagar os dados de um cliente e não receberá mais: o que ele já recebeu não é apagado lá quando um cliente pedir.',
      ],
      ar: [
        'لم تعد «Correio Rápido» تتلقى أي بيانات. كان يُطلب منها حذف بيانات العميل ولن يُطلب منها ذلك بعد الآن: ما تلقّته من قبل لا يُحذف لديها عندما يطلب العميل ذلك.',
      ],
    });

    // Without an erase route, a new or removed recipient is told as before, with no word about erasing.
    const { erase: _erase, ...routeless } = mailer;
    expect(
      dataDiff(
        leadCapture(),
        changed((flow) => flow.recipients.push(routeless)),
      ).changes,
    ).toEqual([{ kind: 'recipient-added', name: 'Correio Rápido', country: 'PT' }]);
  });

  it('tells an erase route whose method or address changed, beside the recipient’s other details, and not its headers alone', () => {
    const route = (flow: Flow) => {
      const erase = flow.recipients[0]?.erase;
      if (!erase) throw new Error('the example’s CRM has an erase route');
      return erase;
    };
    const moved = changed((flow) => {
      route(flow).url = 'https://api.funilcrm.example/v2/leads/{{lead_id}}';
      if (flow.recipients[0]) flow.recipients[0].country = 'US';
    });
    expect(dataDiff(leadCapture(), moved).changes).toEqual([
      { kind: 'recipient-changed', name: 'Funil CRM', aspects: ['country', 'erase-changed'] },
    ]);
    expect(sentences(moved)).toEqual({
      en: [
        'The details of the recipient “Funil CRM” changed: its country and how it is asked to erase a customer’s data (the method or the address).',
      ],
      'pt-BR': [
        'Os dados do destinatário “Funil CRM” mudaram: o país e como é pedido que apague os dados de um cliente (o método ou o endereço).',
      ],
      ar: ['تغيّرت تفاصيل الجهة المستلمة «Funil CRM»: بلدها وطريقة مطالبتها بحذف بيانات العميل (نوع الطلب أو العنوان).'],
    });
    const posted = changed((flow) => (route(flow).method = 'POST'));
    expect(dataDiff(leadCapture(), posted).changes).toEqual([
      { kind: 'recipient-changed', name: 'Funil CRM', aspects: ['erase-changed'] },
    ]);
    const keyed = changed((flow) => (route(flow).headers = { Authorization: 'Bearer {{secret.CRM_TOKEN}}' }));
    expect(dataDiff(leadCapture(), keyed).changes).toEqual([]);
  });

  it('tells consent steps added, removed, asking about other purposes, and reworded', () => {
    const reworded = changed((flow) => {
      const step = node(flow, 'consent-contact');
      if (step.type === 'consent') {
        step.text = { ...step.text, en: 'May our sales team contact you about this quote?' };
        step.purposes = ['sales_contact', 'marketing'];
      }
    });
    expect(kinds(reworded)).toEqual(['consent-purposes-changed', 'consent-text-changed']);
    expect(sentences(reworded)).toEqual({
      en: [
        'The consent step “May our sales team contact you…” now also asks about “Offers and news”.',
        'The wording of the consent step “May our sales team contact you…” changed (en).',
      ],
      'pt-BR': [
        'A etapa de consentimento “Para enviar o orçamento, preciso do…” agora também pergunta sobre “Envio de ofertas e novidades”.',
        'O texto da etapa de consentimento “Para enviar o orçamento, preciso do…” mudou (en).',
      ],
      ar: [
        'أصبحت خطوة الموافقة «Para enviar o orçamento, preciso do…» تسأل أيضًا عن «Envio de ofertas e novidades».',
        'تغيّرت صياغة خطوة الموافقة «Para enviar o orçamento, preciso do…» ‏(en).',
      ],
    });

    const added = changed((flow) =>
      flow.nodes.push({
        id: 'consent-survey',
        type: 'consent',
        position: { x: 0, y: 0 },
        purposes: ['marketing'],
        text: { 'pt-BR': 'Podemos mandar ofertas?', en: 'May we send you offers?' },
      }),
    );
    expect(sentences(added).en).toEqual([
      'New consent step “May we send you offers?” asks the customer to agree to “Offers and news”.',
    ]);
    expect(sentences(added)['pt-BR']).toEqual([
      'A nova etapa de consentimento “Podemos mandar ofertas?” pede que o cliente concorde com “Envio de ofertas e novidades”.',
    ]);
    expect(sentences(added).ar).toEqual([
      'خطوة موافقة جديدة «Podemos mandar ofertas?» تطلب من العميل الموافقة على «Envio de ofertas e novidades».',
    ]);
    // Removing it again is the same pair read the other way round.
    expect(sentences(leadCapture(), added).en).toEqual(['The consent step “May we send you offers?” was removed.']);
    expect(sentences(leadCapture(), added)['pt-BR']).toEqual([
      'A etapa de consentimento “Podemos mandar ofertas?” foi removida.',
    ]);
    expect(sentences(leadCapture(), added).ar).toEqual(['أُزيلت خطوة الموافقة «Podemos mandar ofertas?».']);
    // A reworded consent step changes no declaration: the notice stays.
    expect(dataDiff(leadCapture(), added).republishNotice).toBe(false);
  });

  it('tells the bot disclosure added, removed and reworded', () => {
    const reworded = changed((flow) => {
      const step = node(flow, 'welcome');
      if (step.type === 'disclosure') step.text = { ...step.text, 'pt-BR': 'Oi! Sou um robô da Casa Aurora.' };
    });
    expect(sentences(reworded)).toEqual({
      en: [
        'The wording of the step “Hi! 👋 This is Casa Aurora…” that tells customers they talk to an automated assistant changed (pt-BR).',
      ],
      'pt-BR': [
        'O texto da etapa “Oi! Sou um robô da Casa…”, que avisa os clientes de que falam com um assistente automático, mudou (pt-BR).',
      ],
      ar: ['تغيّرت صياغة الخطوة «Oi! Sou um robô da Casa…» التي تخبر العملاء أنهم يتحدثون مع مساعد آلي ‏(pt-BR).'],
    });
    const without = changed((flow) => (flow.nodes = flow.nodes.filter((step) => step.id !== 'welcome')));
    expect(kinds(without)).toEqual(['disclosure-removed']);
    expect(sentences(without).en).toEqual([
      'The step “Hi! 👋 This is Casa Aurora…” that tells customers they talk to an automated assistant was removed.',
    ]);
    expect(sentences(leadCapture(), without)['pt-BR']).toEqual([
      'A nova etapa “Olá! 👋 Aqui é o assistente…” avisa os clientes de que falam com um assistente automático.',
    ]);
    expect(sentences(leadCapture(), without).ar).toEqual([
      'خطوة جديدة «Olá! 👋 Aqui é o assistente…» تخبر العملاء أنهم يتحدثون مع مساعد آلي.',
    ]);
  });

  it('tells new and former places that pass a field on, to a recipient or to a person', () => {
    const after = changed((flow) => {
      const handoff = node(flow, 'handoff-sales');
      if (handoff.type === 'handoff') handoff.share = ['name', 'interest', 'contact.phone'];
      const send = node(flow, 'send-lead');
      if (send.type === 'http') send.send = [...send.send, 'lead_id'];
    });
    const diff = dataDiff(leadCapture(), after);
    expect(diff.changes.map((change) => change.kind)).toEqual([
      'sharing-place-added',
      'sharing-place-added',
      'sharing-place-removed',
      'sharing-place-removed',
    ]);
    const result = sentences(after);
    expect(result.en).toEqual([
      expect.stringMatching(/^The step .* now sends “Lead ID in the CRM” to “Funil CRM”\.$/),
      "The step “One moment, I'm calling someone from…” now shows “WhatsApp number” to a person (“vendas”).",
      expect.stringMatching(/no longer shows “Email” to a person \(“vendas”\)\.$/),
      expect.stringMatching(/no longer shows “Contact phone number” to a person \(“vendas”\)\.$/),
    ]);
    expect(result['pt-BR'][1]).toBe(
      'A etapa “Um momento, vou chamar alguém da…” agora mostra “Número do WhatsApp” a um atendente (“vendas”).',
    );
    expect(result.ar[1]).toBe(
      'أصبحت الخطوة «Um momento, vou chamar alguém da…» تُطلع موظفًا على «رقم واتساب» ‏(«vendas»).',
    );
    expect(result['pt-BR'][0]).toMatch(/^A etapa .* agora envia “Código do lead no CRM” para “Funil CRM”\.$/);
    expect(result.ar[2]).toMatch(/^لم تعد الخطوة .* تُطلع موظفًا على «E-mail» ‏\(«vendas»\)\.$/);
  });

  it('names a step without text by its kind and id', () => {
    const change: DataChange = {
      kind: 'collection-added',
      field: { key: 'lead_id', label: { en: 'Lead ID' } },
      step: { id: 'save-lead', type: 'http' },
    };
    expect(describeChange(change, 'en', ['en'])).toBe('The step HTTP request “save-lead” now collects “Lead ID”.');
    expect(describeChange(change, 'pt-BR', ['en'])).toBe('A etapa Requisição HTTP “save-lead” agora coleta “Lead ID”.');
    expect(describeChange(change, 'ar', ['en'])).toBe('أصبحت الخطوة طلب HTTP «save-lead» تجمع «Lead ID».');
  });

  it('asks to publish a notice for a new flow language, even when nothing else changes', () => {
    const after = changed((flow) => flow.languages.push('ar'));
    const diff = dataDiff(leadCapture(), after);
    expect(diff.changes).toEqual([]);
    expect(diff.noticeLanguages).toEqual(['ar']);
    expect(diff.republishNotice).toBe(true);
  });
});

describe('names inside the data diff’s sentences', () => {
  // What the studio passes (renderer/bidi/isolated.ts): a first-strong isolate around each name.
  const isolate = (name: string) => `\u2068${name}\u2069`;

  it('isolates each language code, field label and step text in Arabic, keeping the sentence’s marks outside', () => {
    const before = leadCapture();
    const after = changed((flow) => {
      const consent = node(flow, 'consent-contact');
      if (consent.type !== 'consent') throw new Error('fixture changed');
      consent.text = { 'pt-BR': `${consent.text['pt-BR']}!`, en: `${consent.text['en']}!` };
      flow.data.push({ ...structuredClone(field(flow, 'name')), key: 'nickname', label: { 'pt-BR': 'Apelido' } });
    });
    const diff = dataDiff(before, after);
    const ar = describeDataDiff(diff, 'ar', after.languages, isolate);
    expect(ar).toContainEqual(expect.stringMatching(/^حقل بيانات شخصية جديد «\u2068Apelido\u2069» /u));
    expect(ar).toContainEqual(
      expect.stringMatching(
        /^تغيّرت صياغة خطوة الموافقة «\u2068[^\u2069]+\u2069» \u200f\(\u2068pt-BR\u2069 و\u2068en\u2069\)\.$/u,
      ),
    );
    expect(describeNotice(diff, 'ar', isolate)).toBe(
      'يتغيّر إشعار الخصوصية (\u2068pt-BR\u2069 و\u2068en\u2069): انشره من جديد قبل تشغيل هذا الإصدار.',
    );
    // Without an isolate (the default), the sentences are as they always were.
    expect(describeNotice(diff, 'en')).toBe(
      'The privacy notice changes (pt-BR and en): publish it again before this version goes live.',
    );
  });
});
