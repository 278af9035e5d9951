import { databaseName } from '../store/open.ts';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { mockResponse, type ButtonChoice } from '../../flows/engine/index.ts';
import { assembleBot } from '../bot.ts';
import { phoneDigits } from '../crypto/keyring.ts';
import type { SendResult } from '../graph/client.ts';
import type { OutgoingMessage } from '../graph/messages.ts';
import type { Logger } from '../log.ts';
import { runtimeText } from '../messages.ts';
import type { Transport } from '../outbox/sender.ts';
import { ingestDelivery } from '../webhook/ingest.ts';
import type { InboundContent } from '../webhook/payload.ts';
import { line, openBundle, type RuntimeIo } from './context.ts';

/** The number the simulator writes from unless `--phone` names another. */
const simulatedPhone = '15550100001';

/**
 * `node server.js simulate [--phone <number>]`: a conversation in the terminal that goes through
 * the real inbox, engine, encrypted store and outbox — only WhatsApp is replaced by the terminal,
 * and http nodes answer with their `mock` response instead of calling the recipient.
 */
export async function simulateCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const at = args.indexOf('--phone');
  const phone = phoneDigits(at >= 0 ? (args[at + 1] ?? '') : simulatedPhone) || simulatedPhone;
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  const { flow, store, keys, clock } = opened;
  const terminal = new TerminalTransport(io.stdout);
  const bot = assembleBot({
    flow,
    flowHash: opened.flowHash,
    store,
    keys,
    clock,
    log: quietLogger(io.stderr),
    transport: terminal,
    sendRate: 1000,
    callRecipient: async (_flow, call) => mockResponse(flow, call.nodeId),
    // Recipients were never called for real (mocks answered), so their erase routes are not either.
    eraseRequest: async () => ({ ok: true, status: 204, body: '' }),
  });
  line(
    io.stderr,
    runtimeText(io.language, 'simulate-intro', {
      flow: flow.name,
      phone: `+${phone}`,
      db: databaseName(opened.config),
    }),
  );
  const input = createInterface({ input: io.stdin, terminal: false });
  for await (const typed of input) {
    const text = typed.trim();
    if (text === '') continue;
    const result = await ingestDelivery(
      store,
      keys,
      {
        messages: [
          { id: `wamid.simulated.${randomUUID()}`, from: phone, timestamp: clock(), content: terminal.contentOf(text) },
        ],
        statuses: [],
        skipped: 0,
        errorCodes: [],
      },
      clock(),
    );
    if (result.inserted.length === 0) continue;
    const rows = await store.claimInbox(result.inserted.length, new Set());
    for (const row of rows) await bot.processor.inbound(row);
    await store.releaseInbox([...new Set(rows.map((row) => row.personId))]);
    await bot.sender.drain();
    const person = await store.findPerson(keys.keyring.phoneHash(phone));
    const context = person ? await store.personContext(person.id) : undefined;
    if (context?.openHandoff) line(io.stdout, runtimeText(io.language, 'simulate-with-human'));
  }
  await bot.stop();
  await store.close();
  return 0;
}

/** Prints messages as the customer would read them; buttons and list rows become numbered choices. */
class TerminalTransport implements Transport {
  private choices: ButtonChoice[] = [];

  constructor(private readonly out: Writable) {}

  async message(_to: string, message: OutgoingMessage): Promise<SendResult> {
    line(this.out, `🤖 ${message.text.replace(/\n/g, '\n   ')}`);
    if (message.type === 'buttons') this.offer(message.buttons);
    if (message.type === 'list') {
      this.choices = [];
      for (const section of message.sections) {
        line(this.out, `   [${section.title}]`);
        for (const row of section.rows) {
          this.choices.push({ id: row.id, title: row.title });
          line(this.out, `   ${this.choices.length}. ${row.title}${row.description ? ` — ${row.description}` : ''}`);
        }
      }
    }
    return { ok: true };
  }

  async forward(url: string): Promise<SendResult> {
    line(this.out, `   (→ ${url})`);
    return { ok: true };
  }

  /** What the customer's line means: a number or label picks a choice; anything else is text. */
  contentOf(text: string): InboundContent {
    const byNumber = /^\d+$/.test(text) ? this.choices[Number(text) - 1] : undefined;
    const byLabel = this.choices.find(
      (choice) => choice.title.toLowerCase() === text.toLowerCase() || choice.id === text,
    );
    const choice = byNumber ?? byLabel;
    return choice ? { type: 'reply', id: choice.id, title: choice.title } : { type: 'text', text };
  }

  private offer(buttons: ButtonChoice[]): void {
    this.choices = buttons;
    buttons.forEach((button, index) => line(this.out, `   ${index + 1}. ${button.title}`));
  }
}

/** The simulator's own log: only problems, on stderr. */
function quietLogger(stderr: Writable): Logger {
  const write = (event: string) => line(stderr, `(${event})`);
  return { info: () => undefined, warn: write, error: write };
}
