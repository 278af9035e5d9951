import { useCallback } from 'react';
import { translator, type Catalogue, type Params } from '../../flows/i18n/index.ts';
import { useLanguageStore } from '../stores/language-store.ts';

/** The editor's own words (toolbar, palette, inspector, find, dialogs), kept apart from the studio's catalogue. */
type EditorTextKey =
  | 'new-flow'
  | 'import-flow'
  | 'save'
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'delete'
  | 'select-all'
  | 'find'
  | 'auto-layout'
  | 'zoom-to-fit'
  | 'command-palette'
  | 'cheat-sheet'
  | 'toolbar'
  | 'steps'
  | 'group-conversation'
  | 'group-logic'
  | 'group-privacy'
  | 'palette-hint'
  | 'inspector'
  | 'inspector-empty'
  | 'inspector-many'
  | 'step-id'
  | 'note'
  | 'note-help'
  | 'add-option'
  | 'remove'
  | 'option-id'
  | 'option-label'
  | 'add-section'
  | 'add-row'
  | 'section-title'
  | 'row-title'
  | 'row-description'
  | 'add-rule'
  | 'rule-outcome'
  | 'rule-var'
  | 'rule-op'
  | 'rule-value'
  | 'op-eq'
  | 'op-neq'
  | 'op-contains'
  | 'op-gt'
  | 'op-lt'
  | 'op-exists'
  | 'add-header'
  | 'header-name'
  | 'header-value'
  | 'header-blank'
  | 'header-taken'
  | 'refused-kept'
  | 'add-mapping'
  | 'mapping-from'
  | 'mapping-to'
  | 'mock-status'
  | 'mock-body'
  | 'mock-json-invalid'
  | 'none'
  | 'choose'
  | 'declare-new'
  | 'declare-new-key'
  | 'declare-personal'
  | 'declare-variable'
  | 'declare'
  | 'cancel'
  | 'counter'
  | 'too-long'
  | 'reads-as'
  | 'language-text'
  | 'dirty'
  | 'saved-version'
  | 'save-invalid'
  | 'nothing-to-save'
  | 'flow-language'
  | 'flow-languages'
  | 'add-language'
  | 'remove-language'
  | 'language-code'
  | 'find-label'
  | 'find-count'
  | 'find-none'
  | 'find-next'
  | 'find-previous'
  | 'close'
  | 'palette-label'
  | 'palette-placeholder'
  | 'palette-empty'
  | 'cheat-sheet-heading'
  | 'new-flow-heading'
  | 'blank-flow'
  | 'blank-flow-help'
  | 'templates'
  | 'template-languages'
  | 'flow-name'
  | 'create'
  | 'new-flow-name'
  | 'paste-invalid'
  | 'clipboard-denied'
  | 'context-menu'
  | 'unsaved-leave'
  | 'minimap'
  | 'overview-map-show'
  | 'overview-map-hide'
  | 'overview-map-toggle'
  | 'edge-label-plain'
  | 'edge-label'
  | 'canvas-editing'
  | 'ways-out'
  | 'not-connected'
  | 'flow-settings-languages';

const catalogue: Catalogue<EditorTextKey> = {
  en: {
    'new-flow': 'New flow',
    'import-flow': 'Import flow…',
    save: 'Save',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    duplicate: 'Duplicate',
    delete: 'Delete',
    'select-all': 'Select all',
    find: 'Find',
    'auto-layout': 'Auto-layout',
    'zoom-to-fit': 'Zoom to fit',
    'command-palette': 'Command palette',
    'cheat-sheet': 'Keyboard shortcuts',
    toolbar: 'Editor',
    steps: 'Steps',
    'group-conversation': 'Conversation',
    'group-logic': 'Logic',
    'group-privacy': 'Privacy',
    'palette-hint': 'Drag a step onto the canvas, or press Enter to add it in the middle.',
    inspector: 'Inspector',
    'inspector-empty': 'Select a step to edit it.',
    'inspector-many': '{count} steps selected.',
    'step-id': 'Step id',
    note: 'Note for designers',
    'note-help': 'Only your team sees this; customers never do.',
    'add-option': 'Add a button',
    remove: 'Remove',
    'option-id': 'Id',
    'option-label': 'Label',
    'add-section': 'Add a section',
    'add-row': 'Add a choice',
    'section-title': 'Section title',
    'row-title': 'Choice',
    'row-description': 'Description',
    'add-rule': 'Add a rule',
    'rule-outcome': 'Way out',
    'rule-var': 'Saved value',
    'rule-op': 'Test',
    'rule-value': 'Compared with',
    'op-eq': 'is',
    'op-neq': 'is not',
    'op-contains': 'contains',
    'op-gt': 'is more than',
    'op-lt': 'is less than',
    'op-exists': 'has a value',
    'add-header': 'Add a header',
    'header-name': 'Name',
    'header-value': 'Value',
    'header-blank': 'A header needs a name, such as Authorization. Nothing was changed.',
    'header-taken': 'This step already sends a header named {name}. Choose another name; both headers are kept.',
    'refused-kept': 'Not saved: what you typed stays here for you to correct. Escape puts the saved value back.',
    'add-mapping': 'Keep another value',
    'mapping-from': 'From (JSON path)',
    'mapping-to': 'Save as',
    'mock-status': 'Status',
    'mock-body': 'Body (JSON)',
    'mock-json-invalid': 'This is not valid JSON: {detail}',
    none: '(none)',
    choose: 'Choose…',
    'declare-new': 'Declare a new one…',
    'declare-new-key': 'Name of the new value',
    'declare-personal': 'Personal data (declared with purpose and retention in flow settings)',
    'declare-variable': 'Plain variable (not personal)',
    declare: 'Declare',
    cancel: 'Cancel',
    counter: '{count} / {max}',
    'too-long': 'Too long for WhatsApp: {count} of {max} characters.',
    'reads-as': 'Reads as:',
    'language-text': '{field} ({language})',
    dirty: 'Unsaved changes',
    'saved-version': 'Saved as version {version}.',
    'save-invalid': 'The flow was not saved: {count} problem(s) to fix first.',
    'nothing-to-save': 'Nothing changed since version {version}.',
    'flow-language': 'Language on the cards',
    'flow-languages': 'Flow languages',
    'add-language': 'Add language',
    'remove-language': 'Remove {language}',
    'language-code': 'Language code (such as es or fr-CA)',
    'find-label': 'Find steps',
    'find-count': '{current} of {count}',
    'find-none': 'No step matches.',
    'find-next': 'Next match',
    'find-previous': 'Previous match',
    close: 'Close',
    'palette-label': 'Command',
    'palette-placeholder': 'Type a command…',
    'palette-empty': 'No command matches.',
    'cheat-sheet-heading': 'Keyboard shortcuts',
    'new-flow-heading': 'New flow',
    'blank-flow': 'Blank flow',
    'blank-flow-help': 'A Start and a bot disclosure, ready for your first question.',
    templates: 'Templates',
    'template-languages': 'Languages: {languages}',
    'flow-name': 'Name',
    create: 'Create',
    'new-flow-name': 'My new flow',
    'paste-invalid': 'The clipboard does not hold Amana steps.',
    'clipboard-denied': 'The browser did not allow reading the clipboard. Press Ctrl+V (⌘V) instead.',
    'context-menu': 'Actions',
    'unsaved-leave': 'The open flow has unsaved changes; they are kept as a draft.',
    minimap: 'Overview map',
    'overview-map-show': 'Show the overview map',
    'overview-map-hide': 'Hide the overview map',
    'overview-map-toggle': 'Show or hide the overview map',
    'edge-label-plain': 'Connection from {from} to {to}',
    'edge-label': 'Connection from {from} ({outcome}) to {to}',
    'canvas-editing': 'Flow “{name}”',
    'ways-out': 'Ways out',
    'not-connected': '(not connected)',
    'flow-settings-languages': 'Languages of this flow',
  },
  'pt-BR': {
    'new-flow': 'Novo fluxo',
    'import-flow': 'Importar fluxo…',
    save: 'Salvar',
    undo: 'Desfazer',
    redo: 'Refazer',
    cut: 'Recortar',
    copy: 'Copiar',
    paste: 'Colar',
    duplicate: 'Duplicar',
    delete: 'Excluir',
    'select-all': 'Selecionar tudo',
    find: 'Localizar',
    'auto-layout': 'Organizar automaticamente',
    'zoom-to-fit': 'Ajustar à tela',
    'command-palette': 'Paleta de comandos',
    'cheat-sheet': 'Atalhos de teclado',
    toolbar: 'Editor',
    steps: 'Etapas',
    'group-conversation': 'Conversa',
    'group-logic': 'Lógica',
    'group-privacy': 'Privacidade',
    'palette-hint': 'Arraste uma etapa para a tela, ou tecle Enter para adicioná-la no meio.',
    inspector: 'Inspetor',
    'inspector-empty': 'Selecione uma etapa para editá-la.',
    'inspector-many': '{count} etapas selecionadas.',
    'step-id': 'Id da etapa',
    note: 'Nota para a equipe',
    'note-help': 'Só a sua equipe vê isto; os clientes nunca.',
    'add-option': 'Adicionar botão',
    remove: 'Remover',
    'option-id': 'Id',
    'option-label': 'Rótulo',
    'add-section': 'Adicionar seção',
    'add-row': 'Adicionar opção',
    'section-title': 'Título da seção',
    'row-title': 'Opção',
    'row-description': 'Descrição',
    'add-rule': 'Adicionar regra',
    'rule-outcome': 'Saída',
    'rule-var': 'Valor guardado',
    'rule-op': 'Teste',
    'rule-value': 'Comparado com',
    'op-eq': 'é',
    'op-neq': 'não é',
    'op-contains': 'contém',
    'op-gt': 'é maior que',
    'op-lt': 'é menor que',
    'op-exists': 'tem valor',
    'add-header': 'Adicionar cabeçalho',
    'header-name': 'Nome',
    'header-value': 'Valor',
    'header-blank': 'Um cabeçalho precisa de nome, como Authorization. Nada foi alterado.',
    'header-taken':
      'Esta etapa já envia um cabeçalho chamado {name}. Escolha outro nome; os dois cabeçalhos foram mantidos.',
    'refused-kept':
      'Não foi salvo: o que você digitou fica aqui para você corrigir. Escape traz de volta o valor salvo.',
    'add-mapping': 'Guardar outro valor',
    'mapping-from': 'De (caminho JSON)',
    'mapping-to': 'Guardar como',
    'mock-status': 'Status',
    'mock-body': 'Corpo (JSON)',
    'mock-json-invalid': 'Isto não é um JSON válido: {detail}',
    none: '(nenhum)',
    choose: 'Escolha…',
    'declare-new': 'Declarar um novo…',
    'declare-new-key': 'Nome do novo valor',
    'declare-personal': 'Dado pessoal (declarado com finalidade e retenção nas configurações do fluxo)',
    'declare-variable': 'Variável simples (não pessoal)',
    declare: 'Declarar',
    cancel: 'Cancelar',
    counter: '{count} / {max}',
    'too-long': 'Longo demais para o WhatsApp: {count} de {max} caracteres.',
    'reads-as': 'Fica assim:',
    'language-text': '{field} ({language})',
    dirty: 'Alterações não salvas',
    'saved-version': 'Salvo como versão {version}.',
    'save-invalid': 'O fluxo não foi salvo: {count} problema(s) a corrigir antes.',
    'nothing-to-save': 'Nada mudou desde a versão {version}.',
    'flow-language': 'Idioma nos cartões',
    'flow-languages': 'Idiomas do fluxo',
    'add-language': 'Adicionar idioma',
    'remove-language': 'Remover {language}',
    'language-code': 'Código do idioma (como es ou fr-CA)',
    'find-label': 'Localizar etapas',
    'find-count': '{current} de {count}',
    'find-none': 'Nenhuma etapa corresponde.',
    'find-next': 'Próxima',
    'find-previous': 'Anterior',
    close: 'Fechar',
    'palette-label': 'Comando',
    'palette-placeholder': 'Digite um comando…',
    'palette-empty': 'Nenhum comando corresponde.',
    'cheat-sheet-heading': 'Atalhos de teclado',
    'new-flow-heading': 'Novo fluxo',
    'blank-flow': 'Fluxo em branco',
    'blank-flow-help': 'Um Início e um aviso de robô, prontos para a sua primeira pergunta.',
    templates: 'Modelos',
    'template-languages': 'Idiomas: {languages}',
    'flow-name': 'Nome',
    create: 'Criar',
    'new-flow-name': 'Meu novo fluxo',
    'paste-invalid': 'A área de transferência não contém etapas do Amana.',
    'clipboard-denied': 'O navegador não permitiu ler a área de transferência. Tecle Ctrl+V (⌘V).',
    'context-menu': 'Ações',
    'unsaved-leave': 'O fluxo aberto tem alterações não salvas; elas ficam guardadas como rascunho.',
    minimap: 'Mapa geral',
    'overview-map-show': 'Mostrar o mapa geral',
    'overview-map-hide': 'Ocultar o mapa geral',
    'overview-map-toggle': 'Mostrar ou ocultar o mapa geral',
    'edge-label-plain': 'Ligação de {from} para {to}',
    'edge-label': 'Ligação de {from} ({outcome}) para {to}',
    'canvas-editing': 'Fluxo “{name}”',
    'ways-out': 'Saídas',
    'not-connected': '(sem ligação)',
    'flow-settings-languages': 'Idiomas deste fluxo',
  },
  ar: {
    'new-flow': 'مسار جديد',
    'import-flow': 'استيراد مسار…',
    save: 'حفظ',
    undo: 'تراجع',
    redo: 'إعادة',
    cut: 'قص',
    copy: 'نسخ',
    paste: 'لصق',
    duplicate: 'تكرار',
    delete: 'حذف',
    'select-all': 'تحديد الكل',
    find: 'بحث',
    'auto-layout': 'ترتيب تلقائي',
    'zoom-to-fit': 'ملاءمة العرض',
    'command-palette': 'لوحة الأوامر',
    'cheat-sheet': 'اختصارات لوحة المفاتيح',
    toolbar: 'المحرر',
    steps: 'الخطوات',
    'group-conversation': 'المحادثة',
    'group-logic': 'المنطق',
    'group-privacy': 'الخصوصية',
    'palette-hint': 'اسحب خطوة إلى اللوحة، أو اضغط Enter لإضافتها في المنتصف.',
    inspector: 'المراجِع',
    'inspector-empty': 'اختر خطوة لتعديلها.',
    'inspector-many': 'تم تحديد {count} خطوات.',
    'step-id': 'معرّف الخطوة',
    note: 'ملاحظة للفريق',
    'note-help': 'يراها فريقك فقط ولا يراها العملاء أبدًا.',
    'add-option': 'إضافة زر',
    remove: 'إزالة',
    'option-id': 'المعرّف',
    'option-label': 'التسمية',
    'add-section': 'إضافة قسم',
    'add-row': 'إضافة خيار',
    'section-title': 'عنوان القسم',
    'row-title': 'الخيار',
    'row-description': 'الوصف',
    'add-rule': 'إضافة قاعدة',
    'rule-outcome': 'المخرج',
    'rule-var': 'القيمة المحفوظة',
    'rule-op': 'الاختبار',
    'rule-value': 'مقارنة مع',
    'op-eq': 'يساوي',
    'op-neq': 'لا يساوي',
    'op-contains': 'يحتوي على',
    'op-gt': 'أكبر من',
    'op-lt': 'أصغر من',
    'op-exists': 'له قيمة',
    'add-header': 'إضافة ترويسة',
    'header-name': 'الاسم',
    'header-value': 'القيمة',
    'header-blank': 'تحتاج الترويسة إلى اسم، مثل Authorization. لم يتغير شيء.',
    'header-taken': 'هذه الخطوة ترسل بالفعل ترويسة باسم {name}. اختر اسمًا آخر؛ بقيت الترويستان كما هما.',
    'refused-kept': 'لم يُحفظ: ما كتبته باقٍ هنا لتصحّحه. يعيد مفتاح Escape القيمة المحفوظة.',
    'add-mapping': 'احفظ قيمة أخرى',
    'mapping-from': 'من (مسار JSON)',
    'mapping-to': 'احفظ باسم',
    'mock-status': 'الحالة',
    'mock-body': 'المحتوى (JSON)',
    'mock-json-invalid': 'هذا ليس JSON صالحًا: {detail}',
    none: '(لا شيء)',
    choose: 'اختر…',
    'declare-new': 'إعلان قيمة جديدة…',
    'declare-new-key': 'اسم القيمة الجديدة',
    'declare-personal': 'بيانات شخصية (تُعلن مع الغرض ومدة الحفظ في إعدادات المسار)',
    'declare-variable': 'متغير عادي (ليس بيانات شخصية)',
    declare: 'إعلان',
    cancel: 'إلغاء',
    counter: '{count} / {max}',
    'too-long': 'أطول مما يسمح به واتساب: {count} من {max} حرفًا.',
    'reads-as': 'تُقرأ هكذا:',
    'language-text': '{field} ({language})',
    dirty: 'تغييرات غير محفوظة',
    'saved-version': 'حُفظ كإصدار {version}.',
    'save-invalid': 'لم يُحفظ المسار: يجب إصلاح {count} مشكلة أولًا.',
    'nothing-to-save': 'لم يتغير شيء منذ الإصدار {version}.',
    'flow-language': 'لغة البطاقات',
    'flow-languages': 'لغات المسار',
    'add-language': 'إضافة لغة',
    'remove-language': 'إزالة {language}',
    'language-code': 'رمز اللغة (مثل es أو fr-CA)',
    'find-label': 'البحث في الخطوات',
    'find-count': '{current} من {count}',
    'find-none': 'لا توجد خطوة مطابقة.',
    'find-next': 'النتيجة التالية',
    'find-previous': 'النتيجة السابقة',
    close: 'إغلاق',
    'palette-label': 'أمر',
    'palette-placeholder': 'اكتب أمرًا…',
    'palette-empty': 'لا يوجد أمر مطابق.',
    'cheat-sheet-heading': 'اختصارات لوحة المفاتيح',
    'new-flow-heading': 'مسار جديد',
    'blank-flow': 'مسار فارغ',
    'blank-flow-help': 'بداية وتنبيه بأن المتحدث آلي، جاهزان لسؤالك الأول.',
    templates: 'القوالب',
    'template-languages': 'اللغات: {languages}',
    'flow-name': 'الاسم',
    create: 'إنشاء',
    'new-flow-name': 'مساري الجديد',
    'paste-invalid': 'الحافظة لا تحتوي على خطوات من أمانة.',
    'clipboard-denied': 'لم يسمح المتصفح بقراءة الحافظة. اضغط Ctrl+V ‏(⌘V) بدلًا من ذلك.',
    'context-menu': 'الإجراءات',
    'unsaved-leave': 'في المسار المفتوح تغييرات غير محفوظة؛ وهي محفوظة كمسودة.',
    minimap: 'خريطة عامة',
    'overview-map-show': 'إظهار الخريطة العامة',
    'overview-map-hide': 'إخفاء الخريطة العامة',
    'overview-map-toggle': 'إظهار الخريطة العامة أو إخفاؤها',
    'edge-label-plain': 'اتصال من {from} إلى {to}',
    'edge-label': 'اتصال من {from} ({outcome}) إلى {to}',
    'canvas-editing': 'المسار «{name}»',
    'ways-out': 'المخارج',
    'not-connected': '(غير متصل)',
    'flow-settings-languages': 'لغات هذا المسار',
  },
};

export type { EditorTextKey };
export const editorText = translator(catalogue);
/** The catalogue's entries in every language, for actions that need all three (the registry's labels). */
export function editorWords(key: EditorTextKey): Record<'en' | 'pt-BR' | 'ar', string> {
  return { en: catalogue.en[key], 'pt-BR': catalogue['pt-BR'][key], ar: catalogue.ar[key] };
}

/** The editor's words in the current interface language; components re-render when it changes. */
export function useEditorText(): (key: EditorTextKey, params?: Params) => string {
  const language = useLanguageStore((state) => state.language);
  return useCallback((key, params) => editorText(language, key, params), [language]);
}
