import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  checkFlow,
  toJsonReport,
  toSarif,
  formatText,
  type Diagnostic,
  type FileProblem,
} from '../../flows/check/index.ts';
import { translator, type Catalogue } from '../../flows/i18n/index.ts';
import { parseFlow, type Flow } from '../../flows/index.ts';
import { writeLine, type Command, type CommandContext } from '../io.ts';
import { helpOf, unknownOption, missingFiles } from './common.ts';
import { amanaVersion } from '../main.ts';
import { cliText } from '../messages.ts';

const formats = ['text', 'json', 'sarif'] as const;
type Format = (typeof formats)[number];

const messages: Catalogue<'summary' | 'usage' | 'bad-format' | 'totals' | 'clean'> = {
  en: {
    summary: 'Prove a flow respects the privacy rules (consent, disclosure, declared data) and WhatsApp limits',
    usage:
      'Usage: amana check <files...> [--format text|json|sarif] [--lang en|pt-BR|ar]\n\n' +
      'Checks each flow against every rule of the privacy checker and prints its findings:\n' +
      '  text   one line per finding (file:node: severity rule message) and its path from Start\n' +
      '  json   { file, diagnostics, summary } per file (an array for several files)\n' +
      '  sarif  one SARIF 2.1.0 log, for code-scanning tools in CI\n' +
      'Exit code 0 without errors (warnings allowed), 1 when any flow has errors, 2 when a file is not a valid flow.',
    'bad-format': '--format must be text, json or sarif.',
    totals: '{errors} error(s), {warnings} warning(s) in {files} file(s).',
    clean: 'No problems found in {files} file(s).',
  },
  'pt-BR': {
    summary:
      'Prova que um fluxo respeita as regras de privacidade (consentimento, aviso, dados declarados) e os limites do WhatsApp',
    usage:
      'Uso: amana check <arquivos...> [--format text|json|sarif] [--lang en|pt-BR|ar]\n\n' +
      'Verifica cada fluxo com todas as regras do verificador de privacidade e mostra o que encontrou:\n' +
      '  text   uma linha por problema (arquivo:passo: gravidade regra mensagem) e o caminho desde o Início\n' +
      '  json   { file, diagnostics, summary } por arquivo (uma lista para vários arquivos)\n' +
      '  sarif  um log SARIF 2.1.0, para ferramentas de análise de código na CI\n' +
      'Código de saída 0 sem erros (avisos permitidos), 1 quando algum fluxo tem erros, 2 quando um arquivo não é um fluxo válido.',
    'bad-format': '--format deve ser text, json ou sarif.',
    totals: '{errors} erro(s), {warnings} aviso(s) em {files} arquivo(s).',
    clean: 'Nenhum problema encontrado em {files} arquivo(s).',
  },
  ar: {
    summary: 'إثبات أن المسار يحترم قواعد الخصوصية (الموافقة، الإفصاح، البيانات المُعرَّفة) وحدود واتساب',
    usage:
      'الاستخدام: amana check <ملفات...> [--format text|json|sarif] [--lang en|pt-BR|ar]\n\n' +
      'يفحص كل مسار بجميع قواعد مدقق الخصوصية ويطبع ما وجده:\n' +
      '  text   سطر لكل ملاحظة (الملف:الخطوة: الخطورة القاعدة الرسالة) ومسارها من البداية\n' +
      '  json   { file, diagnostics, summary } لكل ملف (مصفوفة عند تعدد الملفات)\n' +
      '  sarif  سجل SARIF 2.1.0 واحد لأدوات فحص الشيفرة في التكامل المستمر\n' +
      'رمز الخروج 0 دون أخطاء (التحذيرات مسموحة)، و1 إذا كان في أي مسار أخطاء، و2 إذا لم يكن أحد الملفات مسارًا صالحًا.',
    'bad-format': 'يجب أن تكون قيمة --format إحدى: text أو json أو sarif.',
    totals: '{errors} خطأ، {warnings} تحذير في {files} ملف.',
    clean: 'لم يُعثر على مشكلات في {files} ملف.',
  },
};
const text = translator(messages);

interface Checked {
  file: string;
  diagnostics: Diagnostic[];
  flow?: Flow;
  source?: string;
  problems?: FileProblem[];
}

/**
 * `amana check <files...> [--format text|json|sarif]`: the privacy checker for people and for
 * CI. Exit 0 without errors, 1 when any flow has errors, 2 when a file is not a valid flow (its
 * parse errors are printed as `amana validate` prints them).
 */
export const checkCommand: Command = {
  name: 'check',
  ...helpOf(messages),
  async run(args, context) {
    const { language } = context;
    const parsed = parseArguments(args);
    if ('unknown' in parsed) {
      return unknownOption(context, 'check', parsed.unknown);
    }
    if ('badFormat' in parsed) {
      writeLine(context.stderr, text(language, 'bad-format'));
      return 2;
    }
    if (parsed.files.length === 0) {
      return missingFiles(context, 'check', text(language, 'usage'));
    }

    const checked: Checked[] = [];
    for (const file of parsed.files) checked.push(await checkFile(file, context));
    report(parsed.format, checked, context);

    const invalid = checked.some((entry) => entry.problems !== undefined);
    const errors = checked.reduce(
      (sum, entry) => sum + entry.diagnostics.filter((d) => d.severity === 'error').length,
      0,
    );
    return invalid ? 2 : errors > 0 ? 1 : 0;
  },
};

function parseArguments(
  args: string[],
): { files: string[]; format: Format } | { unknown: string } | { badFormat: true } {
  const files: string[] = [];
  let format: Format = 'text';
  for (let at = 0; at < args.length; at += 1) {
    const arg = args[at] ?? '';
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : args[(at += 1)];
      const known = formats.find((candidate) => candidate === value);
      if (!known) return { badFormat: true };
      format = known;
    } else if (arg.startsWith('-')) return { unknown: arg };
    else files.push(arg);
  }
  return { files, format };
}

async function checkFile(file: string, context: CommandContext): Promise<Checked> {
  let source: string;
  try {
    source = await readFile(resolve(context.cwd, file), 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    return {
      file,
      diagnostics: [],
      problems: [{ path: '$', message: cliText(context.language, 'cannot-read', { file, reason }) }],
    };
  }
  const parsed = parseFlow(source, { language: context.language });
  if (!parsed.ok)
    return { file, diagnostics: [], source, problems: parsed.errors.map(({ path, message }) => ({ path, message })) };
  return { file, source, flow: parsed.flow, diagnostics: checkFlow(parsed.flow, { language: context.language }) };
}

function report(format: Format, checked: readonly Checked[], context: CommandContext): void {
  const { stdout, stderr, language } = context;
  // Parse errors read as `amana validate` prints them; with json or sarif on stdout, on stderr.
  const problemStream = format === 'text' ? stdout : stderr;
  for (const entry of checked) {
    for (const problem of entry.problems ?? [])
      writeLine(
        problemStream,
        entry.source === undefined ? problem.message : `${entry.file}: ${problem.path}: ${problem.message}`,
      );
  }

  if (format === 'json') {
    const reports = checked.map((entry) => toJsonReport(entry.file, entry.diagnostics, entry.problems));
    writeLine(stdout, JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
    return;
  }
  if (format === 'sarif') {
    const log = toSarif(
      checked.map((entry) => ({ ...entry, uri: fileUri(entry.file, context.cwd) })),
      { language, version: amanaVersion() },
    );
    writeLine(stdout, JSON.stringify(log, null, 2));
    return;
  }

  for (const entry of checked) for (const line of formatText(entry.file, entry.diagnostics)) writeLine(stdout, line);
  const all = checked.flatMap((entry) => entry.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const files = checked.length;
  writeLine(
    stderr,
    all.length === 0
      ? text(language, 'clean', { files })
      : text(language, 'totals', { errors, warnings: all.length - errors, files }),
  );
}

/** A file as a SARIF artifact URI: relative to the working directory when inside it, else a file: URI. */
function fileUri(file: string, cwd: string): string {
  const path = isAbsolute(file) ? relative(cwd, file) : file;
  if (isAbsolute(path) || path.startsWith('..')) return pathToFileURL(resolve(cwd, file)).href;
  return path.split(sep).map(encodeURIComponent).join('/');
}
