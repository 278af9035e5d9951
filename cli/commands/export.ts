import { resolve } from 'node:path';
import { formatText } from '../../flows/check/index.ts';
import { buildBundle } from '../../flows/export/index.ts';
import { translator, type Catalogue } from '../../flows/i18n/index.ts';
import { isEmptyOrBundle, writeBundleFiles } from '../../services/bundle/bundle-folder.ts';
import { bundleText } from '../../services/bundle/messages.ts';
import { runtimeSourceAt } from '../../services/bundle/runtime-source.ts';
import { loadFlowFile } from '../files.ts';
import { amanaVersion } from '../main.ts';
import { cliText } from '../messages.ts';
import { packageRoot } from '../package-root.ts';
import { writeLine, type Command } from '../io.ts';
import { helpOf, unknownOption, missingFiles } from './common.ts';

const messages: Catalogue<
  'summary' | 'usage' | 'missing-out' | 'one-file' | 'refused' | 'exported' | 'next' | 'not-a-bundle' | 'write-failed'
> = {
  en: {
    summary: 'Write the bot that runs a checked flow on your own server',
    usage:
      'Usage: amana export <flow.json> --out <folder> [--force] [--lang en|pt-BR|ar]\n\nChecks the flow and, when it has no errors, writes the bot: server.js, flow.json, manifest.json,\npackage.json, README.md, .env.example, a privacy notice per flow language and the record of processing.\nFiles already in the folder (.env, the database) are kept. Exit code 0 when written, 1 when the\nflow has check errors (they are printed), 2 for anything else.',
    'missing-out': 'Say where to write the bot: amana export my-flow.flow.json --out my-bot/',
    'one-file': 'Export one flow at a time.',
    refused: 'Not exported: {file} has {errors} error(s). Fix them and export again.',
    exported: 'Exported “{flow}” to {dir}: {files} files ({warnings} warning(s)) in {ms} ms.',
    next: 'Next: cd {dir} && npm install && node server.js serve   (README.md explains the settings)',
    'not-a-bundle':
      '{dir} already has files and is not an Amana bot folder. Choose an empty folder, or add --force to write into it anyway.',
    'write-failed': 'Cannot write {file} ({reason}).',
  },
  'pt-BR': {
    summary: 'Gera o bot que executa um fluxo verificado no seu próprio servidor',
    usage:
      'Uso: amana export <fluxo.json> --out <pasta> [--force] [--lang en|pt-BR|ar]\n\nVerifica o fluxo e, se não houver erros, grava o bot: server.js, flow.json, manifest.json,\npackage.json, README.md, .env.example, um aviso de privacidade por idioma do fluxo e o registro das operações de tratamento.\nArquivos que já estão na pasta (.env, o banco de dados) são mantidos. Código de saída 0 quando gravado, 1 quando o\nfluxo tem erros da verificação (eles são mostrados), 2 para qualquer outro problema.',
    'missing-out': 'Diga onde gravar o bot: amana export meu-fluxo.flow.json --out meu-bot/',
    'one-file': 'Exporte um fluxo por vez.',
    refused: 'Não exportado: {file} tem {errors} erro(s). Corrija-os e exporte de novo.',
    exported: '“{flow}” exportado para {dir}: {files} arquivos ({warnings} aviso(s)) em {ms} ms.',
    next: 'Próximo passo: cd {dir} && npm install && node server.js serve   (o README.md explica as configurações)',
    'not-a-bundle':
      '{dir} já tem arquivos e não é uma pasta de bot do Amana. Escolha uma pasta vazia, ou use --force para gravar nela mesmo assim.',
    'write-failed': 'Não foi possível gravar {file} ({reason}).',
  },
  ar: {
    summary: 'كتابة البوت الذي يشغّل مسارًا مفحوصًا على خادمك',
    usage:
      'الاستخدام: amana export <flow.json> --out <مجلد> [--force] [--lang en|pt-BR|ar]\n\nيفحص المسار، وإن خلا من الأخطاء يكتب البوت: server.js وflow.json وmanifest.json\nوpackage.json وREADME.md و‎.env.example وإشعار خصوصية لكل لغة من لغات المسار وسجل أنشطة المعالجة.\nتبقى الملفات الموجودة في المجلد (‎.env وقاعدة البيانات). رمز الخروج 0 عند الكتابة، و1 إذا كان في\nالمسار أخطاء فحص (وتُطبع)، و2 لأي مشكلة أخرى.',
    'missing-out': 'حدّد أين يُكتب البوت: amana export my-flow.flow.json --out my-bot/',
    'one-file': 'صدّر مسارًا واحدًا في كل مرة.',
    refused: 'لم يُصدَّر: في {file} ‏{errors} خطأ. صحّحها وصدّر من جديد.',
    exported: 'صُدّر “{flow}” إلى {dir}: ‏{files} ملفات ({warnings} تحذير) في {ms} ms.',
    next: 'التالي: cd {dir} && npm install && node server.js serve   (يشرح README.md الإعدادات)',
    'not-a-bundle': 'في {dir} ملفات وليس مجلد بوت من أمانة. اختر مجلدًا فارغًا، أو أضف ‎--force للكتابة فيه رغم ذلك.',
    'write-failed': 'تعذرت كتابة {file} ‏({reason}).',
  },
};
const text = translator(messages);

/**
 * `amana export <flow> --out <dir>`: refused (exit 1, the check report printed as `amana check` prints
 * it) while the flow has
 * check errors; otherwise writes the bundle of DESIGN.md §5 with the prebuilt runtime, out/runtime/server.js
 * (the same file the studio's export copies; bin/amana.js rebuilds it first in a development checkout).
 */
export const exportCommand: Command = {
  name: 'export',
  ...helpOf(messages),
  async run(args, context) {
    const started = performance.now();
    const { language } = context;
    const files: string[] = [];
    let out: string | undefined;
    let force = false;
    for (let index = 0; index < args.length; index += 1) {
      const arg = args[index] ?? '';
      if (arg === '--out') out = args[++index];
      else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
      else if (arg === '--force') force = true;
      else if (arg.startsWith('-')) {
        return unknownOption(context, 'export', arg);
      } else files.push(arg);
    }
    if (files.length === 0) {
      return missingFiles(context, 'export', text(language, 'usage'));
    }
    if (files.length > 1) {
      writeLine(context.stderr, text(language, 'one-file'));
      return 2;
    }
    if (!out) {
      writeLine(context.stderr, text(language, 'missing-out'));
      return 2;
    }
    const file = files[0] ?? '';
    const loaded = await loadFlowFile(resolve(context.cwd, file), language);
    if (!loaded.ok) {
      if ('unreadable' in loaded)
        writeLine(context.stderr, cliText(language, 'cannot-read', { file, reason: loaded.unreadable }));
      else for (const error of loaded.errors) writeLine(context.stdout, `${file}: ${error.path}: ${error.message}`);
      return 2;
    }
    const dir = resolve(context.cwd, out);
    if (!force && !(await isEmptyOrBundle(dir))) {
      writeLine(context.stderr, text(language, 'not-a-bundle', { dir }));
      return 2;
    }

    const runtime = runtimeSourceAt(packageRoot());
    let serverJs: string;
    try {
      serverJs = await runtime.serverJs();
    } catch {
      writeLine(context.stderr, bundleText(language, 'runtime-missing'));
      return 2;
    }
    const result = buildBundle(loaded.flow, {
      serverJs,
      appVersion: amanaVersion(),
      exportedAt: new Date().toISOString(),
      language,
      ...(await runtime.dependencies()),
    });
    if (!result.ok) {
      for (const line of formatText(file, result.diagnostics)) writeLine(context.stdout, line);
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
      writeLine(context.stderr, text(language, 'refused', { file, errors }));
      return 1;
    }
    for (const line of formatText(file, result.diagnostics)) writeLine(context.stdout, line);
    try {
      await writeBundleFiles(dir, result.files);
    } catch (error) {
      const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
      writeLine(context.stderr, text(language, 'write-failed', { file: dir, reason }));
      return 2;
    }
    writeLine(
      context.stderr,
      text(language, 'exported', {
        flow: loaded.flow.name,
        dir,
        files: Object.keys(result.files).length,
        warnings: result.manifest.checker.warnings,
        ms: Math.round(performance.now() - started),
      }),
    );
    writeLine(context.stderr, text(language, 'next', { dir: out }));
    return 0;
  },
};
