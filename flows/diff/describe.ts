import { firstWords } from '../check/naming.ts';
import { localText } from '../i18n/lang-text.ts';
import { categoryName, legalBasisName } from '../check/rules/wording.ts';
import { listOf, translator, type Catalogue, type UiLanguage } from '../i18n/index.ts';
import type { LangText } from '../model/common.ts';
import { findKind } from '../nodes/registry.ts';
import { countryName } from '../export/language.ts';
import type { ControllerAspect, DataChange, DataDiff, RecipientAspect, StepRef } from './data-diff.ts';

const en = {
  'field-added': 'New personal field {field} ({category}).',
  'field-removed': '{field} is no longer declared: the bot stops keeping it.',
  'category-changed': 'The kind of data of {field} changed from {from} to {to}.',
  'purposes-added': '{field} is now also used for {added}.',
  'purposes-removed': '{field} is no longer used for {removed}.',
  'purposes-replaced': '{field} is now used for {added} instead of {removed}.',
  'legal-basis-changed': 'The legal basis for {field} changed from {from} to {to}.',
  'retention-changed': 'How long {field} is kept changed from {from} to {to}.',
  days: '{days} days',
  'no-retention': 'no set time',
  'sharing-added': '{field} is now also passed on to {added}.',
  'sharing-removed': '{field} is no longer passed on to {removed}.',
  'sharing-replaced': '{field} is now passed on to {added} instead of {removed}.',
  'recipient-added': 'New recipient {name}.',
  'recipient-added-in': 'New recipient {name}, in {country}.',
  'recipient-removed': '{name} is no longer a recipient of any data.',
  'recipient-added-erases': 'It will be asked to erase a customer’s data when the customer asks.',
  'recipient-removed-erased':
    'It was asked to erase a customer’s data and no longer will be: what it already received is not erased there when a customer asks.',
  'recipient-changed': 'The details of the recipient {name} changed: {aspects}.',
  'recipient-name': 'its name',
  'recipient-host': 'its server address',
  'recipient-country': 'its country',
  'recipient-url': 'where handoffs are forwarded',
  'recipient-erase-added': 'it will now be asked to erase a customer’s data when the customer asks',
  'recipient-erase-removed': 'it will no longer be asked to erase a customer’s data',
  'recipient-erase-changed': 'how it is asked to erase a customer’s data (the method or the address)',
  'controller-changed': 'The details of who is responsible for the data changed: {aspects}.',
  'controller-name': 'the name',
  'controller-contact': 'the contact',
  'controller-dpo': 'the data protection officer',
  'controller-privacyNoticeUrl': 'the address of the full privacy notice',
  'consent-step-added': 'New consent step {step} asks the customer to agree to {purposes}.',
  'consent-step-removed': 'The consent step {step} was removed.',
  'consent-purposes-added': 'The consent step {step} now also asks about {added}.',
  'consent-purposes-removed': 'The consent step {step} no longer asks about {removed}.',
  'consent-purposes-replaced': 'The consent step {step} now asks about {added} instead of {removed}.',
  'consent-text-changed': 'The wording of the consent step {step} changed ({languages}).',
  'consent-asked-again':
    'Customers who already agreed to {purposes} will be asked again, and told the privacy notice changed: its wording, or the data that relies on it, is different now.',
  'disclosure-added': 'New step {step} tells customers they talk to an automated assistant.',
  'disclosure-removed': 'The step {step} that tells customers they talk to an automated assistant was removed.',
  'disclosure-text-changed':
    'The wording of the step {step} that tells customers they talk to an automated assistant changed ({languages}).',
  'collection-added': 'The step {step} now collects {field}.',
  'collection-removed': 'The step {step} no longer collects {field}.',
  'sharing-place-added-http': 'The step {step} now sends {field} to {to}.',
  'sharing-place-removed-http': 'The step {step} no longer sends {field} to {to}.',
  'sharing-place-added-handoff': 'The step {step} now shows {field} to a person ({to}).',
  'sharing-place-removed-handoff': 'The step {step} no longer shows {field} to a person ({to}).',
  'step-of-kind': '{kind} {id}',
  'notice-republish': 'The privacy notice changes ({languages}): publish it again before this version goes live.',
  'notice-same': 'The privacy notice stays the same.',
  'no-changes': 'Nothing changes for personal data.',
};
type Key = keyof typeof en;

const texts: Catalogue<Key> = {
  en,
  'pt-BR': {
    'field-added': 'Novo dado pessoal {field} ({category}).',
    'field-removed': '{field} deixou de ser declarado: o bot não o guarda mais.',
    'category-changed': 'O tipo de dado de {field} mudou de {from} para {to}.',
    'purposes-added': '{field} agora também é usado para {added}.',
    'purposes-removed': '{field} não é mais usado para {removed}.',
    'purposes-replaced': '{field} agora é usado para {added} em vez de {removed}.',
    'legal-basis-changed': 'A base legal de {field} mudou de {from} para {to}.',
    'retention-changed': 'O prazo de guarda de {field} mudou de {from} para {to}.',
    days: '{days} dias',
    'no-retention': 'sem prazo definido',
    'sharing-added': '{field} agora também é repassado para {added}.',
    'sharing-removed': '{field} não é mais repassado para {removed}.',
    'sharing-replaced': '{field} agora é repassado para {added} em vez de {removed}.',
    'recipient-added': 'Novo destinatário {name}.',
    'recipient-added-in': 'Novo destinatário {name}, em {country}.',
    'recipient-removed': '{name} deixou de receber qualquer dado.',
    'recipient-added-erases': 'Ele receberá o pedido de apagar os dados de um cliente quando o cliente pedir.',
    'recipient-removed-erased':
      'Ele recebia o pedido de apagar os dados de um cliente e não receberá mais: o que ele já recebeu não é apagado lá quando um cliente pedir.',
    'recipient-changed': 'Os dados do destinatário {name} mudaram: {aspects}.',
    'recipient-name': 'o nome',
    'recipient-host': 'o endereço do servidor',
    'recipient-country': 'o país',
    'recipient-url': 'para onde os atendimentos são encaminhados',
    'recipient-erase-added': 'passará a receber o pedido de apagar os dados de um cliente quando ele pedir',
    'recipient-erase-removed': 'deixará de receber o pedido de apagar os dados de um cliente',
    'recipient-erase-changed': 'como é pedido que apague os dados de um cliente (o método ou o endereço)',
    'controller-changed': 'Os dados de quem é responsável pelos dados mudaram: {aspects}.',
    'controller-name': 'o nome',
    'controller-contact': 'o contato',
    'controller-dpo': 'o encarregado',
    'controller-privacyNoticeUrl': 'o endereço do aviso de privacidade completo',
    'consent-step-added': 'A nova etapa de consentimento {step} pede que o cliente concorde com {purposes}.',
    'consent-step-removed': 'A etapa de consentimento {step} foi removida.',
    'consent-purposes-added': 'A etapa de consentimento {step} agora também pergunta sobre {added}.',
    'consent-purposes-removed': 'A etapa de consentimento {step} não pergunta mais sobre {removed}.',
    'consent-purposes-replaced': 'A etapa de consentimento {step} agora pergunta sobre {added} em vez de {removed}.',
    'consent-text-changed': 'O texto da etapa de consentimento {step} mudou ({languages}).',
    'consent-asked-again':
      'Clientes que já concordaram com {purposes} serão perguntados de novo e avisados de que o aviso de privacidade mudou: o texto, ou os dados que dependem disso, agora são diferentes.',
    'disclosure-added': 'A nova etapa {step} avisa os clientes de que falam com um assistente automático.',
    'disclosure-removed':
      'A etapa {step}, que avisa os clientes de que falam com um assistente automático, foi removida.',
    'disclosure-text-changed':
      'O texto da etapa {step}, que avisa os clientes de que falam com um assistente automático, mudou ({languages}).',
    'collection-added': 'A etapa {step} agora coleta {field}.',
    'collection-removed': 'A etapa {step} não coleta mais {field}.',
    'sharing-place-added-http': 'A etapa {step} agora envia {field} para {to}.',
    'sharing-place-removed-http': 'A etapa {step} não envia mais {field} para {to}.',
    'sharing-place-added-handoff': 'A etapa {step} agora mostra {field} a um atendente ({to}).',
    'sharing-place-removed-handoff': 'A etapa {step} não mostra mais {field} a um atendente ({to}).',
    'step-of-kind': '{kind} {id}',
    'notice-republish':
      'O aviso de privacidade muda ({languages}): publique-o de novo antes de esta versão entrar no ar.',
    'notice-same': 'O aviso de privacidade continua o mesmo.',
    'no-changes': 'Nada muda para os dados pessoais.',
  },
  ar: {
    'field-added': 'حقل بيانات شخصية جديد {field} ‏({category}).',
    'field-removed': 'لم يعد {field} مُعلنًا: يتوقف البوت عن الاحتفاظ به.',
    'category-changed': 'تغيّر نوع بيانات {field} من {from} إلى {to}.',
    'purposes-added': 'أصبح {field} يُستخدم أيضًا لغرض {added}.',
    'purposes-removed': 'لم يعد {field} يُستخدم لغرض {removed}.',
    'purposes-replaced': 'أصبح {field} يُستخدم لغرض {added} بدلًا من {removed}.',
    'legal-basis-changed': 'تغيّر الأساس القانوني لـ{field} من {from} إلى {to}.',
    'retention-changed': 'تغيّرت مدة الاحتفاظ بـ{field} من {from} إلى {to}.',
    days: '{days} يومًا',
    'no-retention': 'دون مدة محددة',
    'sharing-added': 'أصبح {field} يُرسَل أيضًا إلى {added}.',
    'sharing-removed': 'لم يعد {field} يُرسَل إلى {removed}.',
    'sharing-replaced': 'أصبح {field} يُرسَل إلى {added} بدلًا من {removed}.',
    'recipient-added': 'جهة مستلمة جديدة: {name}.',
    'recipient-added-in': 'جهة مستلمة جديدة: {name} في {country}.',
    'recipient-removed': 'لم تعد {name} تتلقى أي بيانات.',
    'recipient-added-erases': 'سيُطلب منها حذف بيانات العميل عندما يطلب ذلك.',
    'recipient-removed-erased':
      'كان يُطلب منها حذف بيانات العميل ولن يُطلب منها ذلك بعد الآن: ما تلقّته من قبل لا يُحذف لديها عندما يطلب العميل ذلك.',
    'recipient-changed': 'تغيّرت تفاصيل الجهة المستلمة {name}: {aspects}.',
    'recipient-name': 'اسمها',
    'recipient-host': 'عنوان خادمها',
    'recipient-country': 'بلدها',
    'recipient-url': 'العنوان الذي تُحوَّل إليه المحادثات',
    'recipient-erase-added': 'سيُطلب منها من الآن حذف بيانات العميل عندما يطلب ذلك',
    'recipient-erase-removed': 'لن يُطلب منها بعد الآن حذف بيانات العميل',
    'recipient-erase-changed': 'طريقة مطالبتها بحذف بيانات العميل (نوع الطلب أو العنوان)',
    'controller-changed': 'تغيّرت بيانات الجهة المسؤولة عن البيانات: {aspects}.',
    'controller-name': 'الاسم',
    'controller-contact': 'جهة الاتصال',
    'controller-dpo': 'مسؤول حماية البيانات',
    'controller-privacyNoticeUrl': 'عنوان إشعار الخصوصية الكامل',
    'consent-step-added': 'خطوة موافقة جديدة {step} تطلب من العميل الموافقة على {purposes}.',
    'consent-step-removed': 'أُزيلت خطوة الموافقة {step}.',
    'consent-purposes-added': 'أصبحت خطوة الموافقة {step} تسأل أيضًا عن {added}.',
    'consent-purposes-removed': 'لم تعد خطوة الموافقة {step} تسأل عن {removed}.',
    'consent-purposes-replaced': 'أصبحت خطوة الموافقة {step} تسأل عن {added} بدلًا من {removed}.',
    'consent-text-changed': 'تغيّرت صياغة خطوة الموافقة {step} ‏({languages}).',
    'consent-asked-again':
      'سيُسأل العملاء الذين وافقوا من قبل على {purposes} مرة أخرى، وسيُبلَّغون بأن إشعار الخصوصية تغيّر: فالصياغة، أو البيانات التي تعتمد عليها، صارت مختلفة.',
    'disclosure-added': 'خطوة جديدة {step} تخبر العملاء أنهم يتحدثون مع مساعد آلي.',
    'disclosure-removed': 'أُزيلت الخطوة {step} التي تخبر العملاء أنهم يتحدثون مع مساعد آلي.',
    'disclosure-text-changed': 'تغيّرت صياغة الخطوة {step} التي تخبر العملاء أنهم يتحدثون مع مساعد آلي ‏({languages}).',
    'collection-added': 'أصبحت الخطوة {step} تجمع {field}.',
    'collection-removed': 'لم تعد الخطوة {step} تجمع {field}.',
    'sharing-place-added-http': 'أصبحت الخطوة {step} ترسل {field} إلى {to}.',
    'sharing-place-removed-http': 'لم تعد الخطوة {step} ترسل {field} إلى {to}.',
    'sharing-place-added-handoff': 'أصبحت الخطوة {step} تُطلع موظفًا على {field} ‏({to}).',
    'sharing-place-removed-handoff': 'لم تعد الخطوة {step} تُطلع موظفًا على {field} ‏({to}).',
    'step-of-kind': '{kind} {id}',
    'notice-republish': 'يتغيّر إشعار الخصوصية ({languages}): انشره من جديد قبل تشغيل هذا الإصدار.',
    'notice-same': 'يبقى إشعار الخصوصية كما هو.',
    'no-changes': 'لا شيء يتغيّر بالنسبة للبيانات الشخصية.',
  },
};
const say = translator(texts);

/**
 * How a sentence holds a name (a field, a step id, a recipient, a language code) so that its
 * direction does not mix with the sentence's: the studio passes FSI … PDI (renderer/bidi/isolated.ts);
 * the default leaves the name as it is.
 */
export type Isolate = (name: string) => string;
const asIs: Isolate = (name) => name;

/**
 * One plain sentence for a change, in an interface language. Designers' own words (field,
 * purpose and step texts) are quoted in the flow language closest to it; every name and language
 * code goes through `isolate`.
 */
export function describeChange(
  change: DataChange,
  language: UiLanguage,
  flowLanguages: readonly string[],
  isolate: Isolate = asIs,
): string {
  const quote = (value: string) => (language === 'ar' ? `«${isolate(value)}»` : `“${isolate(value)}”`);
  const name = (value: LangText) => quote(localText(value, language, flowLanguages));
  const names = (values: readonly LangText[]) => listOf(language, values.map(name));
  const plain = (values: readonly string[]) => listOf(language, values.map(quote));
  const step = (ref: StepRef) =>
    ref.text
      ? quote(firstWords(localText(ref.text, language, flowLanguages)))
      : say(language, 'step-of-kind', { kind: findKind(ref.type)?.label[language] ?? ref.type, id: quote(ref.id) });
  const retention = (days: number | undefined) =>
    days === undefined ? say(language, 'no-retention') : say(language, 'days', { days });
  const aspects = (keys: readonly (RecipientAspect | ControllerAspect)[], words: Record<string, Key>) =>
    listOf(
      language,
      keys.map((key) => (words[key] ? say(language, words[key]) : key)),
    );

  switch (change.kind) {
    case 'field-added':
      return say(language, change.kind, {
        field: name(change.field.label),
        category: categoryName(change.category, language),
      });
    case 'field-removed':
      return say(language, change.kind, { field: name(change.field.label) });
    case 'category-changed':
      return say(language, change.kind, {
        field: name(change.field.label),
        from: quote(categoryName(change.from, language)),
        to: quote(categoryName(change.to, language)),
      });
    case 'purposes-changed': {
      const added = names(change.added);
      const removed = names(change.removed);
      return say(language, either(added, removed, 'purposes'), { field: name(change.field.label), added, removed });
    }
    case 'legal-basis-changed':
      return say(language, change.kind, {
        field: name(change.field.label),
        from: quote(legalBasisName(language, change.from)),
        to: quote(legalBasisName(language, change.to)),
      });
    case 'retention-changed':
      return say(language, change.kind, {
        field: name(change.field.label),
        from: retention(change.from),
        to: retention(change.to),
      });
    case 'sharing-changed': {
      const added = plain(change.added);
      const removed = plain(change.removed);
      return say(language, either(added, removed, 'sharing'), { field: name(change.field.label), added, removed });
    }
    case 'recipient-added':
      return withErasure(
        change.country
          ? say(language, 'recipient-added-in', {
              name: quote(change.name),
              country: countryName(change.country, language),
            })
          : say(language, 'recipient-added', { name: quote(change.name) }),
        change.askedToErase && say(language, 'recipient-added-erases'),
      );
    case 'recipient-removed':
      return withErasure(
        say(language, change.kind, { name: quote(change.name) }),
        change.askedToErase && say(language, 'recipient-removed-erased'),
      );
    case 'recipient-changed':
      return say(language, change.kind, {
        name: quote(change.name),
        aspects: aspects(change.aspects, recipientAspects),
      });
    case 'controller-changed':
      return say(language, change.kind, { aspects: aspects(change.aspects, controllerAspects) });
    case 'consent-step-added':
    case 'consent-asked-again':
      return say(language, change.kind, {
        ...(change.kind === 'consent-step-added' ? { step: step(change.step) } : {}),
        purposes: names(change.purposes),
      });
    case 'consent-step-removed':
    case 'disclosure-added':
    case 'disclosure-removed':
      return say(language, change.kind, { step: step(change.step) });
    case 'consent-purposes-changed': {
      const added = names(change.added);
      const removed = names(change.removed);
      return say(language, either(added, removed, 'consent-purposes'), { step: step(change.step), added, removed });
    }
    case 'consent-text-changed':
    case 'disclosure-text-changed':
      return say(language, change.kind, {
        step: step(change.step),
        languages: listOf(language, change.languages.map(isolate)),
      });
    case 'collection-added':
    case 'collection-removed':
      return say(language, change.kind, { step: step(change.step), field: name(change.field.label) });
    case 'sharing-place-added':
    case 'sharing-place-removed':
      return say(language, `${change.kind}-${change.via}`, {
        step: step(change.step),
        field: name(change.field.label),
        to: quote(change.to),
      });
  }
}

/** Whether the privacy notice must be published again, as one sentence. */
export function describeNotice(diff: DataDiff, language: UiLanguage, isolate: Isolate = asIs): string {
  return diff.republishNotice
    ? say(language, 'notice-republish', { languages: listOf(language, diff.noticeLanguages.map(isolate)) })
    : say(language, 'notice-same');
}

/** Every change of a diff as sentences, or the one sentence saying nothing changes. */
export function describeDataDiff(
  diff: DataDiff,
  language: UiLanguage,
  flowLanguages: readonly string[],
  isolate: Isolate = asIs,
): string[] {
  if (diff.changes.length === 0) return [say(language, 'no-changes')];
  return diff.changes.map((change) => describeChange(change, language, flowLanguages, isolate));
}

/** A recipient's sentence, followed by what its erase route means for customers when it has one. */
function withErasure(sentence: string, erasure: string | undefined): string {
  return erasure ? `${sentence} ${erasure}` : sentence;
}

/** The sentence for what was added, what was removed, or one replacing the other. */
function either<Prefix extends 'purposes' | 'sharing' | 'consent-purposes'>(
  added: string,
  removed: string,
  prefix: Prefix,
): `${Prefix}-${'added' | 'removed' | 'replaced'}` {
  if (added && removed) return `${prefix}-replaced`;
  return added ? `${prefix}-added` : `${prefix}-removed`;
}

const recipientAspects: Record<RecipientAspect, Key> = {
  name: 'recipient-name',
  host: 'recipient-host',
  country: 'recipient-country',
  url: 'recipient-url',
  'erase-added': 'recipient-erase-added',
  'erase-removed': 'recipient-erase-removed',
  'erase-changed': 'recipient-erase-changed',
};
const controllerAspects: Record<ControllerAspect, Key> = {
  name: 'controller-name',
  contact: 'controller-contact',
  dpo: 'controller-dpo',
  privacyNoticeUrl: 'controller-privacyNoticeUrl',
};
