import { translator, type Catalogue } from '../flows/i18n/index.ts';

const en = {
  usage: 'Usage: amana <command> [options]\n\nCommands:',
  options:
    'Options:\n  --lang en|pt-BR|ar  language of messages (default: from AMANA_LANG or LANG, else en)\n  --help              show help\n  --version           show the version',
  'unknown-command': 'Unknown command "{name}". Run amana --help to see the commands.',
  'unknown-option': 'Unknown option "{option}" for amana {command}.',
  'bad-lang': '--lang must be en, pt-BR or ar.',
  'missing-files': 'Name at least one flow file, e.g. amana {command} my-flow.flow.json',
  'cannot-read': '{file}: cannot read the file ({reason})',
  'all-valid': '{count} file(s) valid.',
  'some-invalid': '{invalid} of {count} file(s) have problems.',
};

export type CliMessageKey = keyof typeof en;

const cliMessages: Catalogue<CliMessageKey> = {
  en,
  'pt-BR': {
    usage: 'Uso: amana <comando> [opções]\n\nComandos:',
    options:
      'Opções:\n  --lang en|pt-BR|ar  idioma das mensagens (padrão: AMANA_LANG ou LANG, senão en)\n  --help              mostra a ajuda\n  --version           mostra a versão',
    'unknown-command': 'Comando desconhecido "{name}". Rode amana --help para ver os comandos.',
    'unknown-option': 'Opção desconhecida "{option}" para amana {command}.',
    'bad-lang': '--lang deve ser en, pt-BR ou ar.',
    'missing-files': 'Informe pelo menos um arquivo de fluxo, por exemplo amana {command} meu-fluxo.flow.json',
    'cannot-read': '{file}: não foi possível ler o arquivo ({reason})',
    'all-valid': '{count} arquivo(s) válido(s).',
    'some-invalid': '{invalid} de {count} arquivo(s) têm problemas.',
  },
  ar: {
    usage: 'الاستخدام: amana <أمر> [خيارات]\n\nالأوامر:',
    options:
      'الخيارات:\n  --lang en|pt-BR|ar  لغة الرسائل (الافتراضي: من AMANA_LANG أو LANG، وإلا en)\n  --help              عرض المساعدة\n  --version           عرض الإصدار',
    'unknown-command': 'أمر غير معروف "{name}". شغّل amana --help لرؤية الأوامر.',
    'unknown-option': 'خيار غير معروف "{option}" للأمر amana {command}.',
    'bad-lang': 'يجب أن تكون قيمة --lang إحدى: en أو pt-BR أو ar.',
    'missing-files': 'حدّد ملف مسار واحدًا على الأقل، مثل amana {command} my-flow.flow.json',
    'cannot-read': '{file}: تعذرت قراءة الملف ({reason})',
    'all-valid': '{count} ملف(ات) صالحة.',
    'some-invalid': 'في {invalid} من أصل {count} ملف(ات) مشكلات.',
  },
};

export const cliText = translator(cliMessages);
