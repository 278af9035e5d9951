import { translator, type Catalogue } from '../../flows/i18n/index.ts';
import type { LegalBasis } from '../../flows/index.ts';

type SettingsTextKey =
  | 'region'
  | 'controller-heading'
  | 'controller-name'
  | 'controller-contact'
  | 'controller-dpo'
  | 'privacy-notice-url'
  | 'languages-heading'
  | 'add-language'
  | 'remove-language'
  | 'purposes-heading'
  | 'purpose-id'
  | 'purpose-label'
  | 'add-purpose'
  | 'recipients-heading'
  | 'recipient-name'
  | 'recipient-host'
  | 'recipient-country'
  | 'recipient-url'
  | 'recipient-kind'
  | 'recipient-processor'
  | 'recipient-desk'
  | 'add-recipient'
  | 'recipient-erase-method'
  | 'recipient-erase-none'
  | 'recipient-erase-url'
  | 'recipient-erase-help'
  | 'recipient-erase-headers'
  | 'recipient-erase-headers-help'
  | 'recipient-erase-header'
  | 'recipient-erase-header-name'
  | 'recipient-erase-header-value'
  | 'recipient-erase-add-header'
  | 'recipient-erase-remove-header'
  | 'recipient-erase-header-blank'
  | 'recipient-erase-header-taken'
  | 'keywords-heading'
  | 'keywords-human'
  | 'keywords-erase'
  | 'keywords-stop'
  | 'keywords-help'
  | 'inventory-heading'
  | 'inventory-help'
  | 'column-key'
  | 'column-label'
  | 'column-category'
  | 'column-purposes'
  | 'column-basis'
  | 'column-retention'
  | 'column-shared'
  | 'column-used'
  | 'column-remove'
  | 'new-field-key'
  | 'add-field'
  | 'remove'
  | 'choose-category'
  | 'search-categories'
  | 'no-category-found'
  | 'sensitive'
  | 'sensitive-help'
  | 'protected'
  | 'protected-help'
  | 'suggested'
  | 'use-suggestion'
  | 'retention-days'
  | 'retention-none'
  | 'retention-custom'
  | 'retention-custom-days'
  | 'days'
  | 'five-years'
  | 'collects'
  | 'reads'
  | 'shares'
  | 'not-used'
  | 'all-steps'
  | 'fewer-steps'
  | 'nothing-declared'
  | 'variables-heading'
  | 'edit-refused'
  | 'map-region'
  | 'map-title'
  | 'map-controller'
  | 'map-dpo'
  | 'map-print'
  | 'map-collected'
  | 'map-read';

const en: Record<SettingsTextKey, string> = {
  region: 'Flow settings',
  'controller-heading': 'Who is responsible for the data',
  'controller-name': 'Business name (controller)',
  'controller-contact': 'Privacy contact',
  'controller-dpo': 'Data protection officer (DPO)',
  'privacy-notice-url': 'Privacy notice address',
  'languages-heading': 'Languages of the conversation',
  'add-language': 'Add a language (e.g. es, pt-BR)',
  'remove-language': 'Remove {language}',
  'purposes-heading': 'Purposes: why you use the data',
  'purpose-id': 'Short id',
  'purpose-label': 'What customers read ({language})',
  'add-purpose': 'Add a purpose',
  'recipients-heading': 'Recipients: who else receives data',
  'recipient-name': 'Name',
  'recipient-host': 'Web address (host) of its service',
  'recipient-country': 'Country (2 letters)',
  'recipient-url': 'Agent desk address (handoffs are forwarded there)',
  'recipient-kind': 'What it is',
  'recipient-processor': 'A service the bot calls',
  'recipient-desk': 'An agent desk',
  'add-recipient': 'Add a recipient',
  'recipient-erase-method': 'When a customer erases their data, ask it to erase too',
  'recipient-erase-none': 'No: it cannot be asked',
  'recipient-erase-url': 'Erase address',
  'recipient-erase-help':
    'The address of its service that deletes one record, with the reference it gave back when the data was sent, e.g. https://api.example.com/leads/{{lead_id}}.',
  'recipient-erase-headers': 'Sent with the erase request (headers)',
  'recipient-erase-headers-help':
    'Most services want their access key here: name Authorization, value Bearer {{secret.CRM_TOKEN}}. The bot fills {{secret.CRM_TOKEN}} from its AMANA_SECRET_CRM_TOKEN setting as it sends, so the key is never kept in the flow. A value may also use the reference the service gave back, such as {{lead_id}}.',
  'recipient-erase-header': 'Header {number}',
  'recipient-erase-header-name': 'Header name',
  'recipient-erase-header-value': 'Header value',
  'recipient-erase-add-header': 'Add a header',
  'recipient-erase-remove-header': 'Remove header {number}',
  'recipient-erase-header-blank': 'A header needs a name, such as Authorization.',
  'recipient-erase-header-taken': 'This request already sends a header named {name}.',
  'keywords-heading': 'Words customers can write at any time',
  'keywords-human': 'Talk to a person',
  'keywords-erase': 'Erase my data',
  'keywords-stop': 'Stop messages',
  'keywords-help': 'Separate words with commas; each language of the flow has its own.',
  'inventory-heading': 'Data inventory',
  'inventory-help':
    'Every piece of personal data the bot collects or passes on, with why, on what legal basis, for how long and who receives it.',
  'column-key': 'Field',
  'column-label': 'Name ({language})',
  'column-category': 'Kind of data',
  'column-purposes': 'Purposes',
  'column-basis': 'Legal basis',
  'column-retention': 'Kept for',
  'column-shared': 'Shared with',
  'column-used': 'Steps',
  'column-remove': 'Remove the field',
  'new-field-key': 'New field (e.g. phone)',
  'add-field': 'Declare a field',
  remove: 'Remove',
  'choose-category': 'Choose the kind of data',
  'search-categories': 'Search kinds of data',
  'no-category-found': 'No kind of data matches these words.',
  sensitive: 'Sensitive',
  'sensitive-help': 'Sensitive data (LGPD art. 5 II, GDPR art. 9): it needs the customer’s explicit consent.',
  protected: 'Identifier or financial',
  'protected-help': 'Government identifiers and financial data: never repeat them in the chat.',
  suggested: 'The question’s words suggest: {category}',
  'use-suggestion': 'Use it',
  'retention-days': 'Kept for',
  'retention-none': 'Not set',
  'retention-custom': 'Other…',
  'retention-custom-days': 'Days kept',
  days: '{days} days',
  'five-years': '5 years',
  collects: 'collects',
  reads: 'reads',
  shares: 'shares',
  'not-used': 'No step uses it yet.',
  'all-steps': 'Show all {count} steps',
  'fewer-steps': 'Show fewer',
  'nothing-declared': 'No personal data declared yet.',
  'variables-heading': 'Variables (not personal data)',
  'edit-refused': 'That change does not fit the flow, so nothing was changed: {reason}',
  'map-region': 'Data map',
  'map-title': 'Data map of “{name}”',
  'map-controller': 'Controller: {controller} ({contact})',
  'map-dpo': 'DPO: {dpo}',
  'map-print': 'Print',
  'map-collected': 'Collected at',
  'map-read': 'Read or sent by',
};

const ptBR: Record<SettingsTextKey, string> = {
  region: 'Configurações do fluxo',
  'controller-heading': 'Quem é responsável pelos dados',
  'controller-name': 'Nome da empresa (controlador)',
  'controller-contact': 'Contato de privacidade',
  'controller-dpo': 'Encarregado de dados (DPO)',
  'privacy-notice-url': 'Endereço do aviso de privacidade',
  'languages-heading': 'Idiomas da conversa',
  'add-language': 'Adicionar um idioma (ex.: es, en)',
  'remove-language': 'Remover {language}',
  'purposes-heading': 'Finalidades: por que você usa os dados',
  'purpose-id': 'Identificador curto',
  'purpose-label': 'O que o cliente lê ({language})',
  'add-purpose': 'Adicionar uma finalidade',
  'recipients-heading': 'Destinatários: quem mais recebe dados',
  'recipient-name': 'Nome',
  'recipient-host': 'Endereço (host) do serviço',
  'recipient-country': 'País (2 letras)',
  'recipient-url': 'Endereço da central de atendimento (as transferências vão para lá)',
  'recipient-kind': 'O que é',
  'recipient-processor': 'Um serviço que o robô chama',
  'recipient-desk': 'Uma central de atendimento',
  'add-recipient': 'Adicionar um destinatário',
  'recipient-erase-method': 'Quando um cliente apagar os dados, pedir que este também apague',
  'recipient-erase-none': 'Não: não é possível pedir',
  'recipient-erase-url': 'Endereço de exclusão',
  'recipient-erase-help':
    'O endereço do serviço dele que apaga um registro, com a referência que ele devolveu quando os dados foram enviados, por exemplo https://api.exemplo.com.br/leads/{{lead_id}}.',
  'recipient-erase-headers': 'Enviado com o pedido de exclusão (cabeçalhos)',
  'recipient-erase-headers-help':
    'A maioria dos serviços quer a chave de acesso aqui: nome Authorization, valor Bearer {{secret.CRM_TOKEN}}. O robô preenche {{secret.CRM_TOKEN}} com a configuração AMANA_SECRET_CRM_TOKEN dele na hora de enviar, então a chave nunca fica guardada no fluxo. Um valor também pode usar a referência que o serviço devolveu, como {{lead_id}}.',
  'recipient-erase-header': 'Cabeçalho {number}',
  'recipient-erase-header-name': 'Nome do cabeçalho',
  'recipient-erase-header-value': 'Valor do cabeçalho',
  'recipient-erase-add-header': 'Adicionar cabeçalho',
  'recipient-erase-remove-header': 'Remover cabeçalho {number}',
  'recipient-erase-header-blank': 'Um cabeçalho precisa de nome, como Authorization.',
  'recipient-erase-header-taken': 'Este pedido já envia um cabeçalho chamado {name}.',
  'keywords-heading': 'Palavras que o cliente pode escrever a qualquer momento',
  'keywords-human': 'Falar com uma pessoa',
  'keywords-erase': 'Apagar meus dados',
  'keywords-stop': 'Parar as mensagens',
  'keywords-help': 'Separe as palavras com vírgulas; cada idioma do fluxo tem as suas.',
  'inventory-heading': 'Inventário de dados',
  'inventory-help':
    'Cada dado pessoal que o robô coleta ou repassa, com a finalidade, a base legal, por quanto tempo é guardado e quem o recebe.',
  'column-key': 'Campo',
  'column-label': 'Nome ({language})',
  'column-category': 'Tipo de dado',
  'column-purposes': 'Finalidades',
  'column-basis': 'Base legal',
  'column-retention': 'Guardado por',
  'column-shared': 'Compartilhado com',
  'column-used': 'Passos',
  'column-remove': 'Remover o campo',
  'new-field-key': 'Novo campo (ex.: telefone)',
  'add-field': 'Declarar um campo',
  remove: 'Remover',
  'choose-category': 'Escolher o tipo de dado',
  'search-categories': 'Buscar tipos de dado',
  'no-category-found': 'Nenhum tipo de dado corresponde a essas palavras.',
  sensitive: 'Sensível',
  'sensitive-help': 'Dado sensível (LGPD art. 5º II, GDPR art. 9): exige o consentimento explícito do cliente.',
  protected: 'Documento ou financeiro',
  'protected-help': 'Documentos de identificação e dados financeiros: nunca os repita na conversa.',
  suggested: 'O texto da pergunta sugere: {category}',
  'use-suggestion': 'Usar',
  'retention-days': 'Guardado por',
  'retention-none': 'Não definido',
  'retention-custom': 'Outro…',
  'retention-custom-days': 'Dias guardado',
  days: '{days} dias',
  'five-years': '5 anos',
  collects: 'coleta',
  reads: 'lê',
  shares: 'compartilha',
  'not-used': 'Nenhum passo o usa ainda.',
  'all-steps': 'Mostrar os {count} passos',
  'fewer-steps': 'Mostrar menos',
  'nothing-declared': 'Nenhum dado pessoal declarado ainda.',
  'variables-heading': 'Variáveis (não são dados pessoais)',
  'edit-refused': 'Essa alteração não se encaixa no fluxo, então nada foi alterado: {reason}',
  'map-region': 'Mapa de dados',
  'map-title': 'Mapa de dados de “{name}”',
  'map-controller': 'Controlador: {controller} ({contact})',
  'map-dpo': 'Encarregado: {dpo}',
  'map-print': 'Imprimir',
  'map-collected': 'Coletado em',
  'map-read': 'Lido ou enviado por',
};

const ar: Record<SettingsTextKey, string> = {
  region: 'إعدادات المسار',
  'controller-heading': 'المسؤول عن البيانات',
  'controller-name': 'اسم المنشأة (المتحكّم)',
  'controller-contact': 'جهة الاتصال للخصوصية',
  'controller-dpo': 'مسؤول حماية البيانات',
  'privacy-notice-url': 'عنوان إشعار الخصوصية',
  'languages-heading': 'لغات المحادثة',
  'add-language': 'أضف لغة (مثل es أو en)',
  'remove-language': 'إزالة {language}',
  'purposes-heading': 'الأغراض: لماذا تستخدم البيانات',
  'purpose-id': 'معرّف قصير',
  'purpose-label': 'ما يقرؤه العميل ({language})',
  'add-purpose': 'أضف غرضًا',
  'recipients-heading': 'الجهات المستلمة: من يتلقى البيانات أيضًا',
  'recipient-name': 'الاسم',
  'recipient-host': 'عنوان الخدمة (المضيف)',
  'recipient-country': 'الدولة (حرفان)',
  'recipient-url': 'عنوان مكتب الموظفين (تُحوَّل المحادثات إليه)',
  'recipient-kind': 'ما هي',
  'recipient-processor': 'خدمة يستدعيها المساعد',
  'recipient-desk': 'مكتب موظفين',
  'add-recipient': 'أضف جهة مستلمة',
  'recipient-erase-method': 'عندما يحذف العميل بياناته، اطلب منها الحذف أيضًا',
  'recipient-erase-none': 'لا: لا يمكن الطلب منها',
  'recipient-erase-url': 'عنوان الحذف',
  'recipient-erase-help':
    'عنوان خدمتها الذي يحذف سجلًا واحدًا، مع المرجع الذي أعادته عند إرسال البيانات، مثل https://api.example.com/leads/{{lead_id}}.',
  'recipient-erase-headers': 'ما يُرسل مع طلب الحذف (الترويسات)',
  'recipient-erase-headers-help':
    'تطلب معظم الخدمات مفتاح الوصول هنا: الاسم Authorization والقيمة Bearer {{secret.CRM_TOKEN}}. يملأ المساعد {{secret.CRM_TOKEN}} من إعداده AMANA_SECRET_CRM_TOKEN لحظة الإرسال، فلا يُحفظ المفتاح في المسار أبدًا. ويمكن أن تستخدم القيمة أيضًا المرجع الذي أعادته الخدمة، مثل {{lead_id}}.',
  'recipient-erase-header': 'الترويسة {number}',
  'recipient-erase-header-name': 'اسم الترويسة',
  'recipient-erase-header-value': 'قيمة الترويسة',
  'recipient-erase-add-header': 'إضافة ترويسة',
  'recipient-erase-remove-header': 'إزالة الترويسة {number}',
  'recipient-erase-header-blank': 'تحتاج الترويسة إلى اسم، مثل Authorization.',
  'recipient-erase-header-taken': 'هذا الطلب يرسل بالفعل ترويسة باسم {name}.',
  'keywords-heading': 'كلمات يمكن للعميل كتابتها في أي وقت',
  'keywords-human': 'التحدث إلى موظف',
  'keywords-erase': 'حذف بياناتي',
  'keywords-stop': 'إيقاف الرسائل',
  'keywords-help': 'افصل الكلمات بفواصل؛ لكل لغة من لغات المسار كلماتها.',
  'inventory-heading': 'سجلّ البيانات',
  'inventory-help': 'كل معلومة شخصية يجمعها المساعد أو يمرّرها، مع الغرض والأساس القانوني ومدة الاحتفاظ ومن يتلقاها.',
  'column-key': 'الحقل',
  'column-label': 'الاسم ({language})',
  'column-category': 'نوع البيانات',
  'column-purposes': 'الأغراض',
  'column-basis': 'الأساس القانوني',
  'column-retention': 'مدة الاحتفاظ',
  'column-shared': 'يُشارك مع',
  'column-used': 'الخطوات',
  'column-remove': 'إزالة الحقل',
  'new-field-key': 'حقل جديد (مثل phone)',
  'add-field': 'صرّح بحقل',
  remove: 'إزالة',
  'choose-category': 'اختر نوع البيانات',
  'search-categories': 'ابحث في أنواع البيانات',
  'no-category-found': 'لا يوجد نوع بيانات يطابق هذه الكلمات.',
  sensitive: 'حساسة',
  'sensitive-help':
    'بيانات حساسة (القانون البرازيلي المادة 5 الفقرة الثانية، اللائحة الأوروبية المادة 9): تحتاج إلى موافقة صريحة من العميل.',
  protected: 'هوية أو بيانات مالية',
  'protected-help': 'وثائق الهوية والبيانات المالية: لا تكرّرها في المحادثة أبدًا.',
  suggested: 'كلمات السؤال توحي بـ: {category}',
  'use-suggestion': 'استخدمه',
  'retention-days': 'مدة الاحتفاظ',
  'retention-none': 'غير محددة',
  'retention-custom': 'مدة أخرى…',
  'retention-custom-days': 'أيام الاحتفاظ',
  days: '{days} يومًا',
  'five-years': '5 سنوات',
  collects: 'تجمع',
  reads: 'تقرأ',
  shares: 'تشارك',
  'not-used': 'لا تستخدمه أي خطوة بعد.',
  'all-steps': 'اعرض الخطوات كلها ({count})',
  'fewer-steps': 'اعرض أقل',
  'nothing-declared': 'لم يُصرَّح بأي بيانات شخصية بعد.',
  'variables-heading': 'المتغيرات (ليست بيانات شخصية)',
  'edit-refused': 'هذا التغيير لا يناسب المسار، فلم يتغيّر شيء: {reason}',
  'map-region': 'خريطة البيانات',
  'map-title': 'خريطة بيانات «{name}»',
  'map-controller': 'المتحكّم: {controller} ({contact})',
  'map-dpo': 'مسؤول حماية البيانات: {dpo}',
  'map-print': 'طباعة',
  'map-collected': 'تُجمع في',
  'map-read': 'تقرؤها أو ترسلها',
};

export const settingsText = translator<SettingsTextKey>({ en, 'pt-BR': ptBR, ar });
export type { SettingsTextKey };

/** Each legal basis in one sentence, with its articles in the LGPD (art. 7, art. 11) and the GDPR (art. 6, art. 9). */
const legalBasisHelp: Catalogue<LegalBasis> = {
  en: {
    consent:
      'The customer agrees, freely and for this purpose, and may withdraw at any time (LGPD art. 7 I and art. 11 I; GDPR art. 6(1)(a) and art. 9(2)(a)).',
    contract:
      'Needed to do what the customer asked for, such as a booking or a delivery (LGPD art. 7 V; GDPR art. 6(1)(b)).',
    legal_obligation: 'A law requires you to process it, such as tax records (LGPD art. 7 II; GDPR art. 6(1)(c)).',
    vital_interests: 'Needed to protect someone’s life or physical safety (LGPD art. 7 VII; GDPR art. 6(1)(d)).',
    public_task:
      'Needed for a task in the public interest or for official authority (LGPD art. 7 III; GDPR art. 6(1)(e)).',
    legitimate_interests:
      'A genuine business interest that the customer would expect and that does not override their rights; never for sensitive data (LGPD art. 7 IX and art. 10; GDPR art. 6(1)(f)).',
  },
  'pt-BR': {
    consent:
      'O cliente concorda, de forma livre e para esta finalidade, e pode revogar a qualquer momento (LGPD art. 7º I e art. 11 I; GDPR art. 6(1)(a) e art. 9(2)(a)).',
    contract:
      'Necessário para fazer o que o cliente pediu, como um agendamento ou uma entrega (LGPD art. 7º V; GDPR art. 6(1)(b)).',
    legal_obligation: 'Uma lei obriga a tratar o dado, como registros fiscais (LGPD art. 7º II; GDPR art. 6(1)(c)).',
    vital_interests:
      'Necessário para proteger a vida ou a integridade física de alguém (LGPD art. 7º VII; GDPR art. 6(1)(d)).',
    public_task:
      'Necessário para uma política pública ou atribuição legal do poder público (LGPD art. 7º III; GDPR art. 6(1)(e)).',
    legitimate_interests:
      'Um interesse legítimo da empresa, que o cliente esperaria e que não se sobrepõe aos direitos dele; nunca para dados sensíveis (LGPD art. 7º IX e art. 10; GDPR art. 6(1)(f)).',
  },
  ar: {
    consent:
      'يوافق العميل بحرية ولهذا الغرض، ويمكنه سحب موافقته في أي وقت (القانون البرازيلي المادة 7 الفقرة 1 والمادة 11؛ اللائحة الأوروبية المادة 6(1)(أ) والمادة 9(2)(أ)).',
    contract:
      'ضروري لتنفيذ ما طلبه العميل، مثل حجز أو توصيل (القانون البرازيلي المادة 7 الفقرة 5؛ اللائحة الأوروبية المادة 6(1)(ب)).',
    legal_obligation:
      'قانونٌ يُلزمك بمعالجتها، مثل السجلات الضريبية (القانون البرازيلي المادة 7 الفقرة 2؛ اللائحة الأوروبية المادة 6(1)(ج)).',
    vital_interests:
      'ضروري لحماية حياة شخص أو سلامته الجسدية (القانون البرازيلي المادة 7 الفقرة 7؛ اللائحة الأوروبية المادة 6(1)(د)).',
    public_task:
      'ضروري لمهمة تخدم المصلحة العامة أو لسلطة رسمية (القانون البرازيلي المادة 7 الفقرة 3؛ اللائحة الأوروبية المادة 6(1)(هـ)).',
    legitimate_interests:
      'مصلحة مشروعة للمنشأة يتوقعها العميل ولا تطغى على حقوقه؛ لا تصلح للبيانات الحساسة أبدًا (القانون البرازيلي المادة 7 الفقرة 9 والمادة 10؛ اللائحة الأوروبية المادة 6(1)(و)).',
  },
};

export const legalBasisExplained = translator(legalBasisHelp);
