import { translator, type Catalogue } from '../flows/i18n/index.ts';

type ShellTextKey =
  | 'menu-file'
  | 'menu-import'
  | 'menu-open-recent'
  | 'menu-no-recent'
  | 'menu-export'
  | 'menu-export-bot'
  | 'menu-quit'
  | 'menu-edit'
  | 'menu-undo'
  | 'menu-redo'
  | 'menu-cut'
  | 'menu-copy'
  | 'menu-paste'
  | 'menu-select-all'
  | 'menu-view'
  | 'menu-history'
  | 'menu-language'
  | 'menu-zoom-in'
  | 'menu-zoom-out'
  | 'menu-actual-size'
  | 'menu-full-screen'
  | 'menu-reload'
  | 'menu-developer-tools'
  | 'menu-help'
  | 'menu-show-workspace'
  | 'menu-about'
  | 'menu-new-flow'
  | 'menu-save'
  | 'menu-find'
  | 'menu-auto-layout'
  | 'menu-command-palette'
  | 'menu-shortcuts'
  | 'about-detail'
  | 'dialog-open-title'
  | 'dialog-save-title'
  | 'dialog-folder-title'
  | 'dialog-filter-flows'
  | 'ipc-refused'
  | 'startup-failed';

/** The desktop shell's own words: menus, dialogs, refusals. */
const catalogue: Catalogue<ShellTextKey> = {
  en: {
    'menu-file': '&File',
    'menu-import': 'Import Flow…',
    'menu-open-recent': 'Open Recent',
    'menu-no-recent': 'No recent files',
    'menu-export': 'Export Flow File…',
    'menu-export-bot': 'Export…',
    'menu-quit': 'Quit Amana',
    'menu-edit': '&Edit',
    'menu-undo': 'Undo',
    'menu-redo': 'Redo',
    'menu-cut': 'Cut',
    'menu-copy': 'Copy',
    'menu-paste': 'Paste',
    'menu-select-all': 'Select All',
    'menu-view': '&View',
    'menu-history': 'Version History',
    'menu-language': 'Interface Language',
    'menu-zoom-in': 'Zoom In',
    'menu-zoom-out': 'Zoom Out',
    'menu-actual-size': 'Actual Size',
    'menu-full-screen': 'Toggle Full Screen',
    'menu-reload': 'Reload',
    'menu-developer-tools': 'Developer Tools',
    'menu-help': '&Help',
    'menu-show-workspace': 'Show Workspace File',
    'menu-about': 'About Amana',
    'menu-new-flow': 'New Flow…',
    'menu-save': 'Save',
    'menu-find': 'Find…',
    'menu-auto-layout': 'Auto-layout',
    'menu-command-palette': 'Command Palette…',
    'menu-shortcuts': 'Keyboard Shortcuts',
    'about-detail':
      'Version {version}\nDesign WhatsApp conversation flows, prove they respect privacy, and export the bot.',
    'dialog-open-title': 'Import a flow file',
    'dialog-save-title': 'Export the flow file',
    'dialog-folder-title': 'Choose a folder',
    'dialog-filter-flows': 'Amana flows',
    'ipc-refused': 'This request did not come from the studio’s own page and was refused.',
    'startup-failed': 'Amana could not start',
  },
  'pt-BR': {
    'menu-file': '&Arquivo',
    'menu-import': 'Importar fluxo…',
    'menu-open-recent': 'Abrir recente',
    'menu-no-recent': 'Nenhum arquivo recente',
    'menu-export': 'Exportar arquivo do fluxo…',
    'menu-export-bot': 'Exportar…',
    'menu-quit': 'Sair do Amana',
    'menu-edit': '&Editar',
    'menu-undo': 'Desfazer',
    'menu-redo': 'Refazer',
    'menu-cut': 'Recortar',
    'menu-copy': 'Copiar',
    'menu-paste': 'Colar',
    'menu-select-all': 'Selecionar tudo',
    'menu-view': 'E&xibir',
    'menu-history': 'Histórico de versões',
    'menu-language': 'Idioma da interface',
    'menu-zoom-in': 'Aumentar zoom',
    'menu-zoom-out': 'Diminuir zoom',
    'menu-actual-size': 'Tamanho real',
    'menu-full-screen': 'Alternar tela cheia',
    'menu-reload': 'Recarregar',
    'menu-developer-tools': 'Ferramentas do desenvolvedor',
    'menu-help': 'Aj&uda',
    'menu-show-workspace': 'Mostrar arquivo do espaço de trabalho',
    'menu-about': 'Sobre o Amana',
    'menu-new-flow': 'Novo fluxo…',
    'menu-save': 'Salvar',
    'menu-find': 'Localizar…',
    'menu-auto-layout': 'Organizar automaticamente',
    'menu-command-palette': 'Paleta de comandos…',
    'menu-shortcuts': 'Atalhos de teclado',
    'about-detail':
      'Versão {version}\nCrie fluxos de conversa para WhatsApp, prove que respeitam a privacidade e exporte o robô.',
    'dialog-open-title': 'Importar um arquivo de fluxo',
    'dialog-save-title': 'Exportar o arquivo do fluxo',
    'dialog-folder-title': 'Escolher uma pasta',
    'dialog-filter-flows': 'Fluxos do Amana',
    'ipc-refused': 'Este pedido não veio da própria página do estúdio e foi recusado.',
    'startup-failed': 'O Amana não pôde iniciar',
  },
  ar: {
    'menu-file': '&ملف',
    'menu-import': 'استيراد مسار…',
    'menu-open-recent': 'فتح ملف حديث',
    'menu-no-recent': 'لا توجد ملفات حديثة',
    'menu-export': 'تصدير ملف المسار…',
    'menu-export-bot': 'تصدير…',
    'menu-quit': 'إنهاء أمانة',
    'menu-edit': '&تحرير',
    'menu-undo': 'تراجع',
    'menu-redo': 'إعادة',
    'menu-cut': 'قص',
    'menu-copy': 'نسخ',
    'menu-paste': 'لصق',
    'menu-select-all': 'تحديد الكل',
    'menu-view': '&عرض',
    'menu-history': 'سجل الإصدارات',
    'menu-language': 'لغة الواجهة',
    'menu-zoom-in': 'تكبير',
    'menu-zoom-out': 'تصغير',
    'menu-actual-size': 'الحجم الفعلي',
    'menu-full-screen': 'تبديل ملء الشاشة',
    'menu-reload': 'إعادة التحميل',
    'menu-developer-tools': 'أدوات المطوّر',
    'menu-help': '&مساعدة',
    'menu-show-workspace': 'إظهار ملف مساحة العمل',
    'menu-about': 'حول أمانة',
    'menu-new-flow': 'مسار جديد…',
    'menu-save': 'حفظ',
    'menu-find': 'بحث…',
    'menu-auto-layout': 'ترتيب تلقائي',
    'menu-command-palette': 'لوحة الأوامر…',
    'menu-shortcuts': 'اختصارات لوحة المفاتيح',
    'about-detail': 'الإصدار {version}\nصمّم مسارات محادثة واتساب، وأثبت أنها تحترم الخصوصية، وصدّر الروبوت.',
    'dialog-open-title': 'استيراد ملف مسار',
    'dialog-save-title': 'تصدير ملف المسار',
    'dialog-folder-title': 'اختيار مجلد',
    'dialog-filter-flows': 'مسارات أمانة',
    'ipc-refused': 'لم يأتِ هذا الطلب من صفحة الاستوديو نفسها فرُفض.',
    'startup-failed': 'تعذّر تشغيل أمانة',
  },
};

export const shellText = translator(catalogue);
export type { ShellTextKey };
