import { translator, type Catalogue } from '../flows/i18n/index.ts';

type StudioMessageKey =
  | 'flow-not-found'
  | 'tests-not-found'
  | 'version-not-found'
  | 'draft-not-found'
  | 'draft-too-large'
  | 'draft-not-json'
  | 'stored-flow-unreadable'
  | 'invalid-argument'
  | 'unknown-method'
  | 'dialogs-unsupported'
  | 'not-a-recent-file'
  | 'file-unreadable'
  | 'file-too-large'
  | 'tests-file-too-large'
  | 'file-not-written'
  | 'internal'
  | 'workspace-newer'
  | 'workspace-unopenable';

/** What the studio's services tell the designer, in every interface language. */
const catalogue: Catalogue<StudioMessageKey> = {
  en: {
    'flow-not-found': 'There is no flow “{flowId}” in this workspace.',
    'tests-not-found': 'The flow “{flowId}” has no saved tests yet.',
    'version-not-found': 'Flow “{flowId}” has no version {version}.',
    'draft-not-found': 'There are no unsaved changes to “{flowId}”.',
    'draft-too-large': 'These unsaved changes are too large to keep ({size} MB; at most {max} MB).',
    'draft-not-json': 'These unsaved changes cannot be kept: they are not a flow document.',
    'stored-flow-unreadable':
      'Version {version} of “{flowId}” in the workspace cannot be read: {detail}. The other versions are intact.',
    'invalid-argument': 'The studio sent a request the workspace does not understand ({method}).',
    'unknown-method': 'The workspace has no operation called “{method}”.',
    'dialogs-unsupported': 'The browser edition cannot show your system’s file dialogs; use upload and download.',
    'not-a-recent-file': 'That file is not in the list of recent files.',
    'file-unreadable': 'Could not read {file}: {reason}.',
    'file-too-large': '{file} is too large to be a flow ({size} MB; at most {max} MB).',
    'tests-file-too-large': '{file} is too large to be a tests file ({size} MB; at most {max} MB).',
    'file-not-written': 'Could not write {file}: {reason}. Nothing was changed.',
    internal: 'Something went wrong in the workspace. Your saved work is intact; please try again.',
    'workspace-newer':
      'The workspace {file} was written by a newer version of Amana (schema {found}; this version reads up to {supported}). Update Amana to open it.',
    'workspace-unopenable': 'The workspace {file} could not be opened: {reason}.',
  },
  'pt-BR': {
    'flow-not-found': 'Não há nenhum fluxo “{flowId}” neste espaço de trabalho.',
    'tests-not-found': 'O fluxo “{flowId}” ainda não tem testes salvos.',
    'version-not-found': 'O fluxo “{flowId}” não tem a versão {version}.',
    'draft-not-found': 'Não há alterações não salvas em “{flowId}”.',
    'draft-too-large': 'Estas alterações não salvas são grandes demais para guardar ({size} MB; no máximo {max} MB).',
    'draft-not-json': 'Estas alterações não salvas não podem ser guardadas: não são um documento de fluxo.',
    'stored-flow-unreadable':
      'A versão {version} de “{flowId}” no espaço de trabalho não pode ser lida: {detail}. As outras versões estão intactas.',
    'invalid-argument': 'O estúdio enviou um pedido que o espaço de trabalho não entende ({method}).',
    'unknown-method': 'O espaço de trabalho não tem nenhuma operação chamada “{method}”.',
    'dialogs-unsupported':
      'A edição para navegador não pode mostrar as janelas de arquivos do sistema; use enviar e baixar.',
    'not-a-recent-file': 'Esse arquivo não está na lista de arquivos recentes.',
    'file-unreadable': 'Não foi possível ler {file}: {reason}.',
    'file-too-large': '{file} é grande demais para ser um fluxo ({size} MB; no máximo {max} MB).',
    'tests-file-too-large': '{file} é grande demais para ser um arquivo de testes ({size} MB; no máximo {max} MB).',
    'file-not-written': 'Não foi possível gravar {file}: {reason}. Nada foi alterado.',
    internal: 'Algo deu errado no espaço de trabalho. O que você salvou está intacto; tente novamente.',
    'workspace-newer':
      'O espaço de trabalho {file} foi gravado por uma versão mais nova do Amana (esquema {found}; esta versão lê até o {supported}). Atualize o Amana para abri-lo.',
    'workspace-unopenable': 'Não foi possível abrir o espaço de trabalho {file}: {reason}.',
  },
  ar: {
    'flow-not-found': 'لا يوجد مسار باسم «{flowId}» في مساحة العمل هذه.',
    'tests-not-found': 'لا توجد اختبارات محفوظة للمسار «{flowId}» بعد.',
    'version-not-found': 'المسار «{flowId}» ليس له إصدار رقم {version}.',
    'draft-not-found': 'لا توجد تغييرات غير محفوظة في «{flowId}».',
    'draft-too-large': 'هذه التغييرات غير المحفوظة أكبر من أن تُحفظ ({size} ميغابايت؛ الحد الأقصى {max} ميغابايت).',
    'draft-not-json': 'لا يمكن الاحتفاظ بهذه التغييرات غير المحفوظة: فهي ليست مستند مسار.',
    'stored-flow-unreadable':
      'تعذّرت قراءة الإصدار {version} من «{flowId}» في مساحة العمل: {detail}. الإصدارات الأخرى سليمة.',
    'invalid-argument': 'أرسل الاستوديو طلبًا لا تفهمه مساحة العمل ({method}).',
    'unknown-method': 'لا توجد في مساحة العمل عملية باسم «{method}».',
    'dialogs-unsupported': 'لا يمكن لإصدار المتصفح عرض نوافذ الملفات الخاصة بنظامك؛ استخدم الرفع والتنزيل.',
    'not-a-recent-file': 'هذا الملف ليس في قائمة الملفات الأخيرة.',
    'file-unreadable': 'تعذّرت قراءة {file}: {reason}.',
    'file-too-large': '{file} أكبر من أن يكون مسارًا ({size} ميغابايت؛ الحد الأقصى {max} ميغابايت).',
    'tests-file-too-large': '{file} أكبر من أن يكون ملف اختبارات ({size} ميغابايت؛ الحد الأقصى {max} ميغابايت).',
    'file-not-written': 'تعذّرت كتابة {file}: {reason}. لم يتغير شيء.',
    internal: 'حدث خطأ ما في مساحة العمل. عملك المحفوظ سليم؛ يُرجى المحاولة مرة أخرى.',
    'workspace-newer':
      'كُتبت مساحة العمل {file} بإصدار أحدث من أمانة (المخطط {found}؛ هذا الإصدار يقرأ حتى {supported}). حدّث أمانة لفتحها.',
    'workspace-unopenable': 'تعذّر فتح مساحة العمل {file}: {reason}.',
  },
};

export const studioText = translator(catalogue);
export type { StudioMessageKey };
