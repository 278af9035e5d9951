import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { translator, type Catalogue, type UiLanguage } from '../../flows/i18n/index.ts';
import {
  isFlowFileName,
  parseTranscript,
  runTranscript,
  transcriptFileName,
  type Coverage,
} from '../../flows/engine/index.ts';
import { loadFlowFile } from '../files.ts';
import { cliText } from '../messages.ts';
import { writeLine, type Command, type CommandContext } from '../io.ts';
import { helpOf, unknownOption } from './common.ts';

const en = {
  summary: "Run a flow's transcript tests and show what they cover",
  usage: `Usage: amana test <flow-or-folder-or-transcript...> [--lang en|pt-BR|ar]

Runs the tests in <name>.transcript.json beside each <name>.flow.json (a folder is searched for
flows, including its subfolders). Prints each test with ✓ or ✗ and the expectation that failed,
then, per flow, how many nodes and edges the tests went through, and finally "N passed, N failed".
Exit code 0 when every test passes, 1 when any fails (or none is found), 2 on wrong usage.`,
  'no-transcript': '{flow}: no transcript tests ({transcript} not found)',
  'no-tests': 'No transcript tests found.',
  'flow-unreadable': '{file}: the flow cannot be read:',
  'transcript-unreadable': '{file}: the transcript cannot be read:',
  'flow-header': '{flow} ({transcript})',
  coverage: 'coverage: nodes {nodes}/{nodesTotal} ({nodesPercent}%), edges {edges}/{edgesTotal} ({edgesPercent}%)',
  'missed-nodes': 'nodes not reached: {ids}',
  'missed-edges': 'edges not taken: {ids}',
  totals: '{passed} passed, {failed} failed',
};
type Key = keyof typeof en;

const messages: Catalogue<Key> = {
  en,
  'pt-BR': {
    summary: 'Roda os testes de transcrição de um fluxo e mostra o que eles cobrem',
    usage: `Uso: amana test <fluxo-ou-pasta-ou-transcrição...> [--lang en|pt-BR|ar]

Roda os testes de <nome>.transcript.json ao lado de cada <nome>.flow.json (numa pasta, procura
fluxos também nas subpastas). Mostra cada teste com ✓ ou ✗ e a expectativa que falhou; depois,
por fluxo, quantos nós e conexões os testes percorreram; por fim "N passaram, N falharam".
Código de saída 0 quando todos passam, 1 quando algum falha (ou nenhum é encontrado), 2 em uso incorreto.`,
    'no-transcript': '{flow}: sem testes de transcrição ({transcript} não encontrado)',
    'no-tests': 'Nenhum teste de transcrição encontrado.',
    'flow-unreadable': '{file}: não foi possível ler o fluxo:',
    'transcript-unreadable': '{file}: não foi possível ler a transcrição:',
    'flow-header': '{flow} ({transcript})',
    coverage: 'cobertura: nós {nodes}/{nodesTotal} ({nodesPercent}%), conexões {edges}/{edgesTotal} ({edgesPercent}%)',
    'missed-nodes': 'nós não alcançados: {ids}',
    'missed-edges': 'conexões não percorridas: {ids}',
    totals: '{passed} passaram, {failed} falharam',
  },
  ar: {
    summary: 'تشغيل اختبارات النصوص التجريبية لمسار وعرض ما تغطيه',
    usage: `الاستخدام: amana test <مسار-أو-مجلد-أو-نص-تجريبي...> [--lang en|pt-BR|ar]

يشغّل الاختبارات في ‎<name>.transcript.json‎ بجوار كل ‎<name>.flow.json‎ (ويُبحث في المجلد
ومجلداته الفرعية). يطبع كل اختبار مع ✓ أو ✗ والتوقع الذي فشل، ثم لكل مسار عدد العقد والوصلات
التي مرت بها الاختبارات، وأخيرًا "N نجح، N فشل".
رمز الخروج 0 عند نجاح كل الاختبارات، و1 عند فشل أي منها (أو عدم وجود أي اختبار)، و2 عند سوء الاستخدام.`,
    'no-transcript': '{flow}: لا توجد اختبارات ({transcript} غير موجود)',
    'no-tests': 'لم يُعثر على أي اختبار.',
    'flow-unreadable': '{file}: تعذرت قراءة المسار:',
    'transcript-unreadable': '{file}: تعذرت قراءة النص التجريبي:',
    'flow-header': '{flow} ({transcript})',
    coverage: 'التغطية: العقد {nodes}/{nodesTotal} ({nodesPercent}%)، الوصلات {edges}/{edgesTotal} ({edgesPercent}%)',
    'missed-nodes': 'عقد لم يُوصل إليها: {ids}',
    'missed-edges': 'وصلات لم تُسلك: {ids}',
    totals: '{passed} نجح، {failed} فشل',
  },
};
const text = translator(messages);

/** A flow file and the transcript file that tests it. */
interface Suite {
  flow: string;
  transcript: string;
}

/** `amana test <paths...>`: runs transcript tests, prints results and coverage, exits 1 on any failure. */
export const testCommand: Command = {
  name: 'test',
  ...helpOf(messages),
  async run(args, context) {
    const { language } = context;
    const unknown = args.find((arg) => arg.startsWith('-'));
    if (unknown) {
      return unknownOption(context, 'test', unknown);
    }
    if (args.length === 0) {
      writeLine(context.stderr, text(language, 'usage'));
      return 2;
    }
    const suites: Suite[] = [];
    for (const arg of args) {
      const found = await suitesFor(resolve(context.cwd, arg));
      if (found === undefined) {
        writeLine(context.stderr, cliText(language, 'cannot-read', { file: arg, reason: 'ENOENT' }));
        return 2;
      }
      suites.push(...found);
    }
    let passed = 0;
    let failed = 0;
    let ran = 0;
    for (const suite of suites) {
      const counts = await runSuite(suite, context);
      passed += counts.passed;
      failed += counts.failed;
      ran += counts.ran;
    }
    if (ran === 0 && failed === 0) writeLine(context.stdout, text(language, 'no-tests'));
    writeLine(context.stdout, text(language, 'totals', { passed, failed }));
    return failed === 0 && ran > 0 ? 0 : 1;
  },
};

/** The suites a path names: a flow, a transcript, or every flow in a folder. Undefined if it does not exist. */
async function suitesFor(path: string): Promise<Suite[] | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return undefined;
  if (info.isDirectory()) {
    const entries = await readdir(path, { recursive: true });
    return entries
      .filter(
        (entry) =>
          isFlowFileName(entry) &&
          !entry.split(/[\\/]/).some((part) => part === 'node_modules' || part.startsWith('.')),
      )
      .sort()
      .map((entry) => suiteOfFlow(join(path, entry)));
  }
  if (path.endsWith('.transcript.json')) {
    const declared = await declaredFlow(path);
    return [{ transcript: path, flow: declared ?? path.replace(/\.transcript\.json$/, '.flow.json') }];
  }
  return [suiteOfFlow(path)];
}

function suiteOfFlow(flow: string): Suite {
  return { flow, transcript: join(dirname(flow), transcriptFileName(basename(flow))) };
}

/** The `flow` a transcript names, resolved beside it. */
async function declaredFlow(transcript: string): Promise<string | undefined> {
  const source = await readFile(transcript, 'utf8').catch(() => undefined);
  if (source === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(source);
    const flow: unknown = typeof value === 'object' && value !== null ? Reflect.get(value, 'flow') : undefined;
    return typeof flow === 'string' ? resolve(dirname(transcript), flow) : undefined;
  } catch {
    return undefined;
  }
}

async function runSuite(
  suite: Suite,
  context: CommandContext,
): Promise<{ passed: number; failed: number; ran: number }> {
  const { language, stdout } = context;
  const shown = (file: string) => relative(context.cwd, file) || basename(file);
  const source = await readFile(suite.transcript, 'utf8').catch(() => undefined);
  if (source === undefined) {
    writeLine(
      stdout,
      text(language, 'no-transcript', { flow: shown(suite.flow), transcript: basename(suite.transcript) }),
    );
    return { passed: 0, failed: 0, ran: 0 };
  }
  const parsed = parseTranscript(source, language);
  if (!parsed.ok) {
    writeLine(stdout, text(language, 'transcript-unreadable', { file: shown(suite.transcript) }));
    for (const problem of parsed.problems) writeLine(stdout, `  ${problem.path}: ${problem.message}`);
    return { passed: 0, failed: 1, ran: 0 };
  }
  const loaded = await loadFlowFile(suite.flow, language);
  if (!loaded.ok) {
    writeLine(stdout, text(language, 'flow-unreadable', { file: shown(suite.flow) }));
    if ('unreadable' in loaded)
      writeLine(
        stdout,
        `  ${cliText(language, 'cannot-read', { file: shown(suite.flow), reason: loaded.unreadable })}`,
      );
    else for (const error of loaded.errors) writeLine(stdout, `  ${error.path}: ${error.message}`);
    return { passed: 0, failed: parsed.transcript.tests.length, ran: 0 };
  }

  writeLine(stdout, text(language, 'flow-header', { flow: shown(suite.flow), transcript: basename(suite.transcript) }));
  const result = runTranscript(loaded.flow, parsed.transcript, language);
  for (const test of result.tests) {
    writeLine(stdout, `  ${test.passed ? '✓' : '✗'} ${test.name}`);
    for (const failure of test.failures) writeLine(stdout, `      ${failure}`);
  }
  for (const line of coverageLines(result.coverage, language)) writeLine(stdout, `  ${line}`);
  writeLine(stdout);
  const passed = result.tests.filter((test) => test.passed).length;
  return { passed, failed: result.tests.length - passed, ran: result.tests.length };
}

function coverageLines(coverage: Coverage, language: UiLanguage): string[] {
  const percent = (covered: number, total: number) => (total === 0 ? 100 : Math.floor((covered * 100) / total));
  const lines = [
    text(language, 'coverage', {
      nodes: coverage.nodes.covered,
      nodesTotal: coverage.nodes.total,
      nodesPercent: percent(coverage.nodes.covered, coverage.nodes.total),
      edges: coverage.edges.covered,
      edgesTotal: coverage.edges.total,
      edgesPercent: percent(coverage.edges.covered, coverage.edges.total),
    }),
  ];
  if (coverage.nodes.missed.length > 0)
    lines.push(text(language, 'missed-nodes', { ids: coverage.nodes.missed.join(', ') }));
  if (coverage.edges.missed.length > 0)
    lines.push(text(language, 'missed-edges', { ids: coverage.edges.missed.join(', ') }));
  return lines;
}
