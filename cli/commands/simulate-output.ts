import { listOf, translator, type Catalogue, type UiLanguage } from '../../flows/i18n/index.ts';
import { localText, renderMessage, type EngineEffect } from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';

/** What `amana simulate` prints around the conversation itself. */
const en = {
  bot: 'bot',
  you: 'you',
  collected: '[collected: {key}]',
  saved: '[saved: {key}]',
  'consent-granted': '[consent granted: {purposes}]',
  'consent-declined': '[consent declined: {purposes}]',
  'consent-lapsed': '[asked again, the wording changed: {purposes}]',
  shared: '[shared with {recipient}: {keys}]',
  called: '[called {recipient}]',
  'http-failed': '[{recipient} answered {status}]',
  'http-unreachable': '[{recipient} could not be reached: {error}]',
  'http-not-sent': '[not sent to {recipient}: {reason}; the exported bot refuses it too]',
  'refusal-not https': 'the address is not https (http only to this machine)',
  'refusal-host is not the recipient’s': 'the address is not on the host declared for this recipient',
  'refusal-invalid URL': 'the address is not a valid URL',
  'refusal-undeclared recipient': 'the recipient is not declared',
  'http-secret-missing':
    '[not sent to {recipient}: {variables} is not set in the environment; the exported bot does not start without it]',
  'handed-off': '[handed off to a person (queue {queue})]',
  'handed-off-shared': '[handed off to a person (queue {queue}), shared: {keys}]',
  'with-agent': '(a person has the conversation now; type /release to hand it back to the bot)',
  released: '[released by the agent]',
  erased: '[erased]',
  'opted-out': '[opted out: nothing more is sent until the customer writes again]',
  'opted-in': '[opted in again]',
  'not-stored': '[not stored without consent: {key}]',
  'not-shared': '[not shared without consent: {key}]',
  refused: '[not sent: no value for {keys}]',
  ended: '[conversation ended]',
  'no-start': 'This flow has no start node, so there is nothing to simulate.',
};

type OutputKey = keyof typeof en;

const output: Catalogue<OutputKey> = {
  en,
  'pt-BR': {
    bot: 'bot',
    you: 'você',
    collected: '[coletado: {key}]',
    saved: '[salvo: {key}]',
    'consent-granted': '[consentimento dado: {purposes}]',
    'consent-declined': '[consentimento recusado: {purposes}]',
    'consent-lapsed': '[pedido de novo, o texto mudou: {purposes}]',
    shared: '[compartilhado com {recipient}: {keys}]',
    called: '[chamada a {recipient}]',
    'http-failed': '[{recipient} respondeu {status}]',
    'http-unreachable': '[não foi possível falar com {recipient}: {error}]',
    'http-not-sent': '[não enviado para {recipient}: {reason}; o bot exportado também recusa]',
    'refusal-not https': 'o endereço não é https (http só para esta máquina)',
    'refusal-host is not the recipient’s': 'o endereço não está no host declarado para este destinatário',
    'refusal-invalid URL': 'o endereço não é uma URL válida',
    'refusal-undeclared recipient': 'o destinatário não está declarado',
    'http-secret-missing':
      '[não enviado para {recipient}: {variables} não está definido no ambiente; o bot exportado não inicia sem isso]',
    'handed-off': '[transferido para uma pessoa (fila {queue})]',
    'handed-off-shared': '[transferido para uma pessoa (fila {queue}), compartilhado: {keys}]',
    'with-agent': '(uma pessoa está com a conversa agora; digite /release para devolvê-la ao bot)',
    released: '[devolvido pelo atendente]',
    erased: '[dados apagados]',
    'opted-out': '[opt-out: nada mais é enviado até o cliente escrever de novo]',
    'opted-in': '[cliente voltou a receber mensagens]',
    'not-stored': '[não guardado sem consentimento: {key}]',
    'not-shared': '[não compartilhado sem consentimento: {key}]',
    refused: '[não enviado: sem valor para {keys}]',
    ended: '[conversa encerrada]',
    'no-start': 'Este fluxo não tem nó de início, então não há o que simular.',
  },
  ar: {
    bot: 'البوت',
    you: 'أنت',
    collected: '[جُمع: {key}]',
    saved: '[حُفظ: {key}]',
    'consent-granted': '[مُنحت الموافقة: {purposes}]',
    'consent-declined': '[رُفضت الموافقة: {purposes}]',
    'consent-lapsed': '[طُلبت الموافقة من جديد، تغيّرت الصياغة: {purposes}]',
    shared: '[شورك مع {recipient}: {keys}]',
    called: '[اتصال بـ {recipient}]',
    'http-failed': '[ردّ {recipient} بالرمز {status}]',
    'http-unreachable': '[تعذّر الوصول إلى {recipient}: {error}]',
    'http-not-sent': '[لم يُرسل إلى {recipient}: {reason}؛ والبوت المُصدَّر يرفضه أيضًا]',
    'refusal-not https': 'العنوان ليس https (يُسمح بـ http لهذا الجهاز فقط)',
    'refusal-host is not the recipient’s': 'العنوان ليس على المضيف المُعلن لهذا المستلم',
    'refusal-invalid URL': 'العنوان ليس رابطًا صالحًا',
    'refusal-undeclared recipient': 'المستلم غير مُعلن',
    'http-secret-missing': '[لم يُرسل إلى {recipient}: {variables} غير مضبوط في البيئة؛ ولا يبدأ البوت المُصدَّر بدونه]',
    'handed-off': '[حُوّلت المحادثة إلى شخص (قائمة {queue})]',
    'handed-off-shared': '[حُوّلت المحادثة إلى شخص (قائمة {queue})، وشورك: {keys}]',
    'with-agent': '(المحادثة الآن مع شخص؛ اكتب ‎/release لإعادتها إلى البوت)',
    released: '[أعاد الموظف المحادثة]',
    erased: '[حُذفت البيانات]',
    'opted-out': '[ألغى العميل الاشتراك: لن يُرسل شيء حتى يكتب من جديد]',
    'opted-in': '[عاد العميل لتلقي الرسائل]',
    'not-stored': '[لم يُحفظ دون موافقة: {key}]',
    'not-shared': '[لم يُشارك دون موافقة: {key}]',
    refused: '[لم يُرسل: لا توجد قيمة لـ {keys}]',
    ended: '[انتهت المحادثة]',
    'no-start': 'لا توجد عقدة بداية في هذا المسار، فلا يوجد ما يمكن محاكاته.',
  },
};

export const simulateText = translator(output);

/**
 * The lines `amana simulate` prints for one effect: a bot message as the customer reads it
 * (choices numbered), or a privacy event in brackets. Nothing for effects with nothing to show.
 */
export function describeEffect(
  flow: Flow,
  effect: EngineEffect,
  language: UiLanguage,
  conversationLanguage: string,
): string[] {
  const say = (key: OutputKey, params?: Record<string, string | number>) => simulateText(language, key, params);
  const message = renderMessage(effect);
  if (message !== undefined) return botLines(message, say('bot'));
  const purposes = (ids: string[]) =>
    listOf(
      language,
      ids.map((id) => {
        const purpose = flow.purposes.find((candidate) => candidate.id === id);
        return purpose ? localText(purpose.label, conversationLanguage, flow.languages) : id;
      }),
    );
  switch (effect.type) {
    case 'collect':
      return [say(effect.personal ? 'collected' : 'saved', { key: effect.key })];
    case 'record-consent':
      return [say(effect.granted ? 'consent-granted' : 'consent-declined', { purposes: purposes(effect.purposes) })];
    case 'consent-lapsed':
      return [say('consent-lapsed', { purposes: purposes(effect.purposes) })];
    case 'call-http': {
      const recipient = recipientName(flow, effect.recipient);
      return [
        effect.shared.length > 0
          ? say('shared', { recipient, keys: effect.shared.join(', ') })
          : say('called', { recipient }),
      ];
    }
    case 'hand-off': {
      const keys = Object.keys(effect.shared);
      return [
        keys.length > 0
          ? say('handed-off-shared', { queue: effect.queue, keys: keys.join(', ') })
          : say('handed-off', { queue: effect.queue }),
        say('with-agent'),
      ];
    }
    case 'erase':
      return [say('erased')];
    case 'opt-out':
      return [say('opted-out')];
    case 'opt-in':
      return [say('opted-in')];
    case 'withhold':
      return [say(effect.via === 'collect' ? 'not-stored' : 'not-shared', { key: effect.key })];
    case 'refuse':
      return [say('refused', { keys: listOf(language, effect.keys) })];
    case 'end':
      return [say('ended')];
    default:
      return [];
  }
}

/** The declared name of a recipient (“Acme CRM”), else its id. */
export function recipientName(flow: Flow, id: string): string {
  return flow.recipients.find((recipient) => recipient.id === id)?.name ?? id;
}

/** A bot message: the first line after `bot: `, the others indented under it. */
function botLines(message: string, label: string): string[] {
  const prefix = `${label}: `;
  const indent = ' '.repeat([...prefix].length);
  return message.split('\n').map((line, index) => ((index === 0 ? prefix : indent) + line).trimEnd());
}
