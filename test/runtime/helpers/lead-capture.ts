import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { deliver, eventually, exportBot, root, runBotCommand, type BotOptions, type RunningBot } from './bot.ts';
import { asRecord, type FakeGraph } from './fake-graph.ts';
import { buttonReply, single, text, type MessageBody } from './payloads.ts';

/** The lead-capture example (flows/examples), exported as `name` with the real `amana export`. */
export function exportLeadCapture(name: string): string {
  return exportBot(JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8')), name);
}

/** What the customer reads in one WhatsApp message (text body, or an interactive message's body). */
function readable(message: Record<string, unknown>): string {
  return String(asRecord(message['text'])['body'] ?? asRecord(asRecord(message['interactive'])['body'])['text'] ?? '');
}

/** The name the lead-capture bot holds for `phone`, read with `export-subject` under `key`. */
export function nameHeld(options: BotOptions, phone: string, key: string): unknown {
  const result = runBotCommand({ ...options, key }, ['export-subject', '--phone', `+${phone}`]);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { fields: { key: string; value: unknown }[] };
  return report.fields.find((field) => field.key === 'name')?.value;
}

/**
 * Customers writing to the lead-capture bot that `bot()` returns (it may be restarted between
 * turns), read back through the fake Graph API.
 */
export function leadCaptureCustomers(graph: FakeGraph, bot: () => RunningBot | undefined) {
  /** Sends one message and waits for `replies` answers; resolves to what they say. */
  async function say(phone: string, message: MessageBody, replies: number): Promise<string[]> {
    const running = bot();
    if (!running) throw new Error('the bot is not running');
    const before = graph.messagesTo(phone).length;
    expect((await deliver(running.port, single({ from: phone, name: 'Maria', message }))).status).toBe(200);
    await eventually(() => graph.messagesTo(phone).length >= before + replies, 10_000, `${replies} replies`);
    return graph.messagesTo(phone).slice(before).map(readable);
  }

  /** Greets, picks a product, consents and gives `name`: the bot then holds the name and a conversation. */
  async function giveName(phone: string, name: string): Promise<void> {
    await say(phone, text('oi'), 2);
    await say(phone, buttonReply('planned', 'Móveis planejados'), 1);
    await say(phone, buttonReply('accept', 'Aceito'), 1);
    await say(phone, text(name), 1);
  }

  return { say, giveName };
}
