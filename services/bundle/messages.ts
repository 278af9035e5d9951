import { translator, type Catalogue } from '../../flows/i18n/index.ts';

/** What the studio's export services tell the designer, in every interface language. */
const catalogue: Catalogue<'runtime-missing' | 'bundle-not-written'> = {
  en: {
    'runtime-missing':
      'The bot’s program (server.js) is not part of this installation, so the bot cannot be exported. Run `npm run build:runtime` in Amana’s folder, or reinstall Amana.',
    'bundle-not-written': 'Could not write the bot into {folder}: {reason}. Files already there were kept.',
  },
  'pt-BR': {
    'runtime-missing':
      'O programa do bot (server.js) não faz parte desta instalação, então o bot não pode ser exportado. Execute `npm run build:runtime` na pasta do Amana ou reinstale o Amana.',
    'bundle-not-written':
      'Não foi possível gravar o bot em {folder}: {reason}. Os arquivos que já estavam lá foram mantidos.',
  },
  ar: {
    'runtime-missing':
      'برنامج البوت (server.js) ليس جزءًا من هذا التثبيت، لذا لا يمكن تصدير البوت. شغّل ‎`npm run build:runtime`‎ في مجلد أمانة، أو أعد تثبيت أمانة.',
    'bundle-not-written': 'تعذرت كتابة البوت في {folder}: ‏{reason}. بقيت الملفات الموجودة هناك كما هي.',
  },
};

export const bundleText = translator(catalogue);
