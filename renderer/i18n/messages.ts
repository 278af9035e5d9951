import { translator, type Catalogue } from '../../flows/i18n/index.ts';

export type UiTextKey =
  | 'language-label'
  | 'import'
  | 'export-file'
  | 'download-file'
  | 'flows-heading'
  | 'flows-empty'
  | 'flow-meta'
  | 'unsaved-badge'
  | 'no-flow-open'
  | 'sidebar-label'
  | 'canvas-label'
  | 'history-heading'
  | 'history-aside'
  | 'history-show'
  | 'version-name'
  | 'current-version'
  | 'origin-save'
  | 'origin-import'
  | 'origin-restore'
  | 'origin-recovery'
  | 'viewing-old'
  | 'restore'
  | 'back-to-current'
  | 'import-invalid'
  | 'import-created'
  | 'import-new-version'
  | 'import-unchanged'
  | 'restored'
  | 'file-written'
  | 'tests-beside-imported'
  | 'tests-beside-invalid'
  | 'tests-beside-unreadable'
  | 'tests-beside-written'
  | 'tests-beside-not-written'
  | 'recovery-heading'
  | 'recovery-item'
  | 'recover'
  | 'discard'
  | 'recover-invalid'
  | 'transport-failure'
  | 'access-refused'
  | 'dismiss'
  | 'loading'
  | 'workspace-file'
  | 'problems-heading';

/** Every text of the studio's interface, in each interface language (a missing one does not compile). */
const catalogue: Catalogue<UiTextKey> = {
  en: {
    'language-label': 'Interface language',
    import: 'Import flow…',
    'export-file': 'Export flow file…',
    'download-file': 'Download flow file',
    'flows-heading': 'Flows',
    'flows-empty': 'No flows yet. Import a .flow.json file to start.',
    'flow-meta': 'Version {version} · {nodes} steps · {languages}',
    'unsaved-badge': 'Unsaved changes',
    'no-flow-open': 'Choose a flow in the list to see it here.',
    'sidebar-label': 'Flows and steps',
    'canvas-label': 'Flow “{name}”, read only',
    'history-heading': 'History',
    'history-aside': 'History steps aside while this panel is open.',
    'history-show': 'Close the panel and show History',
    'version-name': 'Version {version}',
    'current-version': 'current',
    'origin-save': 'Saved',
    'origin-import': 'Imported from a file',
    'origin-restore': 'Restored from version {from}',
    'origin-recovery': 'Recovered unsaved work',
    'viewing-old': 'You are looking at version {version}. The current version is {current}.',
    restore: 'Restore this version',
    'back-to-current': 'Back to the current version',
    'import-invalid': '{file} was not imported. Nothing was changed. Problems found: {count}',
    'import-created': '“{name}” was imported.',
    'import-new-version': '“{name}” was imported as version {version}.',
    'import-unchanged': '“{name}” is already the same as its current version.',
    restored: 'Version {from} was restored as version {version}.',
    'file-written': 'Written to {path}.',
    'tests-beside-imported': 'Its tests came with it from {file}.',
    'tests-beside-invalid':
      '{file}, beside it, is not a valid tests file, so the flow was imported without it; the tests it had are unchanged.',
    'tests-beside-unreadable': 'Its tests were not imported: {reason} The tests it had are unchanged.',
    'tests-beside-written': 'Its tests were written beside it, to {path}.',
    'tests-beside-not-written': 'Its tests could not be written beside it: {reason}',
    'recovery-heading': 'Unsaved work was found',
    'recovery-item': '“{name}”, autosaved {time}',
    recover: 'Keep as a new version',
    discard: 'Discard',
    'recover-invalid':
      'The unsaved work on “{name}” is not yet a valid flow, so it was kept as it is. Problems found: {count}',
    'transport-failure':
      'The studio cannot reach its workspace. If you started it with npm run web, check that it is still running.',
    'access-refused':
      'This page was opened without its key. Open the address that npm run web printed (it ends with ?token=…).',
    dismiss: 'Dismiss',
    loading: 'Opening the workspace…',
    'workspace-file': 'Workspace: {file}',
    'problems-heading': 'Problems',
  },
  'pt-BR': {
    'language-label': 'Idioma da interface',
    import: 'Importar fluxo…',
    'export-file': 'Exportar arquivo do fluxo…',
    'download-file': 'Baixar arquivo do fluxo',
    'flows-heading': 'Fluxos',
    'flows-empty': 'Ainda não há fluxos. Importe um arquivo .flow.json para começar.',
    'flow-meta': 'Versão {version} · {nodes} etapas · {languages}',
    'unsaved-badge': 'Alterações não salvas',
    'no-flow-open': 'Escolha um fluxo na lista para vê-lo aqui.',
    'sidebar-label': 'Fluxos e etapas',
    'canvas-label': 'Fluxo “{name}”, somente leitura',
    'history-heading': 'Histórico',
    'history-aside': 'O Histórico fica oculto enquanto este painel está aberto.',
    'history-show': 'Fechar o painel e mostrar o Histórico',
    'version-name': 'Versão {version}',
    'current-version': 'atual',
    'origin-save': 'Salva',
    'origin-import': 'Importada de um arquivo',
    'origin-restore': 'Restaurada da versão {from}',
    'origin-recovery': 'Trabalho não salvo recuperado',
    'viewing-old': 'Você está vendo a versão {version}. A versão atual é a {current}.',
    restore: 'Restaurar esta versão',
    'back-to-current': 'Voltar à versão atual',
    'import-invalid': '{file} não foi importado. Nada foi alterado. Problemas encontrados: {count}',
    'import-created': '“{name}” foi importado.',
    'import-new-version': '“{name}” foi importado como versão {version}.',
    'import-unchanged': '“{name}” já é igual à sua versão atual.',
    restored: 'A versão {from} foi restaurada como versão {version}.',
    'file-written': 'Gravado em {path}.',
    'tests-beside-imported': 'Os testes vieram junto, de {file}.',
    'tests-beside-invalid':
      '{file}, ao lado dele, não é um arquivo de testes válido, então o fluxo foi importado sem ele; os testes que ele tinha não mudaram.',
    'tests-beside-unreadable': 'Os testes não foram importados: {reason} Os testes que ele tinha não mudaram.',
    'tests-beside-written': 'Os testes foram gravados ao lado dele, em {path}.',
    'tests-beside-not-written': 'Não foi possível gravar os testes ao lado dele: {reason}',
    'recovery-heading': 'Foi encontrado trabalho não salvo',
    'recovery-item': '“{name}”, salvo automaticamente em {time}',
    recover: 'Guardar como nova versão',
    discard: 'Descartar',
    'recover-invalid':
      'O trabalho não salvo em “{name}” ainda não é um fluxo válido, por isso foi mantido como está. Problemas encontrados: {count}',
    'transport-failure':
      'O estúdio não consegue acessar o espaço de trabalho. Se você o iniciou com npm run web, verifique se ele ainda está em execução.',
    'access-refused':
      'Esta página foi aberta sem a sua chave. Abra o endereço que o npm run web mostrou (ele termina com ?token=…).',
    dismiss: 'Fechar',
    loading: 'Abrindo o espaço de trabalho…',
    'workspace-file': 'Espaço de trabalho: {file}',
    'problems-heading': 'Problemas',
  },
  ar: {
    'language-label': 'لغة الواجهة',
    import: 'استيراد مسار…',
    'export-file': 'تصدير ملف المسار…',
    'download-file': 'تنزيل ملف المسار',
    'flows-heading': 'المسارات',
    'flows-empty': 'لا توجد مسارات بعد. استورد ملف ‎.flow.json‎ للبدء.',
    'flow-meta': 'الإصدار {version} · الخطوات: {nodes} · {languages}',
    'unsaved-badge': 'تغييرات غير محفوظة',
    'no-flow-open': 'اختر مسارًا من القائمة لعرضه هنا.',
    'sidebar-label': 'المسارات والخطوات',
    'canvas-label': 'المسار «{name}»، للقراءة فقط',
    'history-heading': 'السجل',
    'history-aside': 'يُخفى السجل ما دامت هذه اللوحة مفتوحة.',
    'history-show': 'إغلاق اللوحة وإظهار السجل',
    'version-name': 'الإصدار {version}',
    'current-version': 'الحالي',
    'origin-save': 'محفوظ',
    'origin-import': 'مستورد من ملف',
    'origin-restore': 'مستعاد من الإصدار {from}',
    'origin-recovery': 'عمل غير محفوظ تمت استعادته',
    'viewing-old': 'أنت تعرض الإصدار {version}. الإصدار الحالي هو {current}.',
    restore: 'استعادة هذا الإصدار',
    'back-to-current': 'العودة إلى الإصدار الحالي',
    'import-invalid': 'لم يُستورد {file}. لم يتغير شيء. عدد المشكلات: {count}',
    'import-created': 'تم استيراد «{name}».',
    'import-new-version': 'تم استيراد «{name}» بوصفه الإصدار {version}.',
    'import-unchanged': '«{name}» مطابق بالفعل لإصداره الحالي.',
    restored: 'تمت استعادة الإصدار {from} بوصفه الإصدار {version}.',
    'file-written': 'تمت الكتابة في {path}.',
    'tests-beside-imported': 'جاءت اختباراته معه من {file}.',
    'tests-beside-invalid':
      'الملف {file} المجاور له ليس ملف اختبارات صالحًا، لذا استُورد المسار من دونه؛ ولم تتغير الاختبارات التي كانت لديه.',
    'tests-beside-unreadable': 'لم تُستورد اختباراته: {reason} ولم تتغير الاختبارات التي كانت لديه.',
    'tests-beside-written': 'كُتبت اختباراته بجانبه في {path}.',
    'tests-beside-not-written': 'تعذّرت كتابة اختباراته بجانبه: {reason}',
    'recovery-heading': 'عُثر على عمل غير محفوظ',
    'recovery-item': '«{name}»، حُفظ تلقائيًا في {time}',
    recover: 'الاحتفاظ به كإصدار جديد',
    discard: 'تجاهل',
    'recover-invalid': 'العمل غير المحفوظ على «{name}» ليس مسارًا صالحًا بعد، لذا احتُفظ به كما هو. عدد المشكلات: {count}',
    'transport-failure':
      'لا يستطيع الاستوديو الوصول إلى مساحة العمل. إن شغّلته بـ npm run web فتحقق من أنه ما زال يعمل.',
    'access-refused': 'فُتحت هذه الصفحة دون مفتاحها. افتح العنوان الذي طبعه npm run web (ينتهي بـ ‎?token=…‎).',
    dismiss: 'إغلاق',
    loading: 'جارٍ فتح مساحة العمل…',
    'workspace-file': 'مساحة العمل: {file}',
    'problems-heading': 'المشكلات',
  },
};

export const uiText = translator(catalogue);
