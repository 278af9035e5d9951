import type { StoreAccess } from './access.ts';
import type { DeskStore } from './desk-store.ts';

/**
 * The bot's storage, as the rest of the runtime sees it. SQLite (./sqlite/, one file per area)
 * implements it for one instance; PostgreSQL (./postgres/) for several instances of the bot on one
 * database: work is claimed with leases there, so each message is processed by one instance.
 *
 * The storage never sees a personal value in clear: callers hand it sealed blobs (AES-256-GCM
 * under the person's data key, ../crypto/keyring.ts) and keyed hashes. Every method that writes
 * is atomic; implementations may group concurrent writes into one commit.
 */
export interface Storage {
  /** Whether other processes may write to this store too (the workers then also poll it). */
  readonly shared: boolean;
  /** The agent desk's accounts, sessions and access log (./desk-store.ts). */
  readonly desk: DeskStore;
  /**
   * Whether this process may work on the store now (./access.ts). A paused store claims no work
   * (the claims return nothing) and refuses the writes that need the master key with StorePaused:
   * {@link ingest}, {@link holdPerson}, {@link ensurePerson}, {@link commitTurn}, {@link purge}.
   */
  readonly access: StoreAccess;

  /** The sealed key-check value, written once when the store is created. */
  keyCheck(): Promise<Buffer | undefined>;
  setKeyCheck(value: Buffer): Promise<void>;

  /**
   * Writes a webhook delivery: every new message into the inbox (creating its sender if needed)
   * and every status update. Messages whose dedupe hash is already known are skipped.
   * Resolves once everything is durable; only then may the webhook answer 200.
   */
  ingest(messages: IngestMessage[], statuses: StatusRecord[]): Promise<IngestResult>;

  /**
   * Claims people with unprocessed messages for this instance and returns their rows in arrival
   * order (at most `limit`), skipping the people in `held` (already being worked on here). A
   * claim is a lease: another instance takes the person over only once it has expired, so one
   * person's messages are processed by one instance at a time, in order.
   */
  claimInbox(limit: number, held: ReadonlySet<number>): Promise<InboxRow[]>;
  /** Gives back people this instance no longer works on (their later messages may go elsewhere). */
  releaseInbox(personIds: readonly number[]): Promise<void>;
  /** Claims one person for work outside the inbox (an agent's reply or release); false while another instance has them. */
  holdPerson(personId: number): Promise<boolean>;
  /** A person with their conversation and open handoff, for processing one turn. */
  personContext(personId: number): Promise<PersonContext | undefined>;
  findPerson(phoneHash: Buffer): Promise<PersonRow | undefined>;
  /** Finds or creates the person with this phone hash (the simulator and admin replies use it). */
  ensurePerson(phoneHash: Buffer, material: () => PersonMaterial): Promise<PersonRow>;
  /**
   * Applies one turn's writes atomically, in order (see {@link TurnOp}). Rejects with
   * {@link TurnConflict}, writing nothing, when the turn's message was already processed or another
   * instance has taken the person over.
   */
  commitTurn(personId: number, ops: TurnOp[]): Promise<TurnResult>;

  /**
   * Claims outbox rows ready to send: each person's oldest row only (messages to one person leave
   * in order), due by `now`, skipping persons in `busy` and rows another instance is sending, and
   * no more than `rate` per second for the business number across every instance. `waitMs` says
   * when to ask again if the rate held rows back.
   */
  dueOutbox(now: number, limit: number, busy: ReadonlySet<number>, rate: number): Promise<DueOutbox>;
  /** The earliest time one of the rows that can go next (each person's oldest) becomes due, if any. */
  nextOutboxDue(): Promise<number | undefined>;
  /** The row went; `messageHash` is the keyed hash of the id WhatsApp gave it (an agent's reply keeps it for its status). */
  outboxSent(id: number, messageHash?: Buffer): Promise<void>;
  outboxRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void>;
  outboxFailed(id: number, attempts: number, error: string, at: number): Promise<void>;

  openHandoffs(): Promise<HandoffRow[]>;
  handoff(ref: string): Promise<HandoffRow | undefined>;
  handoffMessages(handoffId: number): Promise<HandoffMessageRow[]>;

  /** Deletes what has passed its retention (see {@link PurgeReport}). */
  purge(now: number): Promise<PurgeReport>;
  /**
   * Erases one person: their key and every row about them; the consent ledger records the
   * erasure. `requests` are queued in the same write, one per recipient to be told (see
   * {@link EraseRequest}), each recorded as `requested` in the recipients' erasure ledger.
   */
  erasePerson(phoneHash: Buffer, at: number, requests?: readonly EraseRequest[]): Promise<boolean>;
  /** What each recipient that received the person's data returned to erase it by (sealed for the person). */
  recipientRefs(personId: number): Promise<RecipientRefRow[]>;
  /**
   * Claims erase requests due by `now` (at most `limit`): each is leased to this instance for a
   * while, so a crash leaves it to be tried again and two instances never call for the same one.
   */
  dueErasures(now: number, limit: number): Promise<EraseRequestRow[]>;
  /** The earliest time an erase request becomes due, if any waits. */
  nextErasureDue(): Promise<number | undefined>;
  /** The recipient did not answer well (5xx, 429, network): try again at `nextAttemptAt`. */
  erasureRetry(id: number, attempts: number, nextAttemptAt: number, error: string): Promise<void>;
  /** The request is over (`done` or `failed`): the row and its sealed reference go, the ledger records the outcome. */
  erasureSettled(id: number, outcome: RecipientErasureOutcome): Promise<void>;
  /**
   * The consent ledger of one subject, oldest first (it outlives the person's row): a returning
   * customer's earlier answers, and the wording each was given for.
   */
  consentLedger(phoneHash: Buffer): Promise<LedgerEntry[]>;
  /**
   * The erasure journal, oldest first: the keyed phone hash and the time of every erasure (every
   * {@link erasePerson} and turn `erase` appends one), kept so a restored backup can be made to
   * forget again whoever was erased after it was taken.
   */
  erasureJournal(): Promise<ErasureEntry[]>;
  /**
   * Replays a journal (one kept aside before a restore) on this store: each entry joins the journal,
   * and a person with its phone hash who was already known at its time is erased again (key, rows,
   * pending messages), with the erasure recorded in the consent ledger at its original time. A
   * person first seen after the entry (they came back) is kept. Running it twice changes nothing.
   */
  replayErasures(entries: readonly ErasureEntry[]): Promise<ReplayReport>;
  /** A value of the store's own (`meta`: the key check, the key rotation's progress), by name. */
  readMeta(name: string): Promise<Buffer | undefined>;
  /** Sets (a Buffer) or deletes (null) meta values, all in one transaction. */
  writeMeta(values: Record<string, Buffer | null>): Promise<void>;
  /** Up to `limit` persons, by id, whose data key is not yet wrapped by the master key `keyId`. */
  personsNotWrappedBy(keyId: string, limit: number): Promise<PersonRow[]>;
  /** Stores data keys re-wrapped by the master key `keyId` (and records that id), in one transaction. */
  rewrapPersonKeys(rows: readonly { id: number; wrappedKey: Buffer }[], keyId: string): Promise<void>;
  /** Everything held about one person, still sealed (export-subject opens it); undefined if never seen. */
  subjectRecords(phoneHash: Buffer): Promise<SubjectRecords | undefined>;
  /** Makes deleted content unrecoverable from the files (SQLite: checkpoint and truncate the WAL). */
  scrub(): Promise<void>;
  counts(): Promise<StoreCounts>;
  /**
   * The aggregate counters of `stats` (see {@link StatsCount}) for the UTC days `from` to `to`
   * (YYYY-MM-DD, both included), without zeros.
   */
  statsCounts(from: string, to: string): Promise<StatsCount[]>;
  /** For `/healthz`: rejects when the database cannot be reached, or with StorePaused while paused. */
  health(now: number): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** One erasure: the keyed hash of the number and when. No other data. */
export interface ErasureEntry {
  subject: Buffer;
  at: number;
}

export interface ReplayReport {
  /** People erased again (known before their erasure's time and still in this store). */
  erased: number;
  /** Entries this store's journal did not hold yet. */
  recorded: number;
}

/**
 * A recipient to be told of an erasure. `request` is the call (method and filled-in URL), sealed
 * under the bot's erase-request key — not the person's key, which goes with the erasure — and
 * deleted once the call is settled. Without `request` (see `problem`) the recipient cannot be
 * asked: the ledger records it as `failed` at once.
 */
export interface EraseRequest {
  recipient: string;
  request?: Buffer;
  /** Why there is no request: the recipient returned no reference, or the flow no longer has its route. */
  problem?: 'no reference' | 'no erase route';
}

export interface EraseRequestRow {
  id: number;
  /** The keyed hash of the person's number, as the consent ledger keeps it. */
  subject: Buffer;
  recipient: string;
  request: Buffer;
  attempts: number;
  createdAt: number;
}

/** A recipient returned references (e.g. `lead_id`) for the person: sealed for them, told apart by a keyed digest. */
export interface RecipientRefRow {
  recipient: string;
  refs: Buffer;
  /** Whether every key the recipient's erase route reads had a value. */
  complete: boolean;
}

/** How an erase request ended: `status` is the recipient's HTTP status when it answered; `detail` never holds personal data. */
export interface RecipientErasureOutcome {
  event: 'done' | 'failed';
  attempts: number;
  status?: number;
  detail?: string;
  at: number;
}

/** One entry of the append-only ledger of erasures asked of recipients (GDPR art. 19, LGPD art. 18 §6). */
export interface RecipientErasureEntry {
  recipient: string;
  event: 'requested' | 'done' | 'failed';
  attempts?: number;
  status?: number;
  detail?: string;
  at: number;
}

/**
 * The store is in use the other way: a command that must run alone (`rotate-key`, `wanted: 'alone'`)
 * found other processes on it or live claims on work; or a process found such a command running
 * (`wanted: 'shared'`). PostgreSQL only (./postgres/instances.ts); SQLite says it with ./sqlite/in-use.ts.
 */
export class StoreInUse extends Error {
  override name = 'StoreInUse';

  constructor(readonly users: { holders: StoreUser[]; claims: number; wanted: 'alone' | 'shared' }) {
    super(`the database is in use: ${users.holders.length} process(es), ${users.claims} live claim(s)`);
  }
}

/** A process that has the store open, as the database names it (`amana serve, pid 4242 on web-1`). */
export interface StoreUser {
  name: string;
  /** Its client address, when it connects over the network. */
  address?: string;
  /** When its session began (ms since the epoch). */
  since?: number;
}

/** A turn lost its claim: the message was already processed, or another instance has the person. */
export class TurnConflict extends Error {
  override name = 'TurnConflict';
}

export interface DueOutbox {
  rows: OutboxRow[];
  /** Milliseconds until the send rate allows more, when it held rows back; 0 otherwise. */
  waitMs: number;
  /**
   * When no row could be taken (none held back by the rate): the earliest time one of the rows
   * that can go next becomes due, as {@link Storage.nextOutboxDue} says; absent when there is none.
   */
  nextDueAt?: number;
}

export interface StoreHealth {
  /** How long the oldest unprocessed message has been waiting, in ms (0 when none waits). */
  inboxLagMs: number;
}

/** What a new person row holds: their data key wrapped by the master key, and their sealed number. */
export interface PersonMaterial {
  wrappedKey: Buffer;
  phoneSealed: Buffer;
}

export interface PersonRow extends PersonMaterial {
  id: number;
  phoneHash: Buffer;
  createdAt: number;
}

export interface IngestMessage {
  /** Keyed hash of the WhatsApp message id (Meta redelivers; each id is processed once). */
  dedupeHash: Buffer;
  phoneHash: Buffer;
  receivedAt: number;
  /** Called, inside the write, only when the sender is new. */
  newPerson(): PersonMaterial;
  /** Seals the message for its person (called inside the write with the person's row). */
  seal(person: PersonRow): Buffer;
}

export interface IngestResult {
  /** Inbox ids of the new messages, in order. */
  inserted: number[];
  duplicates: number;
}

type MessageStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'deleted' | 'warning' | 'played';

export interface StatusRecord {
  /** Keyed hash of the outgoing message's id. */
  messageHash: Buffer;
  status: MessageStatus;
  /** When WhatsApp says it happened (ms since epoch). */
  at: number;
  /** WhatsApp's error code for `failed` (e.g. 131047: outside the 24-hour window). */
  errorCode?: number;
}

export interface InboxRow {
  id: number;
  personId: number;
  payload: Buffer;
  receivedAt: number;
}

export interface ConversationRow {
  state: Buffer;
  updatedAt: number;
  /**
   * When the earliest personal value the conversation holds reaches its retention. It never moves
   * later while the conversation lasts, so activity cannot stretch a value's retention.
   */
  valuesExpireAt?: number;
  /** When the conversation is forgotten: `valuesExpireAt`, or after a week without messages. */
  expiresAt: number;
}

export interface PersonContext {
  person: PersonRow;
  conversation?: ConversationRow;
  openHandoff?: HandoffRow;
}

export interface HandoffRow {
  id: number;
  /** The public id (admin API paths, forwards): random, not guessable. */
  ref: string;
  personId: number;
  queue: string;
  nodeId: string;
  /** The shared fields, sealed for the person. */
  shared: Buffer;
  createdAt: number;
  /** The earliest retention among the shared values. */
  expiresAt: number;
  person: PersonRow;
}

export interface HandoffMessageRow {
  id: number;
  handoffId: number;
  /** `customer` wrote it, or an `agent` sent it through the admin API. */
  author: 'customer' | 'agent';
  payload: Buffer;
  at: number;
}

/** One entry of the append-only consent ledger. Subjects are keyed hashes, never numbers. */
export interface LedgerEntry {
  event: 'granted' | 'declined' | 'erased' | 'opted-out' | 'opted-in';
  purposes: string[];
  nodeId?: string;
  /**
   * For `granted` and `declined`: the version of the flow the answer was given in (the SHA-256 of
   * its flow.json, as in manifest.json) and, per purpose, the hash of the wording it was given for
   * (flows/model/purpose-wording.ts). Absent on entries written before the ledger kept them.
   */
  flowVersion?: string;
  wording?: Record<string, string>;
  at: number;
}

/**
 * A write of one turn, applied in order to the turn's *current person*. `erase` deletes the
 * current person entirely; `new-person` then creates a fresh one for the same number (the
 * conversation may continue after an erasure, e.g. to confirm it), and later ops apply to it.
 */
export type TurnOp =
  | { op: 'inbox-done'; inboxId: number }
  | { op: 'field'; key: string; value: Buffer; collectedAt: number; expiresAt: number }
  | { op: 'ledger'; entry: LedgerEntry }
  | { op: 'outbox'; kind: OutboxKind; payload: Buffer; createdAt: number }
  | { op: 'conversation'; state: Buffer; updatedAt: number; valuesExpireAt?: number; expiresAt: number }
  | { op: 'end-conversation' }
  | { op: 'handoff-open'; ref: string; queue: string; nodeId: string; shared: Buffer; at: number; expiresAt: number }
  | { op: 'handoff-message'; author: 'customer' | 'agent'; payload: Buffer; at: number }
  /** The agent released the chat: the handoff and its messages are deleted. */
  | { op: 'handoff-release' }
  | { op: 'erase'; at: number; requests?: readonly EraseRequest[] }
  /**
   * The current person's data reached a recipient with an erase route; `refs` (sealed for the
   * person) holds what its route reads. `digest` is a keyed hash of recipient and references under
   * the person's key, so the same record is kept once and nothing links it once the key is gone.
   */
  | { op: 'recipient-ref'; recipient: string; refs: Buffer; digest: Buffer; complete: boolean; at: number }
  /** Adds to aggregate counters (never below zero); they hold no person, value or time finer than a day. */
  | { op: 'stats'; counts: StatsCount[] }
  | { op: 'new-person'; material: PersonMaterial; at: number };

export interface TurnResult {
  /** The person the turn ended with (a new id after an erasure and `new-person`). */
  personId: number;
  /** Ids of the outbox rows written. */
  outbox: number[];
  /** Whether the turn erased someone (the caller then scrubs the files). */
  erased: boolean;
}

/** A Graph API message (`message`) or a handoff notification to a recipient's URL (`forward`). */
export type OutboxKind = 'message' | 'forward';

export interface OutboxRow {
  id: number;
  personId: number;
  kind: OutboxKind;
  payload: Buffer;
  attempts: number;
  createdAt: number;
  person: PersonRow;
}

export interface PurgeReport {
  fields: number;
  conversations: number;
  handoffs: number;
  persons: number;
  inboxKeys: number;
  statuses: number;
  failedSends: number;
}

/** Everything about one subject; `person` is absent when only ledger entries remain (after an erasure). */
export interface SubjectRecords {
  person?: PersonRow;
  fields: { key: string; value: Buffer; collectedAt: number; expiresAt: number }[];
  conversation?: ConversationRow;
  ledger: LedgerEntry[];
  /** The erasures asked of recipients, and how each ended. */
  recipientErasures: RecipientErasureEntry[];
  handoffs: (Omit<HandoffRow, 'person'> & { messages: HandoffMessageRow[] })[];
  pendingInbox: { payload: Buffer; receivedAt: number }[];
  pendingOutbox: { kind: OutboxKind; payload: Buffer; createdAt: number }[];
}

export interface StoreCounts {
  persons: number;
  pendingInbox: number;
  pendingOutbox: number;
  openHandoffs: number;
}

/** What a counter counts: conversations at a step, or consent decisions for a purpose. */
export type StatsScope = 'step' | 'purpose';
export const stepMetrics = ['reached', 'left', 'ended', 'handed-off', 'opted-out'] as const;
export const purposeMetrics = ['granted', 'declined'] as const;
export type StatsMetric = (typeof stepMetrics)[number] | (typeof purposeMetrics)[number];

/**
 * One aggregate counter of `stats` (runtime/stats/): how many conversations did `metric` at a
 * step (`item` is the step's id; '' for an opt-out outside any conversation) or for a purpose, on
 * one UTC `day` (YYYY-MM-DD). In a turn's `stats` op, `count` is the amount to add (negative to
 * take away). Nothing in it identifies a person.
 */
export interface StatsCount {
  day: string;
  scope: StatsScope;
  item: string;
  metric: StatsMetric;
  count: number;
}
