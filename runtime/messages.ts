import { closestUiLanguage, translator, type Catalogue, type UiLanguage } from '../flows/i18n/index.ts';

/**
 * What the exported bot says to the person running it (start-up problems, command output) and
 * the few words it says to customers itself. Values of secrets are never part of a message.
 */
const en = {
  'config-problems':
    'The bot cannot start. Fix these settings (environment variables, or the .env file beside server.js):',
  missing: '{name} is not set. {hint}',
  blank: '{name} is empty. {hint}',
  'hint-app-secret': 'It is the app secret in the Meta App Dashboard (App settings → Basic).',
  'hint-verify-token': 'Choose any secret phrase and type the same one in your Meta app’s webhook settings.',
  'hint-access-token': 'Use a System User access token with the whatsapp_business_messaging permission.',
  'hint-phone-number-id': 'It is the Phone number ID in WhatsApp Manager → API setup.',
  'hint-data-key':
    'Create one with: node server.js keygen (and keep a copy somewhere safe: without it the data cannot be read).',
  'data-key-both': 'Set AMANA_DATA_KEY or AMANA_DATA_KEY_FILE, not both.',
  'data-key-not-base64': '{name} is not base64 text. Create a key with: node server.js keygen',
  'data-key-length': '{name} must hold exactly 32 bytes in base64 (44 characters); it holds {bytes} bytes.',
  'data-key-file-unreadable': 'AMANA_DATA_KEY_FILE: cannot read {file} ({reason}).',
  'env-file-open':
    'Warning: {file} holds the bot’s secrets and can be read by other users of this machine. Run: chmod 600 {file}',
  'data-key-file-open':
    'Warning: {file} (AMANA_DATA_KEY_FILE) can be read by other users of this machine. Run: chmod 600 {file}',
  'not-integer': '{name} must be a whole number from {min} to {max}; it is "{value}".',
  'phone-number-id-digits': 'WHATSAPP_PHONE_NUMBER_ID must be digits only: the Phone number ID, not the phone number.',
  'bad-url': 'GRAPH_API_BASE must be an address such as https://graph.facebook.com/v23.0.',
  'bad-database-url':
    'DATABASE_URL must be a PostgreSQL address such as postgres://amana:password@db.example.com:5432/amana (leave it out to use SQLite).',
  'http-not-local':
    'GRAPH_API_BASE may use http:// only for a server on this machine (127.0.0.1 or localhost); use https://.',
  'admin-token-short': 'ADMIN_TOKEN must be at least 24 characters. Create one with: node server.js keygen',
  'has-whitespace': '{name} contains spaces or line breaks; copy it again without them.',
  'bad-offset': 'AMANA_NOW_OFFSET_DAYS must be a number of days.',
  'env-file-lines': '{file}: line(s) {lines} are not NAME=value.',
  'env-file-unreadable': 'Cannot read {file} ({reason}).',
  'unknown-setting': 'Warning: {name} is not a setting the bot knows (a typo?). It is ignored.',
  'wrong-key':
    'AMANA_DATA_KEY is not the key the database {db} was created with. Start with the original key: without it, nothing in the database can be read.',
  'db-unopenable': 'Cannot open the database {db}: {reason}',
  'flow-missing': 'Cannot read {file}. Keep flow.json and manifest.json beside server.js, as Amana exported them.',
  'flow-invalid': 'flow.json is not a valid Amana flow:',
  'flow-changed':
    'flow.json has changed since it was exported: its hash does not match manifest.json. Export the flow again from Amana, which checks it before exporting.',
  'test-clock': 'Warning: AMANA_NOW_OFFSET_DAYS={days} shifts the clock for retention. It exists for tests only.',
  usage:
    'Usage: node server.js <command>\n\nCommands:\n  serve                         answer WhatsApp messages (webhook at /webhook, admin API at /admin/)\n  simulate [--phone <number>]   chat in this terminal, against the same database, without WhatsApp\n  purge                         delete every value past its retention now (serve also does it every hour)\n  erase --phone <number>        erase everything held about one person\n  export-subject --phone <n>    print, as JSON, everything held about one person\n  agent add|list|disable|reset-password   accounts of the agent desk at /desk/ (node server.js agent help)\n  openapi                       print the admin API’s OpenAPI document (also at /admin/openapi.json)\n  keygen                        print a new random key for AMANA_DATA_KEY or ADMIN_TOKEN\n\nSettings come from environment variables or a .env file beside server.js (see .env.example and README.md).',
  'unknown-command': 'Unknown command "{name}".',
  'missing-phone': 'Name the person’s WhatsApp number: node server.js {command} --phone +5511912345678',
  'bad-phone': '"{phone}" is not a phone number.',
  erased:
    'Erased: the person’s key and every value held about them are gone, and the consent ledger records the erasure.',
  'nothing-held': 'Nothing is held about that number.',
  purged:
    'Purged: {fields} expired value(s), {conversations} conversation(s), {handoffs} handoff(s), {persons} person(s) with nothing left, {inboxKeys} old duplicate-check key(s), {statuses} old delivery status(es).',
  listening: 'Amana bot "{flow}" is listening on port {port}: webhook at /webhook, admin API at /admin/.',
  'admin-off': 'ADMIN_TOKEN is not set, so the admin API (handoff queue) is off.',
  'admin-off-handoff':
    'Warning: this flow hands conversations to people, but ADMIN_TOKEN is not set, so nobody can release them.',
  'simulate-intro':
    'Chatting with "{flow}" as {phone}, against the database {db}. Type your messages; a number picks a choice. Ctrl+D ends.',
  'simulate-with-human': '(a person has this conversation now; release it with the admin API)',
  'unsupported-message': 'Sorry, I can only read text, button and list choices, locations, images and documents.',
};

export type RuntimeMessageKey = keyof typeof en;

export const runtimeMessages: Catalogue<RuntimeMessageKey> = {
  en,
  'pt-BR': {
    'config-problems':
      'O bot não pode iniciar. Corrija estas configurações (variáveis de ambiente ou o arquivo .env ao lado do server.js):',
    missing: '{name} não está definida. {hint}',
    blank: '{name} está vazia. {hint}',
    'hint-app-secret': 'É a chave secreta do app no Painel de Apps da Meta (Configurações do app → Básico).',
    'hint-verify-token':
      'Escolha uma frase secreta qualquer e digite a mesma nas configurações de webhook do seu app na Meta.',
    'hint-access-token': 'Use um token de acesso de Usuário do Sistema com a permissão whatsapp_business_messaging.',
    'hint-phone-number-id': 'É a Identificação do número de telefone no WhatsApp Manager → Configuração da API.',
    'hint-data-key':
      'Crie uma com: node server.js keygen (e guarde uma cópia em lugar seguro: sem ela os dados não podem ser lidos).',
    'data-key-both': 'Defina AMANA_DATA_KEY ou AMANA_DATA_KEY_FILE, não as duas.',
    'data-key-not-base64': '{name} não é um texto em base64. Crie uma chave com: node server.js keygen',
    'data-key-length': '{name} deve conter exatamente 32 bytes em base64 (44 caracteres); contém {bytes} bytes.',
    'data-key-file-unreadable': 'AMANA_DATA_KEY_FILE: não foi possível ler {file} ({reason}).',
    'env-file-open':
      'Atenção: {file} guarda os segredos do robô e pode ser lido por outros usuários desta máquina. Rode: chmod 600 {file}',
    'data-key-file-open':
      'Atenção: {file} (AMANA_DATA_KEY_FILE) pode ser lido por outros usuários desta máquina. Rode: chmod 600 {file}',
    'not-integer': '{name} deve ser um número inteiro de {min} a {max}; está "{value}".',
    'phone-number-id-digits':
      'WHATSAPP_PHONE_NUMBER_ID deve ter só dígitos: é a Identificação do número de telefone, não o número em si.',
    'bad-url': 'GRAPH_API_BASE deve ser um endereço como https://graph.facebook.com/v23.0.',
    'bad-database-url':
      'DATABASE_URL deve ser um endereço PostgreSQL como postgres://amana:senha@db.exemplo.com.br:5432/amana (deixe sem para usar SQLite).',
    'http-not-local':
      'GRAPH_API_BASE só pode usar http:// para um servidor nesta máquina (127.0.0.1 ou localhost); use https://.',
    'admin-token-short': 'ADMIN_TOKEN deve ter pelo menos 24 caracteres. Crie um com: node server.js keygen',
    'has-whitespace': '{name} contém espaços ou quebras de linha; copie de novo sem eles.',
    'bad-offset': 'AMANA_NOW_OFFSET_DAYS deve ser um número de dias.',
    'env-file-lines': '{file}: a(s) linha(s) {lines} não estão no formato NOME=valor.',
    'env-file-unreadable': 'Não foi possível ler {file} ({reason}).',
    'unknown-setting': 'Atenção: {name} não é uma configuração que o bot conhece (erro de digitação?). Será ignorada.',
    'wrong-key':
      'AMANA_DATA_KEY não é a chave com que o banco de dados {db} foi criado. Inicie com a chave original: sem ela, nada no banco pode ser lido.',
    'db-unopenable': 'Não foi possível abrir o banco de dados {db}: {reason}',
    'flow-missing':
      'Não foi possível ler {file}. Mantenha flow.json e manifest.json ao lado do server.js, como o Amana os exportou.',
    'flow-invalid': 'flow.json não é um fluxo válido do Amana:',
    'flow-changed':
      'flow.json foi alterado depois da exportação: seu hash não confere com o manifest.json. Exporte o fluxo de novo pelo Amana, que o verifica antes de exportar.',
    'test-clock': 'Atenção: AMANA_NOW_OFFSET_DAYS={days} desloca o relógio da retenção. Existe apenas para testes.',
    usage:
      'Uso: node server.js <comando>\n\nComandos:\n  serve                         responde às mensagens do WhatsApp (webhook em /webhook, API de administração em /admin/)\n  simulate [--phone <número>]   conversa neste terminal, com o mesmo banco de dados, sem o WhatsApp\n  purge                         apaga agora todo valor com retenção vencida (o serve também faz isso a cada hora)\n  erase --phone <número>        apaga tudo o que se guarda sobre uma pessoa\n  export-subject --phone <n>    imprime, em JSON, tudo o que se guarda sobre uma pessoa\n  agent add|list|disable|reset-password   contas da central de atendimento em /desk/ (node server.js agent help)\n  openapi                       imprime o documento OpenAPI da API de administração (também em /admin/openapi.json)\n  keygen                        imprime uma nova chave aleatória para AMANA_DATA_KEY ou ADMIN_TOKEN\n\nAs configurações vêm de variáveis de ambiente ou de um arquivo .env ao lado do server.js (veja .env.example e README.md).',
    'unknown-command': 'Comando desconhecido "{name}".',
    'missing-phone': 'Informe o número de WhatsApp da pessoa: node server.js {command} --phone +5511912345678',
    'bad-phone': '"{phone}" não é um número de telefone.',
    erased:
      'Apagado: a chave da pessoa e todos os valores guardados sobre ela não existem mais, e o registro de consentimentos anota a exclusão.',
    'nothing-held': 'Nada é guardado sobre esse número.',
    purged:
      'Limpeza: {fields} valor(es) vencido(s), {conversations} conversa(s), {handoffs} transferência(s), {persons} pessoa(s) sem mais nada guardado, {inboxKeys} chave(s) antigas de duplicidade, {statuses} status de entrega antigo(s).',
    listening: 'Bot Amana "{flow}" escutando na porta {port}: webhook em /webhook, API de administração em /admin/.',
    'admin-off': 'ADMIN_TOKEN não está definida, então a API de administração (fila de atendimento) está desligada.',
    'admin-off-handoff':
      'Atenção: este fluxo transfere conversas para pessoas, mas ADMIN_TOKEN não está definida, então ninguém poderá devolvê-las ao bot.',
    'simulate-intro':
      'Conversando com "{flow}" como {phone}, no banco de dados {db}. Digite suas mensagens; um número escolhe uma opção. Ctrl+D encerra.',
    'simulate-with-human': '(uma pessoa está com esta conversa agora; devolva-a pela API de administração)',
    'unsupported-message':
      'Desculpe, só consigo ler texto, escolhas de botões e listas, localizações, imagens e documentos.',
  },
  ar: {
    'config-problems': 'لا يمكن تشغيل البوت. صحّح هذه الإعدادات (متغيرات البيئة، أو ملف ‎.env بجوار server.js):',
    missing: 'لم يُضبط {name}. {hint}',
    blank: '{name} فارغ. {hint}',
    'hint-app-secret': 'إنه المفتاح السري للتطبيق في لوحة تطبيقات Meta (إعدادات التطبيق ← أساسي).',
    'hint-verify-token': 'اختر أي عبارة سرية واكتب العبارة نفسها في إعدادات الويب هوك لتطبيقك في Meta.',
    'hint-access-token': 'استخدم رمز وصول لمستخدم النظام يملك الإذن whatsapp_business_messaging.',
    'hint-phone-number-id': 'إنه معرّف رقم الهاتف في WhatsApp Manager ← إعداد واجهة البرمجة.',
    'hint-data-key':
      'أنشئ مفتاحًا بالأمر: node server.js keygen (واحتفظ بنسخة في مكان آمن: بدونه لا يمكن قراءة البيانات).',
    'data-key-both': 'اضبط AMANA_DATA_KEY أو AMANA_DATA_KEY_FILE، لا كليهما.',
    'data-key-not-base64': '{name} ليس نصًا بترميز base64. أنشئ مفتاحًا بالأمر: node server.js keygen',
    'data-key-length': 'يجب أن يحوي {name} ‏32 بايتًا بالضبط بترميز base64 ‏(44 حرفًا)؛ وهو يحوي {bytes} بايت.',
    'data-key-file-unreadable': 'AMANA_DATA_KEY_FILE: تعذرت قراءة {file} ‏({reason}).',
    'env-file-open':
      'تحذير: يحتوي {file} على أسرار المساعد ويستطيع مستخدمون آخرون على هذا الجهاز قراءته. نفّذ: chmod 600 {file}',
    'data-key-file-open':
      'تحذير: يستطيع مستخدمون آخرون على هذا الجهاز قراءة {file} ‏(AMANA_DATA_KEY_FILE). نفّذ: chmod 600 {file}',
    'not-integer': 'يجب أن يكون {name} عددًا صحيحًا من {min} إلى {max}؛ قيمته "{value}".',
    'phone-number-id-digits':
      'يجب أن يتكوّن WHATSAPP_PHONE_NUMBER_ID من أرقام فقط: إنه معرّف رقم الهاتف، لا رقم الهاتف نفسه.',
    'bad-url': 'يجب أن يكون GRAPH_API_BASE عنوانًا مثل https://graph.facebook.com/v23.0.',
    'bad-database-url':
      'يجب أن يكون DATABASE_URL عنوان PostgreSQL مثل postgres://amana:password@db.example.com:5432/amana (اتركه فارغًا لاستخدام SQLite).',
    'http-not-local':
      'لا يجوز أن يستخدم GRAPH_API_BASE البروتوكول http://‎ إلا لخادم على هذا الجهاز (127.0.0.1 أو localhost)؛ استخدم https://‎.',
    'admin-token-short': 'يجب ألا يقل ADMIN_TOKEN عن 24 حرفًا. أنشئه بالأمر: node server.js keygen',
    'has-whitespace': 'يحتوي {name} على مسافات أو فواصل أسطر؛ انسخه مجددًا بدونها.',
    'bad-offset': 'يجب أن يكون AMANA_NOW_OFFSET_DAYS عددًا من الأيام.',
    'env-file-lines': '{file}: السطر أو الأسطر {lines} ليست بالصيغة NAME=value.',
    'env-file-unreadable': 'تعذرت قراءة {file} ‏({reason}).',
    'unknown-setting': 'تحذير: {name} ليس إعدادًا يعرفه البوت (خطأ إملائي؟). سيُتجاهل.',
    'wrong-key':
      'AMANA_DATA_KEY ليس المفتاح الذي أُنشئت به قاعدة البيانات {db}. شغّل البوت بالمفتاح الأصلي: بدونه لا يمكن قراءة أي شيء في قاعدة البيانات.',
    'db-unopenable': 'تعذر فتح قاعدة البيانات {db}: {reason}',
    'flow-missing': 'تعذرت قراءة {file}. أبقِ flow.json وmanifest.json بجوار server.js كما صدّرهما أمانة.',
    'flow-invalid': 'flow.json ليس مسارًا صالحًا من أمانة:',
    'flow-changed':
      'تغيّر flow.json بعد التصدير: بصمته لا تطابق manifest.json. صدّر المسار من جديد من أمانة، فهو يفحصه قبل التصدير.',
    'test-clock': 'تحذير: AMANA_NOW_OFFSET_DAYS={days} يزيح ساعة الاحتفاظ بالبيانات. وُجد للاختبارات فقط.',
    usage:
      'الاستخدام: node server.js <أمر>\n\nالأوامر:\n  serve                         الرد على رسائل واتساب (الويب هوك على ‎/webhook، وواجهة الإدارة على ‎/admin/)\n  simulate [--phone <رقم>]      محادثة في هذه الطرفية، على قاعدة البيانات نفسها، دون واتساب\n  purge                         حذف كل قيمة انتهت مدة الاحتفاظ بها الآن (ويفعل serve ذلك كل ساعة)\n  erase --phone <رقم>           محو كل ما يُحتفظ به عن شخص\n  export-subject --phone <رقم>  طباعة كل ما يُحتفظ به عن شخص بصيغة JSON\n  agent add|list|disable|reset-password   حسابات مكتب الموظفين على ‎/desk/ (node server.js agent help)\n  openapi                       طباعة وثيقة OpenAPI لواجهة الإدارة (وهي أيضًا على ‎/admin/openapi.json)\n  keygen                        طباعة مفتاح عشوائي جديد لـ AMANA_DATA_KEY أو ADMIN_TOKEN\n\nتأتي الإعدادات من متغيرات البيئة أو من ملف ‎.env بجوار server.js (انظر ‎.env.example وREADME.md).',
    'unknown-command': 'أمر غير معروف "{name}".',
    'missing-phone': 'حدّد رقم واتساب الشخص: node server.js {command} --phone +9665xxxxxxxx',
    'bad-phone': '"{phone}" ليس رقم هاتف.',
    erased: 'تم المحو: زال مفتاح الشخص وكل القيم المحفوظة عنه، وسجلّ الموافقات يدوّن عملية المحو.',
    'nothing-held': 'لا يُحتفظ بأي شيء عن هذا الرقم.',
    purged:
      'التنظيف: {fields} قيمة منتهية، {conversations} محادثة، {handoffs} تحويل، {persons} شخص لم يبقَ عنه شيء، {inboxKeys} مفتاح قديم لكشف التكرار، {statuses} حالة تسليم قديمة.',
    listening: 'بوت أمانة "{flow}" يستمع على المنفذ {port}: الويب هوك على ‎/webhook، وواجهة الإدارة على ‎/admin/.',
    'admin-off': 'لم يُضبط ADMIN_TOKEN، لذا فواجهة الإدارة (طابور التحويل) متوقفة.',
    'admin-off-handoff':
      'تحذير: هذا المسار يحوّل المحادثات إلى موظفين، لكن ADMIN_TOKEN غير مضبوط، فلن يستطيع أحد إعادتها إلى البوت.',
    'simulate-intro':
      'محادثة مع "{flow}" بصفتك {phone}، على قاعدة البيانات {db}. اكتب رسائلك؛ الرقم يختار أحد الخيارات. Ctrl+D ينهي.',
    'simulate-with-human': '(موظف يتولى هذه المحادثة الآن؛ أعِدها عبر واجهة الإدارة)',
    'unsupported-message': 'عذرًا، أستطيع قراءة النصوص واختيارات الأزرار والقوائم والمواقع والصور والمستندات فقط.',
  },
};

export const runtimeText = translator(runtimeMessages);

/** The operator's language: AMANA_LANG, else LANG, else English. */
export function operatorLanguage(env: Record<string, string | undefined>): UiLanguage {
  return closestUiLanguage(env['AMANA_LANG'] ?? env['LANG']);
}
