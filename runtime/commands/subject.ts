import { secretLookup } from '../config/secrets.ts';
import { splitCounted } from '../conversation/stats.ts';
import { openFor } from '../crypto/person-keys.ts';
import { phoneDigits } from '../crypto/keyring.ts';
import { erasePerson } from '../erasure/erase-person.ts';
import { saidContent } from '../handoff/agent-reply.ts';
import type { Logger } from '../log.ts';
import { runtimeText } from '../messages.ts';
import { ErasureCaller } from '../outbox/erasure-caller.ts';
import type { RecipientErasureEntry } from '../store/storage.ts';
import { line, openBundle, type Opened, type RuntimeIo } from './context.ts';

/** `node server.js purge`: deletes everything past its retention now. */
export async function purgeCommand(io: RuntimeIo): Promise<number> {
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  try {
    const report = await opened.store.purge(opened.clock());
    line(io.stdout, runtimeText(io.language, 'purged', { ...report }));
    return 0;
  } finally {
    await opened.store.close();
  }
}

/** `node server.js erase --phone <number>`: the right to erasure (GDPR art. 17, LGPD art. 18 VI). */
export async function eraseCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const phone = phoneArgument(io, args, 'erase');
  if (phone === undefined) return 2;
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  try {
    await eraseAndTellRecipients(io, opened, phone);
    return 0;
  } finally {
    await opened.store.close();
  }
}

/** Erases the person, asks each recipient once now and says how each answered. */
async function eraseAndTellRecipients(io: RuntimeIo, opened: Opened, phone: string): Promise<void> {
  const at = opened.clock();
  const { erased, recipients } = await erasePerson(opened, phone, at);
  line(io.stdout, runtimeText(io.language, erased ? 'erased' : 'nothing-held'));
  if (recipients === 0) return;
  // Each recipient is asked once now; one that does not answer is asked again by the running bot.
  const caller = new ErasureCaller({
    flow: opened.flow,
    store: opened.store,
    keyring: opened.keys.keyring,
    clock: opened.clock,
    log: silentLogger,
    secrets: secretLookup(opened.settings),
  });
  try {
    await caller.attemptDue();
  } finally {
    await caller.stop();
  }
  const records = await opened.store.subjectRecords(opened.keys.keyring.phoneHash(phone));
  for (const outcome of latestOutcomes(records?.recipientErasures ?? [], at)) {
    const recipient =
      opened.flow.recipients.find((candidate) => candidate.id === outcome.recipient)?.name ?? outcome.recipient;
    const key =
      outcome.event === 'done'
        ? 'recipient-erase-done'
        : outcome.event === 'failed'
          ? 'recipient-erase-failed'
          : 'recipient-erase-pending';
    line(
      io.stdout,
      runtimeText(io.language, key, { recipient, status: outcome.status ?? '', detail: outcome.detail ?? '' }),
    );
  }
}

/** Each recipient's latest word since the erasure: done, failed, or still only requested. */
function latestOutcomes(entries: readonly RecipientErasureEntry[], since: number): RecipientErasureEntry[] {
  const latest = new Map<string, RecipientErasureEntry>();
  for (const entry of entries) if (entry.at >= since) latest.set(entry.recipient, entry);
  return [...latest.values()];
}

const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * `node server.js export-subject --phone <number>`: everything held about one person, opened and
 * labelled, as JSON on stdout — for access and portability requests (GDPR art. 15 and 20,
 * LGPD art. 18 II and V).
 */
export async function exportSubjectCommand(io: RuntimeIo, args: string[]): Promise<number> {
  const phone = phoneArgument(io, args, 'export-subject');
  if (phone === undefined) return 2;
  const opened = await openBundle(io);
  if (typeof opened === 'number') return opened;
  let report: Awaited<ReturnType<typeof subjectReport>>;
  try {
    report = await subjectReport(opened, phone);
  } finally {
    await opened.store.close();
  }
  line(io.stdout, JSON.stringify(report, null, 2));
  if (report.subject.firstSeen === null && report.consentLedger.length === 0 && report.recipientErasures.length === 0)
    line(io.stderr, runtimeText(io.language, 'nothing-held'));
  return 0;
}

/**
 * Everything held about one number, opened and labelled with what the flow declares of it: what
 * `export-subject` prints and the desk's supervisors download (GDPR art. 15 and 20, LGPD art. 18).
 * It is what the person receives, so it holds their data and what was said with them, and none of
 * the bot's bookkeeping: not the key an agent's reply was sent with (../handoff/agent-reply.ts), nor
 * the statistics' marks in the conversation's state.
 */
export async function subjectReport(opened: Pick<Opened, 'flow' | 'store' | 'keys'>, phone: string) {
  const { store, keys, flow } = opened;
  const records = await store.subjectRecords(keys.keyring.phoneHash(phone));
  const iso = (ms: number) => new Date(ms).toISOString();
  const sealer = records?.person ? keys.of(records.person) : undefined;
  const open = (context: Parameters<typeof openFor>[1], sealed: Buffer) =>
    sealer ? openFor(sealer, context, sealed) : undefined;
  return {
    subject: { phone: `+${phoneDigits(phone)}`, firstSeen: records?.person ? iso(records.person.createdAt) : null },
    controller: flow.controller,
    flow: { id: flow.id, name: flow.name },
    fields: (records?.fields ?? []).map((field) => {
      const declared = flow.data.find((candidate) => candidate.key === field.key);
      return {
        key: field.key,
        label: declared?.label ?? null,
        category: declared?.category ?? null,
        purposes: declared?.purposes ?? [],
        legalBasis: declared?.legalBasis ?? null,
        sharedWith: (declared?.sharedWith ?? []).map(
          (id) => flow.recipients.find((recipient) => recipient.id === id) ?? { id },
        ),
        value: open(`field:${field.key}`, field.value),
        collectedAt: iso(field.collectedAt),
        deleteBy: iso(field.expiresAt),
      };
    }),
    conversation: records?.conversation
      ? {
          state: conversationState(open('state', records.conversation.state)),
          updatedAt: iso(records.conversation.updatedAt),
          deleteBy: iso(records.conversation.expiresAt),
        }
      : null,
    consentLedger: (records?.ledger ?? []).map((entry) => ({ ...entry, at: iso(entry.at) })),
    // Which recipients were asked to erase what they received, and how each answered (no references: those are gone).
    recipientErasures: (records?.recipientErasures ?? []).map((entry) => ({
      ...entry,
      recipientName: flow.recipients.find((recipient) => recipient.id === entry.recipient)?.name ?? null,
      at: iso(entry.at),
    })),
    handoffs: (records?.handoffs ?? []).map((handoff) => ({
      queue: handoff.queue,
      since: iso(handoff.createdAt),
      shared: open('handoff', handoff.shared),
      messages: handoff.messages.map((message) => ({
        author: message.author,
        at: iso(message.at),
        content: saidContent(open('handoff-message', message.payload)),
      })),
    })),
    messagesWaiting: (records?.pendingInbox ?? []).map((message) => open('inbox', message.payload)),
    repliesWaiting: (records?.pendingOutbox ?? []).map((reply) => open('outbox', reply.payload)),
  };
}

/**
 * The conversation as the engine holds it (where it is, the values and consents it carries, its
 * language), without the bot's bookkeeping: `counted`, which step counters of `stats` it already
 * added to (../conversation/stats.ts), is about the statistics, not about the person.
 */
function conversationState(opened: unknown): unknown {
  return typeof opened === 'object' && opened !== null && !Array.isArray(opened)
    ? splitCounted(Object.fromEntries(Object.entries(opened))).state
    : opened;
}

function phoneArgument(io: RuntimeIo, args: string[], command: string): string | undefined {
  const at = args.findIndex((arg) => arg === '--phone' || arg.startsWith('--phone='));
  const arg = at >= 0 ? (args[at] ?? '') : '';
  const value = arg.includes('=') ? arg.slice('--phone='.length) : args[at + 1];
  if (at < 0 || value === undefined) {
    line(io.stderr, runtimeText(io.language, 'missing-phone', { command }));
    return undefined;
  }
  const digits = phoneDigits(value);
  if (digits.length < 5 || digits.length > 20 || !/^[+\d\s().-]+$/.test(value)) {
    line(io.stderr, runtimeText(io.language, 'bad-phone', { phone: value }));
    return undefined;
  }
  return digits;
}
