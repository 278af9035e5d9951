import { translator, type Catalogue } from '../../i18n/index.ts';

type FixLabel =
  | 'add-consent'
  | 'add-disclosure'
  | 'human-keyword'
  | 'erase-keyword'
  | 'human-step'
  | 'erase-step'
  | 'end-outcome'
  | 'retention'
  | 'purpose'
  | 'basis-consent'
  | 'https'
  | 'share-with'
  | 'recipient-host'
  | 'declare-variable'
  | 'declare-field'
  | 'shorten-label';

/** What each quick fix's button says (DESIGN.md §6), in plain words. */
const catalogue: Catalogue<FixLabel> = {
  en: {
    'add-consent': 'Add a Consent step for {purposes} before this step',
    'add-disclosure': 'Add a Bot disclosure right after Start',
    'human-keyword': 'Let customers write {words} to reach a person',
    'erase-keyword': 'Let customers write {words} to erase their data',
    'human-step': 'Add a Human handoff step reached from the menu {menu}',
    'erase-step': 'Add an Erase data step reached from the menu {menu}',
    'end-outcome': 'End the conversation at {outcome}',
    retention: 'Keep {field} for {days} days',
    purpose: 'Use {field} for {purpose}',
    'basis-consent': 'Ask for consent for {field}',
    https: 'Send it over https:// instead',
    'share-with': 'Declare that {field} is shared with {recipient}',
    'recipient-host': 'Send it to {host}, the address declared for {recipient}',
    'declare-variable': 'Declare {key} as a variable (not personal data)',
    'declare-field': 'Declare {key} as personal data: {category}',
    'shorten-label': 'Shorten it to {max} characters',
  },
  'pt-BR': {
    'add-consent': 'Adicionar um passo de Consentimento para {purposes} antes deste passo',
    'add-disclosure': 'Adicionar uma Apresentação do robô logo após o Início',
    'human-keyword': 'Permitir que o cliente escreva {words} para falar com uma pessoa',
    'erase-keyword': 'Permitir que o cliente escreva {words} para apagar seus dados',
    'human-step': 'Adicionar um passo Transferir para humano a partir do menu {menu}',
    'erase-step': 'Adicionar um passo Apagar dados a partir do menu {menu}',
    'end-outcome': 'Encerrar a conversa em {outcome}',
    retention: 'Guardar {field} por {days} dias',
    purpose: 'Usar {field} para {purpose}',
    'basis-consent': 'Pedir consentimento para {field}',
    https: 'Enviar por https://',
    'share-with': 'Declarar que {field} é compartilhado com {recipient}',
    'recipient-host': 'Enviar para {host}, o endereço declarado de {recipient}',
    'declare-variable': 'Declarar {key} como variável (não é dado pessoal)',
    'declare-field': 'Declarar {key} como dado pessoal: {category}',
    'shorten-label': 'Encurtar para {max} caracteres',
  },
  ar: {
    'add-consent': 'أضف خطوة موافقة على {purposes} قبل هذه الخطوة',
    'add-disclosure': 'أضف تعريفًا بالمساعد الآلي بعد البداية مباشرة',
    'human-keyword': 'اسمح للعميل بكتابة {words} للوصول إلى موظف',
    'erase-keyword': 'اسمح للعميل بكتابة {words} لحذف بياناته',
    'human-step': 'أضف خطوة تحويل إلى موظف يُوصل إليها من القائمة {menu}',
    'erase-step': 'أضف خطوة حذف البيانات يُوصل إليها من القائمة {menu}',
    'end-outcome': 'أنهِ المحادثة عند {outcome}',
    retention: 'احتفظ بـ{field} لمدة {days} يومًا',
    purpose: 'استخدم {field} من أجل {purpose}',
    'basis-consent': 'اطلب الموافقة على {field}',
    https: 'أرسلها عبر https:// بدلًا من ذلك',
    'share-with': 'صرّح بأن {field} يُشارك مع {recipient}',
    'recipient-host': 'أرسلها إلى {host}، العنوان المصرّح به لـ{recipient}',
    'declare-variable': 'عرّف {key} كمتغيّر (ليس بيانات شخصية)',
    'declare-field': 'عرّف {key} كبيانات شخصية: {category}',
    'shorten-label': 'اختصره إلى {max} حرفًا',
  },
};

export const fixLabel = translator(catalogue);

/** A name quoted the way each interface language quotes (“…” or «…»). */
export function quoted(language: 'en' | 'pt-BR' | 'ar', name: string): string {
  return language === 'ar' ? `«${name}»` : `“${name}”`;
}
