import type { Flow } from '../flows/index.ts';
import { ConversationProcessor } from './conversation/processor.ts';
import { InboxWorker } from './conversation/inbox-worker.ts';
import type { callRecipient } from './conversation/recipient-call.ts';
import type { PersonKeys } from './crypto/person-keys.ts';
import type { HttpOutcome } from './http/client.ts';
import { errorName, type Logger } from './log.ts';
import { ErasureCaller } from './outbox/erasure-caller.ts';
import { OutboxSender, type Transport } from './outbox/sender.ts';
import type { Storage } from './store/storage.ts';

export interface BotOptions {
  flow: Flow;
  /** The SHA-256 of flow.json as exported, checked against manifest.json (./bundle.ts). */
  flowHash: string;
  store: Storage;
  keys: PersonKeys;
  clock: () => number;
  log: Logger;
  transport: Transport;
  sendRate: number;
  callRecipient: typeof callRecipient;
  /** How recipients' erase routes are called (the terminal simulator answers without calling anyone). */
  eraseRequest?: (method: string, url: string, headers: Record<string, string>) => Promise<HttpOutcome>;
  /** The bot's `AMANA_SECRET_NAME` settings, for erase routes whose headers read `{{secret.NAME}}`. */
  secrets?: (variable: string) => string | undefined;
}

export interface Bot {
  processor: ConversationProcessor;
  worker: InboxWorker;
  sender: OutboxSender;
  /** Asks recipients to erase what they received about erased people. */
  erasures: ErasureCaller;
  stop(): Promise<void>;
}

/** Wires the inbox worker, the conversation processor, the outbox sender and the erasure caller around one store. */
export function assembleBot(options: BotOptions): Bot {
  const { store, log } = options;
  const erasures = new ErasureCaller({
    flow: options.flow,
    store,
    keyring: options.keys.keyring,
    clock: options.clock,
    log,
    ...(options.eraseRequest ? { request: options.eraseRequest } : {}),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  const sender = new OutboxSender({
    store,
    keys: options.keys,
    transport: options.transport,
    rate: options.sendRate,
    clock: options.clock,
    log,
  });
  const processor = new ConversationProcessor({
    flow: options.flow,
    flowHash: options.flowHash,
    store,
    keys: options.keys,
    clock: options.clock,
    log,
    callRecipient: options.callRecipient,
    committed: (result) => {
      if (result.outbox.length > 0) sender.notify();
      // An erasure leaves zeroed pages (secure_delete) and old frames in the WAL: empty it now.
      if (result.erased) {
        void store.scrub().catch((error: unknown) => log.error('scrub-failed', { error: errorName(error) }));
        erasures.notify();
      }
    },
  });
  const worker = new InboxWorker({ store, log, process: (row) => processor.inbound(row) });
  return {
    processor,
    worker,
    sender,
    erasures,
    async stop() {
      await worker.stop();
      await sender.stop();
      await erasures.stop();
    },
  };
}
