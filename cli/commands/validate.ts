import { translator, type Catalogue } from '../../flows/i18n/index.ts';
import { loadFlowFile } from '../files.ts';
import { cliText } from '../messages.ts';
import { writeLine, type Command } from '../io.ts';
import { helpOf, unknownOption, missingFiles } from './common.ts';

const messages: Catalogue<'summary' | 'usage'> = {
  en: {
    summary: 'Check that flow files follow the Amana flow format',
    usage:
      'Usage: amana validate <files...> [--lang en|pt-BR|ar]\n\nPrints one line per problem (file: path: message).\nExit code 0 when every file is valid, 2 otherwise.',
  },
  'pt-BR': {
    summary: 'Verifica se arquivos de fluxo seguem o formato de fluxo do Amana',
    usage:
      'Uso: amana validate <arquivos...> [--lang en|pt-BR|ar]\n\nMostra uma linha por problema (arquivo: caminho: mensagem).\nCódigo de saída 0 quando todos são válidos, 2 caso contrário.',
  },
  ar: {
    summary: 'التحقق من أن ملفات المسارات تتبع صيغة مسارات أمانة',
    usage:
      'الاستخدام: amana validate <ملفات...> [--lang en|pt-BR|ar]\n\nيطبع سطرًا لكل مشكلة (الملف: المسار: الرسالة).\nرمز الخروج 0 عندما تكون كل الملفات صالحة، و2 خلاف ذلك.',
  },
};
const text = translator(messages);

/** `amana validate <files...>`: one line per problem; exit 0 when all files are valid, 2 otherwise. */
export const validateCommand: Command = {
  name: 'validate',
  ...helpOf(messages),
  async run(args, context) {
    const { language } = context;
    const unknown = args.find((arg) => arg.startsWith('-'));
    if (unknown) {
      return unknownOption(context, 'validate', unknown);
    }
    if (args.length === 0) {
      return missingFiles(context, 'validate', text(language, 'usage'));
    }
    let invalid = 0;
    for (const file of args) {
      const loaded = await loadFlowFile(file, language);
      if (loaded.ok) continue;
      invalid += 1;
      if ('unreadable' in loaded) {
        writeLine(context.stdout, cliText(language, 'cannot-read', { file, reason: loaded.unreadable }));
        continue;
      }
      for (const error of loaded.errors) writeLine(context.stdout, `${file}: ${error.path}: ${error.message}`);
    }
    const summary =
      invalid === 0
        ? cliText(language, 'all-valid', { count: args.length })
        : cliText(language, 'some-invalid', { invalid, count: args.length });
    writeLine(context.stderr, summary);
    return invalid === 0 ? 0 : 2;
  },
};
