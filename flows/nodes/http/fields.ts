import type { KindForm } from '../form.ts';
import { httpMethods } from './schema.ts';

export const httpForm: KindForm = {
  type: 'http',
  group: 'logic',
  explanation: {
    en: 'Sends data to a declared service (a CRM, a booking system) and reads its answer.',
    'pt-BR': 'Envia dados a um serviço declarado (um CRM, uma agenda) e lê a resposta.',
    ar: 'يرسل بيانات إلى خدمة مُعلنة (نظام عملاء أو حجوزات) ويقرأ ردها.',
  },
  fields: [
    {
      name: 'method',
      widget: 'choice',
      label: { en: 'Method', 'pt-BR': 'Método', ar: 'الطريقة' },
      help: {
        en: 'GET reads, POST creates, PUT and PATCH change, DELETE removes.',
        'pt-BR': 'GET lê, POST cria, PUT e PATCH alteram, DELETE apaga.',
        ar: 'GET للقراءة وPOST للإنشاء وPUT وPATCH للتعديل وDELETE للحذف.',
      },
      choices: httpMethods.map((value) => ({ value, label: { en: value, 'pt-BR': value, ar: value } })),
    },
    {
      name: 'url',
      widget: 'template',
      label: { en: 'Address (URL)', 'pt-BR': 'Endereço (URL)', ar: 'العنوان (URL)' },
      help: {
        en: 'Must be https and on the recipient’s host when personal data is sent.',
        'pt-BR': 'Precisa ser https e no host do destinatário quando envia dados pessoais.',
        ar: 'يجب أن يكون https وعلى خادم الجهة المستلمة عند إرسال بيانات شخصية.',
      },
    },
    {
      name: 'recipient',
      widget: 'recipient',
      label: { en: 'Recipient', 'pt-BR': 'Destinatário', ar: 'الجهة المستلمة' },
      help: {
        en: 'Who receives the data, as declared in the flow settings.',
        'pt-BR': 'Quem recebe os dados, como declarado nas configurações do fluxo.',
        ar: 'من يستلم البيانات، كما هو مُعلن في إعدادات المسار.',
      },
    },
    {
      name: 'send',
      widget: 'data-keys',
      label: { en: 'What to send', 'pt-BR': 'O que enviar', ar: 'ما يُرسل' },
      help: {
        en: 'The saved values this request passes on; each must be shared with the recipient.',
        'pt-BR':
          'Os valores guardados que esta requisição repassa; cada um precisa ser compartilhado com o destinatário.',
        ar: 'القيم المحفوظة التي يمررها هذا الطلب؛ ويجب أن تكون كل قيمة مشتركة مع الجهة المستلمة.',
      },
    },
    {
      name: 'body',
      widget: 'template',
      optional: true,
      label: { en: 'Body', 'pt-BR': 'Corpo', ar: 'المحتوى' },
      help: {
        en: 'The request’s content, usually JSON; {{name}} inserts a saved value.',
        'pt-BR': 'O conteúdo da requisição, geralmente JSON; {{nome}} insere um valor guardado.',
        ar: 'محتوى الطلب، غالبًا JSON؛ و‎{{name}}‎ يُدرج قيمة محفوظة.',
      },
    },
    {
      name: 'headers',
      widget: 'headers',
      optional: true,
      label: { en: 'Headers', 'pt-BR': 'Cabeçalhos', ar: 'الترويسات' },
      help: {
        en: 'Name and value pairs; {{secret.NAME}} reads a secret from the server’s settings.',
        'pt-BR': 'Pares de nome e valor; {{secret.NOME}} lê um segredo das configurações do servidor.',
        ar: 'أزواج اسم وقيمة؛ ‎{{secret.NAME}}‎ يقرأ سرًا من إعدادات الخادم.',
      },
    },
    {
      name: 'saveResponse',
      widget: 'response-mappings',
      optional: true,
      label: { en: 'Keep from the answer', 'pt-BR': 'Guardar da resposta', ar: 'احفظ من الرد' },
      help: {
        en: 'A JSON path in the answer (such as $.id) and where to save it.',
        'pt-BR': 'Um caminho JSON na resposta (como $.id) e onde guardá-lo.',
        ar: 'مسار JSON في الرد (مثل ‎$.id‎) ومكان حفظه.',
      },
    },
    {
      name: 'mock',
      widget: 'mock',
      optional: true,
      label: { en: 'Answer in the simulator', 'pt-BR': 'Resposta no simulador', ar: 'الرد في المحاكي' },
      help: {
        en: 'The status and JSON body the simulator uses instead of calling the service.',
        'pt-BR': 'O status e o corpo JSON que o simulador usa em vez de chamar o serviço.',
        ar: 'الحالة ومحتوى JSON اللذان يستخدمهما المحاكي بدل الاتصال بالخدمة.',
      },
    },
  ],
  blank: ({ id, position, recipients }) => ({
    id,
    type: 'http',
    position,
    method: 'POST',
    url: 'https://api.example.com/',
    recipient: recipients[0] ?? 'service',
    send: [],
  }),
};
