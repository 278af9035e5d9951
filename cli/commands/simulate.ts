import { createInterface } from 'node:readline';
import { translator, type Catalogue } from '../../flows/i18n/index.ts';
import {
  mockResponse,
  start,
  withSecrets,
  step,
  type EngineResult,
  type EngineEffect,
  type EngineEvent,
} from '../../flows/engine/index.ts';
import type { Flow } from '../../flows/index.ts';
import { loadFlowFile } from '../files.ts';
import { cliText } from '../messages.ts';
import { writeLine, type Command, type CommandContext } from '../io.ts';
import { helpOf, unknownOption } from './common.ts';
import { refusalOfCall } from '../../flows/check/index.ts';
import { callLive } from './live-http.ts';
import { describeEffect, recipientName, simulateText } from './simulate-output.ts';

const messages: Catalogue<'summary' | 'usage'> = {
  en: {
    summary: 'Chat with a flow in the terminal, as a customer would',
    usage: `Usage: amana simulate <flow.json> [--lang <tag>] [--live-http] [--phone <+E.164>] [--name <name>]

Starts the conversation at once and prints each bot message as the customer reads it; buttons
and list rows are numbered. Type your answers, one per line (input may also be piped in): a
number picks that choice, and the label or id works too. Privacy events are shown in brackets:
[collected: email], [consent granted: …], [shared with Acme CRM: email], [handed off …], [erased].

  --lang <tag>    the conversation language (default: the flow's first language)
  --live-http     call recipients for real instead of answering http nodes with their mock
  --phone, --name the customer's WhatsApp number and profile name ({{contact.phone}}, {{contact.name}})

Lines starting with / act instead of the customer:
  /release                  the agent hands the conversation back to the bot
  /location <lat>,<long>    share a location
  /image [caption]          send a photo
  /document <file name>     send a document
  /timeout                  the customer does not answer in time

Exits when the conversation ends or the input closes.`,
  },
  'pt-BR': {
    summary: 'Converse com um fluxo no terminal, como um cliente faria',
    usage: `Uso: amana simulate <fluxo.json> [--lang <idioma>] [--live-http] [--phone <+E.164>] [--name <nome>]

Inicia a conversa na hora e mostra cada mensagem do bot como o cliente a lê; botões e itens
de lista aparecem numerados. Digite as respostas, uma por linha (a entrada também pode vir por
pipe): um número escolhe aquela opção, e o texto ou o id também funcionam. Eventos de
privacidade aparecem entre colchetes: [coletado: email], [consentimento dado: …],
[compartilhado com Acme CRM: email], [transferido …], [dados apagados].

  --lang <idioma>  o idioma da conversa (padrão: o primeiro idioma do fluxo)
  --live-http      chama os destinatários de verdade em vez de responder com o mock do nó http
  --phone, --name  o número de WhatsApp e o nome de perfil do cliente ({{contact.phone}}, {{contact.name}})

Linhas começando com / agem no lugar do cliente:
  /release                  o atendente devolve a conversa ao bot
  /location <lat>,<long>    compartilha uma localização
  /image [legenda]          envia uma foto
  /document <arquivo>       envia um documento
  /timeout                  o cliente não responde a tempo

Termina quando a conversa acaba ou a entrada se fecha.`,
  },
  ar: {
    summary: 'حاوِر مسارًا في الطرفية كما يفعل العميل',
    usage: `الاستخدام: amana simulate <flow.json> [--lang <لغة>] [--live-http] [--phone <+E.164>] [--name <اسم>]

تبدأ المحادثة فورًا وتُطبع كل رسالة من البوت كما يقرؤها العميل، مع ترقيم الأزرار وعناصر
القوائم. اكتب إجاباتك سطرًا سطرًا (ويمكن تمرير المدخلات عبر أنبوب): الرقم يختار ذلك الخيار،
ويعمل النص أو المعرّف أيضًا. تظهر أحداث الخصوصية بين قوسين مربعين: [جُمع: email]،
[مُنحت الموافقة: …]، [شورك مع Acme CRM: email]، [حُوّلت المحادثة …]، [حُذفت البيانات].

  --lang <لغة>     لغة المحادثة (الافتراضي: أول لغة في المسار)
  --live-http      الاتصال بالجهات فعليًا بدل الرد على عقد http باستجابتها التجريبية
  --phone, --name  رقم واتساب العميل واسم ملفه ({{contact.phone}}، {{contact.name}})

الأسطر التي تبدأ بـ / تتصرف بدل العميل:
  /release                  الموظف يعيد المحادثة إلى البوت
  /location <lat>,<long>    مشاركة موقع
  /image [تعليق]            إرسال صورة
  /document <اسم الملف>     إرسال مستند
  /timeout                  العميل لا يرد في الوقت المحدد

ينتهي عند انتهاء المحادثة أو إغلاق المدخلات.`,
  },
};
const text = translator(messages);

type HttpCall = Extract<EngineEffect, { type: 'call-http' }>;

interface Options {
  file: string;
  liveHttp: boolean;
  phone?: string;
  name?: string;
}

/** `amana simulate <flow>`: a terminal chat with the flow, reading the customer's lines from standard input. */
export const simulateCommand: Command = {
  name: 'simulate',
  ...helpOf(messages),
  takesAnyLanguage: true,
  async run(args, context) {
    const options = parseOptions(args, context);
    if (typeof options === 'number') return options;
    const loaded = await loadFlowFile(options.file, context.language);
    if (!loaded.ok) {
      if ('unreadable' in loaded) {
        writeLine(
          context.stderr,
          cliText(context.language, 'cannot-read', { file: options.file, reason: loaded.unreadable }),
        );
      } else {
        for (const error of loaded.errors)
          writeLine(context.stderr, `${options.file}: ${error.path}: ${error.message}`);
      }
      return 2;
    }
    return chat(loaded.flow, options, context);
  },
};

function parseOptions(args: string[], context: CommandContext): Options | number {
  const files: string[] = [];
  let liveHttp = false;
  let phone: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--live-http') liveHttp = true;
    else if (arg === '--phone' || arg === '--name') {
      const value = args[i + 1];
      if (value === undefined) return unknownOption(context, 'simulate', arg);
      if (arg === '--phone') phone = value;
      else name = value;
      i += 1;
    } else if (arg.startsWith('-')) return unknownOption(context, 'simulate', arg);
    else files.push(arg);
  }
  const file = files[0];
  if (file === undefined || files.length > 1) {
    writeLine(context.stderr, text(context.language, 'usage'));
    return 2;
  }
  return { file, liveHttp, ...(phone === undefined ? {} : { phone }), ...(name === undefined ? {} : { name }) };
}

/** Runs the conversation: prints what the bot does, reads what the customer says. */
async function chat(flow: Flow, options: Options, context: CommandContext): Promise<number> {
  const { language, stdout } = context;
  if (!flow.nodes.some((node) => node.type === 'start')) {
    writeLine(context.stderr, simulateText(language, 'no-start'));
    return 2;
  }
  const contact =
    options.phone === undefined ? undefined : { phone: options.phone, ...(options.name ? { name: options.name } : {}) };
  let result = start(flow, {
    ...(context.requestedLanguage ? { language: context.requestedLanguage } : {}),
    ...(contact ? { contact } : {}),
  });
  const conversationLanguage = result.state.language;
  let erased = false;
  const show = (shown: EngineResult) => {
    for (const effect of shown.effects) {
      if (effect.type === 'erase') erased = true;
      for (const line of describeEffect(flow, effect, language, conversationLanguage)) writeLine(stdout, line);
    }
  };
  show(result);
  result = await answerCalls(flow, result, options, context, show);

  const interactive = 'isTTY' in context.stdin && context.stdin.isTTY === true;
  const you = `${simulateText(language, 'you')}: `;
  const lines = createInterface({
    input: context.stdin,
    ...(interactive ? { output: stdout, prompt: you } : { terminal: false }),
  });
  try {
    if (result.state.ended) return 0;
    if (interactive) lines.prompt();
    for await (const line of lines) {
      if (!interactive) writeLine(stdout, `${you}${line}`);
      const event = eventFor(line);
      if (event) {
        if (event.type === 'agent-released' && result.state.withHuman)
          writeLine(stdout, simulateText(language, 'released'));
        erased = false;
        result = step(flow, result.state, event);
        show(result);
        result = await answerCalls(flow, result, options, context, show);
        // After an erasure the customer's next message starts a new conversation (DESIGN.md §5),
        // so the simulator keeps reading; any other end closes it.
        if (result.state.ended && !result.state.withHuman && !erased) return 0;
      }
      if (interactive) lines.prompt();
    }
    return 0;
  } finally {
    lines.close();
  }
}

/** Answers every http call with the node's mock, or for real with --live-http, until the flow waits for the customer. */
async function answerCalls(
  flow: Flow,
  first: EngineResult,
  options: Options,
  context: CommandContext,
  show: (result: EngineResult) => void,
): Promise<EngineResult> {
  let result = first;
  while (result.state.waitingFor === 'http') {
    const nodeId = result.state.node ?? '';
    const call = [...result.effects]
      .reverse()
      .find((effect): effect is HttpCall => effect.type === 'call-http' && effect.nodeId === nodeId);
    const refusal = options.liveHttp && call ? refusalOfCall(flow.recipients, call) : undefined;
    if (call && refusal) {
      // Judged as the exported bot judges it, so a live rehearsal never sends what the bot would not.
      const recipient = recipientName(flow, call.recipient);
      const reason = simulateText(context.language, `refusal-${refusal}`);
      writeLine(context.stdout, simulateText(context.language, 'http-not-sent', { recipient, reason }));
      result = step(flow, result.state, { type: 'http-response', status: 0, body: null, error: refusal });
      show(result);
      continue;
    }
    const node = flow.nodes.find((candidate) => candidate.id === nodeId);
    const filled =
      options.liveHttp && call
        ? withSecrets(node?.type === 'http' ? node : undefined, call.headers, (name) => context.env[name])
        : undefined;
    if (call && filled && 'missing' in filled) {
      // The exported bot does not start without them; a rehearsal says which one is missing.
      const recipient = recipientName(flow, call.recipient);
      const variables = filled.missing.join(', ');
      writeLine(context.stdout, simulateText(context.language, 'http-secret-missing', { recipient, variables }));
      result = step(flow, result.state, { type: 'http-response', status: 0, body: null, error: 'secret not set' });
      show(result);
      continue;
    }
    const response =
      call && filled && 'headers' in filled
        ? await callLive(call, filled.headers, filled.values)
        : mockResponse(flow, nodeId);
    if (call && (response.status === 0 || response.status >= 400)) {
      const recipient = recipientName(flow, call.recipient);
      writeLine(
        context.stdout,
        response.status === 0
          ? simulateText(context.language, 'http-unreachable', { recipient, error: response.error ?? '' })
          : simulateText(context.language, 'http-failed', { recipient, status: response.status }),
      );
    }
    result = step(flow, result.state, response);
    show(result);
  }
  return result;
}

/** What a typed line means: the customer's text, or an action written as `/release`, `/location …`. */
export function eventFor(line: string): EngineEvent | undefined {
  const command = /^\/(release|location|image|document|timeout)\b\s*(.*)$/i.exec(line.trim());
  if (!command) return line.trim() === '' ? undefined : { type: 'text', text: line };
  const argument = command[2] ?? '';
  switch (command[1]?.toLowerCase()) {
    case 'release':
      return { type: 'agent-released' };
    case 'timeout':
      return { type: 'timeout' };
    case 'location': {
      const match = /^(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*(.*)$/.exec(argument);
      if (!match) return { type: 'text', text: line };
      return {
        type: 'location',
        latitude: Number(match[1]),
        longitude: Number(match[2]),
        ...(match[3] ? { name: match[3] } : {}),
      };
    }
    case 'image':
      return {
        type: 'media',
        kind: 'image',
        mediaId: 'simulated-image',
        mimeType: 'image/jpeg',
        ...(argument ? { caption: argument } : {}),
      };
    default:
      return {
        type: 'media',
        kind: 'document',
        mediaId: 'simulated-document',
        filename: argument || 'document.pdf',
        mimeType: argument.toLowerCase().endsWith('.pdf') || !argument ? 'application/pdf' : 'application/octet-stream',
      };
  }
}
